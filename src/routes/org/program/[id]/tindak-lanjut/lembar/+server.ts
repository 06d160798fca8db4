import { error } from '@sveltejs/kit';
import { addressOf, requireMember } from '$lib/http/account.server';
import { AccessDenied } from '$lib/server/accounts/access';
import { getContext } from '$lib/server/context';
import { filterFromQuery } from '$lib/server/followup';
import { programmeSheet } from '$lib/server/programmes/followup';
import { parseLocale } from '$lib/i18n/index.svelte';
import type { RequestHandler } from './$types';

/** The programme's monitoring sheet (XLSX) over the rows the query's filter keeps, in `?lang=id|en`; audited. */
export const GET: RequestHandler = async (event) => {
	const { member } = await requireMember(event);
	const locale = parseLocale(event.url.searchParams.get('lang'));
	try {
		const { body, filename } = await programmeSheet(getContext().store.db, member, event.params.id.slice(0, 40), filterFromQuery(event.url.searchParams), locale, addressOf(event));
		return new Response(new Uint8Array(body), {
			headers: {
				'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				'content-disposition': `attachment; filename="${filename}"`,
				'cache-control': 'no-store'
			}
		});
	} catch (e) {
		if (e instanceof AccessDenied) error(404, 'No programme of your organization has this id');
		throw e;
	}
};
