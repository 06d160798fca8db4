import { error } from '@sveltejs/kit';
import { CSV_DIALECTS, type CsvDialect } from '$lib/domain/minutes-formats';
import { auditView, CSV_LIMIT } from '$lib/http/org-audit.server';
import { toCsv } from '$lib/server/accounts/audit';
import type { RequestHandler } from './$types';

/** The audit log as CSV, with the page's filter; `?csv=excel` (default) or `rfc4180`, as for the minutes. */
export const GET: RequestHandler = async (event) => {
	const dialect = (event.url.searchParams.get('csv') ?? 'excel') as CsvDialect;
	if (!(CSV_DIALECTS as readonly string[]).includes(dialect)) error(400, { message: `Use ?csv=${CSV_DIALECTS.join('|')}` });
	const { valid, entries, names } = await auditView(event, CSV_LIMIT);
	if (!valid) error(400, { message: 'Invalid filter: action from the list, from/to as YYYY-MM-DD' });
	const day = new Date().toISOString().slice(0, 10);
	return new Response(toCsv(entries, names, dialect), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="audit-${day}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
