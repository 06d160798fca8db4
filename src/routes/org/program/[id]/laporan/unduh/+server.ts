import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { addressOf, requireMember } from '$lib/http/account.server';
import { MINUTES_LANGUAGES, PAPERS } from '$lib/domain/minutes-formats';
import * as access from '$lib/server/accounts/access';
import * as audit from '$lib/server/accounts/audit';
import { getContext } from '$lib/server/context';
import { programmeReport } from '$lib/server/programmes/report';
import * as synthesis from '$lib/server/synthesis';
import type { RequestHandler } from './$types';

const query = z.object({ format: z.enum(['pdf', 'docx', 'xlsx']), lang: z.enum(MINUTES_LANGUAGES).default('id'), paper: z.enum(PAPERS).default('a4') });

/** The programme's Laporan Hasil FGD as a file, for its organization's admins and organizers; every download is audited. */
export const GET: RequestHandler = async (event) => {
	const { member } = await requireMember(event);
	const parsed = query.safeParse(Object.fromEntries(event.url.searchParams));
	if (!parsed.success) error(400, 'Choose format pdf, docx or xlsx; lang id or en; paper a4 or f4');
	const { format, lang, paper } = parsed.data;
	const db = getContext().store.db;
	let report;
	try {
		report = await programmeReport(db, member, event.params.id.slice(0, 40), lang);
	} catch (e) {
		if (e instanceof access.AccessDenied) error(e.code === 'forbidden' ? 403 : 404, 'No programme report of your organization here');
		throw e;
	}
	if (!report.synthesis) error(409, 'This programme has no session yet');
	const body = await synthesis.renderSynthesis(report.synthesis, format, paper);
	await audit.add(db, {
		organizationId: member.organizationId,
		accountId: member.accountId,
		action: 'report.downloaded',
		subject: report.programme.id,
		detail: `synthesis ${format} ${lang} ${paper}`,
		address: addressOf(event)
	});
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': synthesis.SYNTHESIS_FORMATS[format],
			'content-disposition': `attachment; filename="${synthesis.synthesisFilename(report.synthesis, format, paper)}"`,
			'cache-control': 'no-store'
		}
	});
};
