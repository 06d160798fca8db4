import { getContext } from '$lib/server/context';
import { handle } from '$lib/http/endpoint.server';
import { findSession, requireFacilitator, staffActor } from '$lib/http/lookup.server';
import * as audit from '$lib/server/accounts/audit';
import { filterRows, todayIn } from '$lib/domain/followup';
import * as followup from '$lib/server/followup';
import { parseLocale } from '$lib/i18n/index.svelte';
import type { RequestHandler } from './$types';

/** The monitoring sheet (XLSX) of the rows the query's filter keeps, in `?lang=id|en`. */
export const GET: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event, { formerCodes: true });
		const { accountId } = await requireFacilitator(event, session);
		const locale = parseLocale(event.url.searchParams.get('lang'));
		const rows = filterRows(await followup.loadTracked(getContext().store.db, [session.id]), followup.filterFromQuery(event.url.searchParams));
		const body = await followup.renderSheet(rows, followup.messagesFor(locale));
		const filename = followup.sheetFilename(session.code, locale, todayIn(session.time_zone));
		await audit.addForSession(getContext().store.db, session.id, staffActor(event, accountId), { action: 'report.downloaded', detail: `followup sheet ${locale}` });
		return new Response(new Uint8Array(body), {
			headers: {
				'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				'content-disposition': `attachment; filename="${filename}"`,
				'cache-control': 'no-store'
			}
		});
	});
