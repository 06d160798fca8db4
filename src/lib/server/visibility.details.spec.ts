/**
 * The minutes' details (officials with their NIP, draft conclusions, the letterhead's contacts)
 * reach staff only: never a phone, the projector or anyone holding just the join code, whether
 * live, replayed or in a snapshot.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionRecord, SocketIdentity, SyncResult } from '../realtime/contract';
import type { Database } from './db/store';
import * as sessions from './sessions';
import { boardState, sync } from './sync';
import { createSession, inTransaction, joinParticipant, must, type TestParticipant, type TestSession } from '$lib/testing/server';
import { freshDb } from '$lib/testing/stores';
import { projectRecord, PUBLIC_VIEWER, publicSession } from './visibility';

const NIP = '19750312 200003 1 004';
const SECRETS = [NIP, '19900718 201503 2 006', 'Draf: anggaran dipotong', '(0541) 661234', 'dpmd@kukarkab.go.id'];

let db: Database;
let session: TestSession;
let siti: TestParticipant;
let records: SessionRecord[];

async function fillDetails(db: Database, session: TestSession): Promise<SessionRecord[]> {
	const sent = (await must(db, session.minutetaker, {
		type: 'session.details',
		details: { chair: 'Ir. Hendra', chairNip: NIP, minuteTakerNip: '19900718 201503 2 006', conclusions: 'Draf: anggaran dipotong' }
	})).records;
	const row = await sessions.byId(db, session.row.id);
	const letterhead = { office: 'DPMD', phone: '(0541) 661234', email: 'dpmd@kukarkab.go.id' };
	const logged = await inTransaction(db, (trx) => sessions.setDetails(trx, row, 'facilitator', { ...sessions.toView(row).details, letterhead }));
	return [...sent, logged];
}

const leaks = (value: unknown) => SECRETS.filter((secret) => JSON.stringify(value).includes(secret));

function snapshotOf(result: SyncResult) {
	if (!result.ok || result.mode !== 'snapshot') throw new Error('expected a snapshot');
	return result.snapshot;
}

function replayOf(result: SyncResult) {
	if (!result.ok || result.mode !== 'events') throw new Error('expected events');
	return result.records;
}

beforeEach(async () => {
	db = await freshDb();
	session = await createSession(db);
	siti = await joinParticipant(db, session, 'Siti'); // seq 1
	records = await fillDetails(db, session);
});

describe("the minutes' details", () => {
	const others = (): [string, SocketIdentity][] => [
		['participant', siti.identity],
		['presenter', session.presenter]
	];

	it('are left out of the snapshot a phone or the projector gets, and kept in the staff one', async () => {
		for (const [name, who] of others()) {
			const snapshot = snapshotOf(await sync(db, who, 0));
			expect(snapshot.session, name).not.toHaveProperty('details');
			expect(snapshot.session.title, name).toBe('FGD RPJMD Kutai Timur');
			expect(leaks(snapshot), name).toEqual([]);
		}
		for (const who of [session.facilitator, session.minutetaker]) {
			const snapshot = snapshotOf(await sync(db, who, 0));
			expect(snapshot.session.details?.chairNip).toBe(NIP);
			expect(leaks(snapshot)).toEqual(SECRETS);
		}
	});

	it('reach phones and the projector as private placeholders, live and replayed', async () => {
		expect(records.map((r) => r.event.type)).toEqual(['session.details', 'session.details']);
		const state = await boardState(db, session.row.id);
		for (const record of records) {
			// What the socket server broadcasts to the public room and to a record's owner.
			expect(projectRecord(record, PUBLIC_VIEWER, state).event).toEqual({ type: 'private' });
			expect(projectRecord(record, siti.identity, state).event).toEqual({ type: 'private' });
			expect(projectRecord(record, session.minutetaker, state).event.type).toBe('session.details');
		}
		for (const [name, who] of others()) {
			const replay = replayOf(await sync(db, who, 1));
			expect(replay.map((r) => r.seq), name).toEqual(records.map((r) => r.seq));
			expect(replay.map((r) => r.event), name).toEqual([{ type: 'private' }, { type: 'private' }]);
		}
		expect(leaks(replayOf(await sync(db, session.facilitator, 1)))).toEqual(SECRETS);
	});

	it('are left out of the view the session pages and GET /api/sessions/{code} give anyone', async () => {
		const view = publicSession(sessions.toView(await sessions.byId(db, session.row.id)));
		expect(view).not.toHaveProperty('details');
		expect(view).toMatchObject({ title: 'FGD RPJMD Kutai Timur', startsAt: '2025-10-24T09:00', phase: 'lobby' });

	});
});
