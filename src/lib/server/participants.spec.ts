import { beforeEach, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../domain/defaults';
import { joinSchema, type JoinInput } from '../realtime/schemas';
import type { Database } from './db/store';
import * as participants from './participants';
import * as sessions from './sessions';
import { createSession, inTransaction, newToken, storedSeqs, type TestSession } from '$lib/testing/server';
import { sessionWith } from '$lib/testing/stores';

let db: Database;
let session: TestSession;

beforeEach(async () => {
	({ db, session } = await sessionWith());
});

/** Joins as the HTTP route does: in a write transaction of its own. */
const joinIn = (sessionId: string, input: JoinInput) => inTransaction(db, async (trx) => participants.join(trx, await sessions.byId(trx, sessionId), input));

const joinAs = (token: string, name = 'Siti Aminah') =>
	joinIn(session.row.id, joinSchema.parse({ token, name, group: 'pemerintah', institution: 'Bappeda', consent: true }));

describe('participants.join', () => {
	it('creates a participant and logs participant.joined', async () => {
		const { participant, records } = await joinAs(newToken());
		expect(participant).toMatchObject({ name: 'Siti Aminah', group: 'pemerintah', institution: 'Bappeda' });
		expect(records).toMatchObject([{ seq: 1, event: { type: 'participant.joined', participant } }]);
	});

	it('repeated with the same token, returns the same participant and logs one join', async () => {
		const token = newToken();
		const first = await joinAs(token);
		const again = await joinAs(token, 'Nama lain di percobaan kedua');
		expect(again.participant).toEqual(first.participant);
		expect(again.records).toEqual([]);
		expect(await storedSeqs(db, session.row.id)).toEqual([1]);
		expect(await participants.list(db, session.row.id)).toHaveLength(1);
	});

	it('different tokens are different people', async () => {
		const a = await joinAs(newToken(), 'Siti');
		const b = await joinAs(newToken(), 'Siti');
		expect(a.participant.id).not.toBe(b.participant.id);
		expect(await storedSeqs(db, session.row.id)).toEqual([1, 2]);
	});

	it('the same token in another session is another participant', async () => {
		const token = newToken();
		const here = await joinAs(token);
		const other = await createSession(db, { title: 'FGD lain' });
		const input = joinSchema.parse({ token, name: 'Siti', group: 'media', consent: true });
		const there = await joinIn(other.row.id, input);
		expect(there.participant.id).not.toBe(here.participant.id);
		expect(there.records.map((r) => r.seq)).toEqual([1]);
	});

	it('finds a participant by token and stores only the token’s hash', async () => {
		const token = newToken();
		const { participant } = await joinAs(token);
		expect(await participants.byToken(db, session.row.id, token)).toEqual(participant);
		expect(await participants.byToken(db, session.row.id, newToken())).toBeUndefined();
		expect(JSON.stringify(await db.selectFrom('participants').selectAll().execute())).not.toContain(token);
	});

	it('keeps the optional jabatan and L/P, and the joiner owns the record that carries them', async () => {
		const input = joinSchema.parse({ token: newToken(), name: 'Rina', group: 'media', position: 'Redaktur', sex: 'P', consent: true });
		const { participant, records: [record] } = await joinIn(session.row.id, input);
		expect(participant).toMatchObject({ name: 'Rina', position: 'Redaktur', sex: 'P' });
		expect(participant).not.toHaveProperty('addedBy');
		expect(record?.owner).toBe(participant.id);
		expect((await joinAs(newToken())).participant).not.toHaveProperty('sex');
	});

	it('records consent with its time and notice version, kept out of the public view', async () => {
		const { participant } = await joinAs(newToken());
		const [stored] = await participants.listWithConsent(db, session.row.id);
		expect(stored.consentAt).toBe(participant.joinedAt);
		expect(participant).not.toHaveProperty('consentAt');
		expect((await participants.list(db, session.row.id))[0]).not.toHaveProperty('consentAt');
		const row = await db.selectFrom('participants').select('consent_version').executeTakeFirst();
		expect(row).toEqual({ consent_version: CONSENT_VERSION });
	});
});
