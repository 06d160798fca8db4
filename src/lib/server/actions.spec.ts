/** The action plan: staff create, update and delete rows; participants only read them. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SocketIdentity } from '../realtime/contract';
import * as actions from './actions';
import type { Database } from './db/store';
import { snapshotFor } from './sync';
import { createSession, dumpTables, must, send, type TestParticipant, type TestSession } from '$lib/testing/server';
import { sessionWith } from '$lib/testing/stores';

let db: Database;
let session: TestSession;
let siti: TestParticipant;

beforeEach(async () => {
	({ db, session, people: [siti] } = await sessionWith(['Siti']));
});

async function save(row: Record<string, unknown>, who: SocketIdentity = session.minutetaker) {
	const { records } = await must(db, who, { type: 'action.save', row });
	const event = records[0].event;
	if (event.type !== 'action.saved') throw new Error(`unexpected ${event.type}`);
	return event.row;
}
const rows = () => actions.list(db, session.row.id);

async function expectRefused(who: SocketIdentity, command: unknown, code: string) {
	const before = await dumpTables(db);
	expect((await send(db, who, command)).result).toMatchObject({ ok: false, error: { code } });
	expect(await dumpTables(db)).toEqual(before);
}

describe('action rows', () => {
	it('are created by the minute-taker with defaults for what was left out', async () => {
		const row = await save({ activity: 'Perbaikan jalan desa', pic: { name: 'Dinas PU' }, funding: 'APBD', cost: 750_000_000 });
		expect(row).toEqual({
			id: expect.any(String),
			position: 0,
			issueItemIds: [],
			recommendationId: null,
			activity: 'Perbaikan jalan desa',
			output: '',
			indicator: '',
			pic: { name: 'Dinas PU', institution: '', group: '' },
			partners: '',
			timeframe: '',
			funding: 'APBD',
			cost: 750_000_000,
			status: 'rencana',
			remarks: ''
		});
		expect(await rows()).toEqual([row]);
	});

	it('are numbered in the order they are added', async () => {
		await save({ activity: 'Satu' });
		await save({ activity: 'Dua' }, session.facilitator);
		expect((await rows()).map((r) => [r.activity, r.position])).toEqual([
			['Satu', 0],
			['Dua', 1]
		]);
	});

	it('are updated by id, in place, replacing their fields', async () => {
		const first = await save({ activity: 'Perbaikan jalan', funding: 'APBD' });
		await save({ activity: 'Pelatihan UMKM' });
		const updated = await save({ id: first.id, activity: 'Perbaikan jalan desa', status: 'berjalan' });
		expect(updated).toMatchObject({ id: first.id, position: 0, activity: 'Perbaikan jalan desa', status: 'berjalan', funding: '' });
		expect((await rows()).map((r) => [r.id, r.activity])).toEqual([
			[first.id, 'Perbaikan jalan desa'],
			[(await rows())[1].id, 'Pelatihan UMKM']
		]);
	});

	it('are deleted by id', async () => {
		const first = await save({ activity: 'Perbaikan jalan' });
		const second = await save({ activity: 'Pelatihan UMKM' });
		const { records } = await must(db, session.minutetaker, { type: 'action.delete', rowId: first.id });
		expect(records[0].event).toEqual({ type: 'action.deleted', rowId: first.id });
		expect((await rows()).map((r) => r.id)).toEqual([second.id]);
	});

	it('refuse an unknown or deleted id', async () => {
		const row = await save({ activity: 'Perbaikan jalan' });
		await must(db, session.minutetaker, { type: 'action.delete', rowId: row.id });
		await expectRefused(session.minutetaker, { type: 'action.delete', rowId: row.id }, 'not_found');
		await expectRefused(session.minutetaker, { type: 'action.save', row: { id: row.id, activity: 'kembali' } }, 'not_found');
		await expectRefused(session.facilitator, { type: 'action.save', row: { id: 'no-such-row', activity: 'x' } }, 'not_found');
	});

	it('refuse a row of another session', async () => {
		const other = await createSession(db, { title: 'FGD lain' });
		const { records } = await must(db, other.minutetaker, { type: 'action.save', row: { activity: 'Di sesi lain' } });
		const foreign = records[0].event.type === 'action.saved' ? records[0].event.row.id : '';
		await expectRefused(session.minutetaker, { type: 'action.save', row: { id: foreign, activity: 'dibajak' } }, 'not_found');
		await expectRefused(session.minutetaker, { type: 'action.delete', rowId: foreign }, 'not_found');
	});

	it('may not be written by participants or the projector, who still see them', async () => {
		const row = await save({ activity: 'Perbaikan jalan' });
		for (const who of [siti.identity, session.presenter]) {
			await expectRefused(who, { type: 'action.save', row: { activity: 'usulan saya' } }, 'forbidden');
			await expectRefused(who, { type: 'action.save', row: { id: row.id, activity: 'diubah' } }, 'forbidden');
			await expectRefused(who, { type: 'action.delete', rowId: row.id }, 'forbidden');
			expect((await snapshotFor(db, session.row.id, who)).actions).toEqual([row]);
		}
	});
});
