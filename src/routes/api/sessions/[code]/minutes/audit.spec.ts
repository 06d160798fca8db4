/**
 * The HTTP hooks of the organization's audit log: a minutes download (facilitator link, report
 * link), a report link opening the summary, a PIC link opening its page — one entry each, with
 * the right actor and address — and nothing at all for a one-off session.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPicPage } from '$lib/http/followup-pic.server';
import * as accounts from '$lib/server/accounts/accounts';
import * as audit from '$lib/server/accounts/audit';
import { getContext } from '$lib/server/context';
import { createLink } from '$lib/server/keyed-links';
import * as reports from '$lib/server/reports';
import { type TestSession } from '$lib/testing/server';
import { sessionInContext } from '$lib/testing/stores';
import { GET as summaryGET } from '../summary/+server';
import { GET } from './+server';

const ADDRESS = '192.0.2.91';
let org: TestSession;
let oneOff: TestSession;
let organizationId = '';

beforeAll(async () => {
	org = await sessionInContext({ title: 'FGD Organisasi' });
	oneOff = await sessionInContext({ title: 'FGD Sekali Pakai' });
	const db = getContext().store.db;
	organizationId = (await accounts.createAdminWithSetupLink(getContext().store.db, { organization: 'Bappeda Kota Samarinda', login: 'admin@samarinda.go.id', name: 'Admin' })).organization.id;
	await db.updateTable('sessions').set({ organization_id: organizationId }).where('id', '=', org.row.id).execute();
});

function call<H extends (event: never) => unknown>(handler: H, path: string, code: string, key: string) {
	const url = new URL(`http://rembuk.test/api/sessions/${code}/${path}`);
	const event = { params: { code }, url, request: new Request(url, { headers: { authorization: `Bearer ${key}` } }), getClientAddress: () => ADDRESS };
	return handler(event as never) as Promise<Response>;
}

const logged = (action: audit.AuditAction) => audit.list(getContext().store.db, organizationId, 100, { action });
const everything = () =>
	getContext()
		.store.db.selectFrom('org_audit')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('action', 'not in', ['member.invited', 'account.setup'])
		.executeTakeFirstOrThrow();

describe('audit hooks over HTTP', () => {
	it('a minutes download with the facilitator link: one entry, actor facilitator_link, the address', async () => {
		expect((await call(GET, 'minutes?format=md&lang=en', org.row.code, org.facilitatorKey)).status).toBe(200);
		expect(await logged('minutes.downloaded')).toEqual([
			expect.objectContaining({ actor: 'facilitator_link', accountId: null, address: ADDRESS, subject: org.row.code, detail: 'md en' })
		]);
	});

	it('a report link: the download as the report link, and its use when it opens the summary', async () => {
		const { key } = await reports.create(getContext().store.db, org.row.id);
		expect((await call(GET, 'minutes?format=json', org.row.code, key)).status).toBe(200);
		expect((await logged('minutes.downloaded'))[0]).toMatchObject({ actor: 'report_link', address: ADDRESS, detail: 'json id' });
		expect((await call(summaryGET, 'summary', org.row.code, key)).status).toBe(200);
		expect(await logged('report_link.used')).toEqual([expect.objectContaining({ actor: 'report_link', address: ADDRESS, detail: 'summary' })]);
		// The console's own summary card is not a report link's use.
		expect((await call(summaryGET, 'summary', org.row.code, org.facilitatorKey)).status).toBe(200);
		expect(await logged('report_link.used')).toHaveLength(1);
	});

	it('a PIC link opening its page: one entry, actor pic_link, naming the institution', async () => {
		const { key } = await createLink(getContext().store.db, 'pic_links', org.row.id, new Date(), { institution: 'Dinas Koperasi' });
		const page = await loadPicPage({ params: { code: org.row.code, key }, url: new URL('http://rembuk.test/t/x/y'), getClientAddress: () => ADDRESS });
		expect(page.refused).toBe(false);
		expect(await logged('pic_link.used')).toEqual([expect.objectContaining({ actor: 'pic_link', address: ADDRESS, detail: 'view: Dinas Koperasi' })]);
	});

	it('writes nothing for a one-off session', async () => {
		const before = (await everything()).n;
		const { key } = await reports.create(getContext().store.db, oneOff.row.id);
		expect((await call(GET, 'minutes?format=md', oneOff.row.code, oneOff.facilitatorKey)).status).toBe(200);
		expect((await call(summaryGET, 'summary', oneOff.row.code, key)).status).toBe(200);
		const pic = await createLink(getContext().store.db, 'pic_links', oneOff.row.id, new Date(), { institution: 'Dinas Koperasi' });
		await loadPicPage({ params: { code: oneOff.row.code, key: pic.key }, url: new URL('http://rembuk.test/t/x/y'), getClientAddress: () => ADDRESS });
		expect((await everything()).n).toBe(before);
	});
});
