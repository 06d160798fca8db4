import { error, json } from '@sveltejs/kit';
import { addressOf, requireMember } from '$lib/http/account.server';
import { AccessDenied } from '$lib/server/accounts/access';
import { getContext } from '$lib/server/context';
import { filterFromQuery } from '$lib/server/followup';
import { programmeSummary } from '$lib/server/programmes/followup';
import { parseLocale } from '$lib/i18n/index.svelte';
import type { RequestHandler } from './$types';

/** The programme's short WhatsApp progress summary over the rows the query's filter keeps, in `?lang=id|en`; audited. */
export const GET: RequestHandler = async (event) => {
	const { member } = await requireMember(event);
	const locale = parseLocale(event.url.searchParams.get('lang'));
	try {
		const text = await programmeSummary(getContext().store.db, member, event.params.id.slice(0, 40), filterFromQuery(event.url.searchParams), locale, addressOf(event));
		return json({ text }, { headers: { 'cache-control': 'no-store' } });
	} catch (e) {
		if (e instanceof AccessDenied) error(404, 'No programme of your organization has this id');
		throw e;
	}
};
