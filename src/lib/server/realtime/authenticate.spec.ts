import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { Database } from '../db/store';
import { GUESSING, guessing } from '../guessing';
import { createSession, newToken, type TestParticipant, type TestSession } from '$lib/testing/server';
import { sessionWith } from '$lib/testing/stores';
import { authenticate } from './authenticate';

let db: Database;
let session: TestSession;
let siti: TestParticipant;

/** The slow-down is module-global, so every test comes from its own address. */
let addressCounter = 0;
const freshAddress = () => `198.51.100.${++addressCounter}`;
let address: string;

beforeEach(async () => {
	({ db, session, people: [siti] } = await sessionWith(['Siti Aminah']));
	address = freshAddress();
});

const code = () => session.row.code;

describe('authenticate', () => {
	it('admits the facilitator with the right key', async () => {
		const outcome = await authenticate(db, { role: 'facilitator', code: code(), key: session.facilitatorKey }, address);
		expect(outcome).toEqual({ ok: true, identity: session.facilitator });
	});

	it('refuses the facilitator role with a wrong key', async () => {
		const outcome = await authenticate(db, { role: 'facilitator', code: code(), key: 'bukan-kunci-yang-benar' }, address);
		expect(outcome).toEqual({ ok: false, code: 'unauthenticated' });
	});

	it('refuses a facilitator key of another session', async () => {
		const other = await createSession(db, { title: 'FGD lain' });
		const outcome = await authenticate(db, { role: 'facilitator', code: code(), key: other.facilitatorKey }, address);
		expect(outcome).toEqual({ ok: false, code: 'unauthenticated' });
	});

	it('admits the minute-taker with their own key', async () => {
		const outcome = await authenticate(db, { role: 'minutetaker', code: code(), key: session.minutetakerKey }, address);
		expect(outcome).toEqual({ ok: true, identity: session.minutetaker });
	});

	it('refuses the minute-taker role with the facilitator’s key, and the reverse', async () => {
		const asMinutetaker = { role: 'minutetaker', code: code(), key: session.facilitatorKey };
		const asFacilitator = { role: 'facilitator', code: code(), key: session.minutetakerKey };
		expect(await authenticate(db, asMinutetaker, address)).toEqual({ ok: false, code: 'unauthenticated' });
		expect(await authenticate(db, asFacilitator, address)).toEqual({ ok: false, code: 'unauthenticated' });
	});

	it('refuses a minute-taker key that is wrong or of another session', async () => {
		const other = await createSession(db, { title: 'FGD lain' });
		for (const key of ['bukan-kunci-yang-benar', other.minutetakerKey]) {
			expect(await authenticate(db, { role: 'minutetaker', code: code(), key }, address)).toEqual({ ok: false, code: 'unauthenticated' });
		}
	});

	it('refuses every minute-taker key for a session made before minute-takers had one', async () => {
		await db.updateTable('sessions').set({ minutetaker_key_hash: null }).where('id', '=', session.row.id).execute();
		for (const key of [session.minutetakerKey, '']) {
			expect(await authenticate(db, { role: 'minutetaker', code: code(), key }, address)).toEqual({ ok: false, code: 'unauthenticated' });
		}
		const facilitator = await authenticate(db, { role: 'facilitator', code: code(), key: session.facilitatorKey }, address);
		expect(facilitator).toMatchObject({ ok: true });
	});

	it('admits a participant by token, as that participant', async () => {
		const outcome = await authenticate(db, { role: 'participant', code: code(), token: siti.token }, address);
		expect(outcome).toEqual({ ok: true, identity: siti.identity });
	});

	it('refuses an unknown participant token', async () => {
		const outcome = await authenticate(db, { role: 'participant', code: code(), token: newToken() }, address);
		expect(outcome).toEqual({ ok: false, code: 'unauthenticated' });
	});

	it('refuses a token that joined another session', async () => {
		const other = await createSession(db, { title: 'FGD lain' });
		const outcome = await authenticate(db, { role: 'participant', code: other.row.code, token: siti.token }, address);
		expect(outcome).toEqual({ ok: false, code: 'unauthenticated' });
	});

	it('admits the presenter with the code alone, as nobody in particular', async () => {
		const outcome = await authenticate(db, { role: 'presenter', code: code().toLowerCase() }, address);
		expect(outcome).toEqual({ ok: true, identity: session.presenter });
	});

	it('answers not_found for a code no session has', async () => {
		const unused = code() === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA';
		expect(await authenticate(db, { role: 'presenter', code: unused }, address)).toEqual({ ok: false, code: 'not_found' });
	});

	it('answers invalid_input for malformed auth', async () => {
		for (const auth of [undefined, null, 'K7HM3X', {}, { role: 'admin', code: code() }, { role: 'presenter', code: 'SALAH!' }]) {
			expect(await authenticate(db, auth, address), JSON.stringify(auth)).toEqual({ ok: false, code: 'invalid_input' });
		}
	});
});

describe('wrong secrets from one address', () => {
	const wrongKey = () => ({ role: 'facilitator', code: code(), key: 'tebakan' });
	const allowance = GUESSING.freeMisses;
	// clearTimeout too: the PostgreSQL pool clears a connection's idle timer when it lends it out,
	// and a fake timer cleared by the real clearTimeout would still fire and close a busy connection.
	const fakeClock = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
	afterEach(() => {
		vi.useRealTimers();
		vi.restoreAllMocks();
	});

	/** Lets the store's real I/O run, the fake clock standing still, until `spy` was called `times` times. */
	async function untilCalled(spy: MockInstance, times: number) {
		while (spy.mock.calls.length < times) await new Promise((resolve) => setImmediate(resolve));
	}

	it(`are answered at once ${allowance} times, then slowed down, then told to come back`, async () => {
		fakeClock();
		for (let i = 0; i < allowance; i++) expect(await authenticate(db, wrongKey(), address)).toEqual({ ok: false, code: 'unauthenticated' });
		const missed = vi.spyOn(guessing, 'missed');
		const burst = Array.from({ length: 8 }, () => authenticate(db, wrongKey(), address));
		// Each guess reads the store before it meets the slow-down; on PostgreSQL that takes real
		// time, and a clock moved on meanwhile would have refilled the allowance they arrive to.
		await untilCalled(missed, 8);
		await vi.advanceTimersByTimeAsync(60_000);
		const answers = (await Promise.all(burst)).map((a) => (a.ok ? 'ok' : a.code));
		expect(answers).toContain('unauthenticated');
		expect(answers).toContain('rate_limited');
	});

	it('never stop the right key, a joined phone or the code the address already uses', async () => {
		expect(await authenticate(db, { role: 'presenter', code: code() }, address)).toMatchObject({ ok: true });
		fakeClock();
		for (let i = 0; i < allowance + 5; i++) void authenticate(db, wrongKey(), address);
		const right = { role: 'facilitator', code: code(), key: session.facilitatorKey };
		expect(await authenticate(db, right, address)).toMatchObject({ ok: true });
		expect(await authenticate(db, { role: 'participant', code: code(), token: siti.token }, address)).toMatchObject({ ok: true });
		expect(await authenticate(db, { role: 'presenter', code: code() }, address)).toMatchObject({ ok: true });
		await vi.advanceTimersByTimeAsync(60_000);
	});

	it('slow down unknown codes and unknown tokens alike, for that address only', async () => {
		fakeClock();
		const unused = code() === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA';
		for (let i = 0; i < allowance / 2; i++) {
			await authenticate(db, { role: 'presenter', code: unused }, address);
			await authenticate(db, { role: 'participant', code: code(), token: newToken() }, address);
		}
		const burst = Array.from({ length: 8 }, () => authenticate(db, { role: 'presenter', code: code() }, address));
		expect(await authenticate(db, { role: 'presenter', code: code() }, freshAddress())).toMatchObject({ ok: true });
		await vi.advanceTimersByTimeAsync(60_000);
		expect((await Promise.all(burst)).map((a) => (a.ok ? 'ok' : a.code))).toContain('rate_limited');
	});

	it('refuse a removed participant with a reason the phone can show', async () => {
		await db.updateTable('participants').set({ removed_at: 'x', removed_reason: 'nama palsu' }).where('id', '=', siti.id).execute();
		expect(await authenticate(db, { role: 'participant', code: code(), token: siti.token }, address)).toEqual({ ok: false, code: 'removed' });
	});
});
