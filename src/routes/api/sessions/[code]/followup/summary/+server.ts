import { json } from '@sveltejs/kit';
import { getContext } from '$lib/server/context';
import { handle } from '$lib/http/endpoint.server';
import { findSession, requireFacilitator, staffActor } from '$lib/http/lookup.server';
import * as audit from '$lib/server/accounts/audit';
import { filterRows, todayIn } from '$lib/domain/followup';
import { whatsappSummary } from '$lib/domain/followup-summary';
import * as followup from '$lib/server/followup';
import { parseLocale } from '$lib/i18n/index.svelte';
import type { RequestHandler } from './$types';

/** The short progress summary for WhatsApp, of the rows the query's filter keeps, in `?lang=id|en`. */
export const GET: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		const { accountId } = await requireFacilitator(event, session);
		const locale = parseLocale(event.url.searchParams.get('lang'));
		const rows = filterRows(await followup.loadTracked(getContext().store.db, [session.id]), followup.filterFromQuery(event.url.searchParams));
		const text = whatsappSummary(rows, followup.messagesFor(locale), { title: session.title, locale, today: todayIn(session.time_zone) });
		await audit.addForSession(getContext().store.db, session.id, staffActor(event, accountId), { action: 'report.downloaded', detail: `followup summary ${locale}` });
		return json({ text }, { headers: { 'cache-control': 'no-store' } });
	});
