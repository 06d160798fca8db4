/** The personal-data endpoints: a phone's own data and its deletion request, the facilitator's side, deleting a session. */
import { beforeAll, describe, expect, it } from 'vitest';
import { getContext } from '$lib/server/context';
import { joinParticipant, newToken, type TestSession } from '$lib/testing/server';
import { sessionInContext } from '$lib/testing/stores';
import { DELETE as deleteSession, GET as getSession } from '../+server';
import { GET as myData } from '../me/+server';
import { POST as requestDeletion } from '../me/deletion-request/+server';
import { GET, PUT } from './+server';
import { POST as erase } from './erasures/+server';

let session: TestSession;
let token = '';
let participantId = '';

beforeAll(async () => {
	session = await sessionInContext({ title: 'FGD Data Pribadi' });
	const joined = await joinParticipant(getContext().store.db, session, 'Ahmad Fauzi', newToken(), 'pemerintah', 'Bappeda Paser');
	token = joined.token;
	participantId = joined.id;
});

function event(method: string, path: string, key?: string, body?: unknown) {
	const { code } = session.row;
	const url = new URL(`http://rembuk.test/api/sessions/${code}${path}`);
	const headers: Record<string, string> = { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) };
	return {
		params: { code },
		url,
		request: new Request(url, { method, headers, body: body ? JSON.stringify(body) : undefined }),
		getClientAddress: () => '192.0.2.77'
	} as never;
}

describe('personal data over HTTP', () => {
	it('shows a phone what is held about it, and nobody else', async () => {
		const response = await myData(event('GET', '/me', token));
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ name: 'Ahmad Fauzi', institution: 'Bappeda Paser', group: 'pemerintah', items: [], deletionRequestedAt: null });
		expect((await myData(event('GET', '/me'))).status).toBe(401);
		expect((await myData(event('GET', '/me', newToken()))).status).toBe(403);
		expect((await myData(event('GET', '/me', session.facilitatorKey))).status).toBe(403);
	});

	it('logs one deletion request, which the facilitator sees', async () => {
		expect((await requestDeletion(event('POST', '/me/deletion-request', token))).status).toBe(201);
		expect((await requestDeletion(event('POST', '/me/deletion-request', token))).status).toBe(200);
		expect((await GET(event('GET', '/privacy'))).status).toBe(401);
		expect((await GET(event('GET', '/privacy', session.minutetakerKey))).status).toBe(403);
		const overview = await (await GET(event('GET', '/privacy', session.facilitatorKey))).json();
		expect(overview.requests).toMatchObject([{ participantId, name: 'Ahmad Fauzi', requestedBy: 'participant', doneAt: null }]);
		expect(overview.retention).toMatchObject({ months: null, effectiveMonths: 12, keepInstitutions: true, dueAt: null, anonymisedAt: null });
	});

	it('sets the retention period, refusing what is out of range and changing nothing', async () => {
		expect((await PUT(event('PUT', '/privacy', session.facilitatorKey, { retentionMonths: 0, keepInstitutions: true }))).status).toBe(400);
		expect((await PUT(event('PUT', '/privacy', session.facilitatorKey, { retentionMonths: 6.5, keepInstitutions: true }))).status).toBe(400);
		const ok = await PUT(event('PUT', '/privacy', session.facilitatorKey, { retentionMonths: 6, keepInstitutions: false }));
		expect(ok.status).toBe(200);
		expect((await ok.json()).retention).toMatchObject({ months: 6, effectiveMonths: 6, keepInstitutions: false });
	});

	it('carries out the request once; the phone then finds nothing', async () => {
		expect((await erase(event('POST', '/privacy/erasures', session.facilitatorKey, { participantId: 'nobody' }))).status).toBe(404);
		expect((await erase(event('POST', '/privacy/erasures', session.facilitatorKey, { participantId }))).status).toBe(201);
		expect((await erase(event('POST', '/privacy/erasures', session.facilitatorKey, { participantId }))).status).toBe(409);
		const overview = await (await GET(event('GET', '/privacy', session.facilitatorKey))).json();
		expect(overview.requests[0].doneAt).not.toBeNull();
		expect(overview.participants).toMatchObject([{ id: participantId, name: '', erased: true }]);
		expect((await myData(event('GET', '/me', token))).status).toBe(403);
	});

	it('deletes the session only with its code typed, and then it is gone', async () => {
		expect((await deleteSession(event('DELETE', '', session.facilitatorKey, { confirmCode: 'WRONG1' }))).status).toBe(400);
		expect((await deleteSession(event('DELETE', '', session.minutetakerKey, { confirmCode: session.row.code }))).status).toBe(403);
		expect((await getSession(event('GET', ''))).status).toBe(200);
		expect((await deleteSession(event('DELETE', '', session.facilitatorKey, { confirmCode: session.row.code.toLowerCase() }))).status).toBe(204);
		expect((await getSession(event('GET', ''))).status).toBe(404);
		const left = getContext().store.db.selectFrom('participants').select((eb) => eb.fn.countAll<number>().as('n')).where('session_id', '=', session.row.id);
		expect(await left.executeTakeFirst()).toEqual({ n: 0 });
	});
});
