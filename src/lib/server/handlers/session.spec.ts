/** Phase commands, closing through the phase machine, and the minutes details. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SocketIdentity } from '../../realtime/contract';
import type { Database } from '../db/store';
import { addItem, dumpTables, must, send, setPhase, type TestParticipant, type TestSession, viewOf } from '$lib/testing/server';
import { sessionWith } from '$lib/testing/stores';

let db: Database;
let session: TestSession;
let siti: TestParticipant;

beforeEach(async () => {
	({ db, session, people: [siti] } = await sessionWith(['Siti']));
});

/** The phone's item is taken: acknowledged, and logged as added with its kind and text. */
async function expectPosted(kind: string, text: string) {
	const { result, records } = await send(db, siti.identity, { type: 'item.add', kind, text });
	expect(result).toMatchObject({ ok: true });
	expect(records.map((r) => r.event)).toMatchObject([{ type: 'item.added', item: { kind, text } }]);
}

async function expectRefused(who: SocketIdentity, command: unknown, code: string) {
	const before = await dumpTables(db);
	const { result, records } = await send(db, who, command);
	expect(result).toMatchObject({ ok: false, error: { code } });
	expect(records).toEqual([]);
	expect(await dumpTables(db)).toEqual(before);
}

describe('phase.set', () => {
	it('a new session starts in the lobby, which accepts every kind', async () => {
		expect((await viewOf(db, session)).phase).toBe('lobby');
		await expectPosted('rekomendasi', 'di lobi');
	});

	it('moves the session and logs where it came from', async () => {
		const { records } = await must(db, session.facilitator, { type: 'phase.set', phase: 'writing' });
		expect(records.map((r) => r.event)).toEqual([{ type: 'phase.changed', phase: 'writing', from: 'lobby' }]);
		expect((await viewOf(db, session)).phase).toBe('writing');
		const back = await must(db, session.facilitator, { type: 'phase.set', phase: 'lobby' });
		expect(back.records[0].event).toEqual({ type: 'phase.changed', phase: 'lobby', from: 'writing' });
	});

	it('refuses moving to the phase the session is in', async () => {
		await setPhase(db, session, 'voting');
		await expectRefused(session.facilitator, { type: 'phase.set', phase: 'voting' }, 'invalid_input');
	});

	it('is the facilitator’s alone', async () => {
		for (const who of [siti.identity, session.minutetaker, session.presenter])
			await expectRefused(who, { type: 'phase.set', phase: 'writing' }, 'forbidden');
	});

	it('a phase that accepts nothing refuses item.add with phase_closed', async () => {
		for (const phase of ['grouping', 'voting', 'action'] as const) {
			await setPhase(db, session, phase);
			await expectRefused(siti.identity, { type: 'item.add', kind: 'kendala', text: `saat ${phase}` }, 'phase_closed');
		}
		await setPhase(db, session, 'discussion');
		await expectPosted('kendala', 'saat diskusi');
	});

	it('a closed phase still lets authors edit and delete what they wrote', async () => {
		const itemId = await addItem(db, siti.identity, 'Draf');
		await setPhase(db, session, 'grouping');
		expect((await send(db, siti.identity, { type: 'item.edit', itemId, text: 'Final' })).result.ok).toBe(true);
		expect((await send(db, siti.identity, { type: 'item.delete', itemId })).result.ok).toBe(true);
	});
});

describe('closing through phase.set', () => {
	it('appends the phase change and the close, and records the time', async () => {
		await setPhase(db, session, 'action');
		const { records } = await must(db, session.facilitator, { type: 'phase.set', phase: 'closed' });
		const view = await viewOf(db, session);
		expect(view).toMatchObject({ phase: 'closed', status: 'closed' });
		expect(view.closedAt).not.toBeNull();
		expect(records.map((r) => r.event)).toEqual([
			{ type: 'phase.changed', phase: 'closed', from: 'action' },
			{ type: 'session.closed', closedAt: view.closedAt }
		]);
	});

	it('makes the board read-only, for every role, for good', async () => {
		const itemId = await addItem(db, siti.identity);
		await must(db, session.facilitator, { type: 'phase.set', phase: 'closed' });
		const attempts: [SocketIdentity, unknown][] = [
			[siti.identity, { type: 'item.add', kind: 'kendala', text: 'terlambat' }],
			[siti.identity, { type: 'item.edit', itemId, text: 'terlambat' }],
			[siti.identity, { type: 'item.delete', itemId }],
			[siti.identity, { type: 'vote.set', targetId: itemId, count: 1 }],
			[session.facilitator, { type: 'phase.set', phase: 'lobby' }],
			[session.facilitator, { type: 'phase.set', phase: 'closed' }],
			[session.facilitator, { type: 'phase.kinds', phase: 'lobby', kinds: ['kendala'] }],
			[session.facilitator, { type: 'timer.start', seconds: 60 }],
			[session.facilitator, { type: 'item.hide', itemId, reason: 'x' }],
			[session.facilitator, { type: 'theme.create', name: 'Infrastruktur' }],
			[session.facilitator, { type: 'link.set', recommendationId: itemId, targetId: itemId, linked: true }]
		];
		for (const [who, command] of attempts) await expectRefused(who, command, 'session_closed');
	});

	it('still lets staff finish the minutes: notes, details and the action plan', async () => {
		await must(db, session.facilitator, { type: 'phase.set', phase: 'closed' });
		await must(db, session.minutetaker, { type: 'note.add', text: 'Catatan dilengkapi setelah rapat' });
		await must(db, session.minutetaker, { type: 'session.details', details: { chair: 'Kepala DPMD' } });
		await must(db, session.facilitator, { type: 'action.save', row: { activity: 'Forum koordinasi CSR' } });
		expect((await viewOf(db, session)).details.chair).toBe('Kepala DPMD');
		await expectRefused(siti.identity, { type: 'note.add', text: 'peserta' }, 'forbidden');
	});
});

describe('phase.kinds', () => {
	it('opens a kind in a phase that accepts nothing by default, and only that kind', async () => {
		await setPhase(db, session, 'voting');
		await expectRefused(siti.identity, { type: 'item.add', kind: 'rekomendasi', text: 'belum' }, 'phase_closed');
		const { records } = await must(db, session.facilitator, { type: 'phase.kinds', phase: 'voting', kinds: ['rekomendasi'] });
		expect(records[0].event).toMatchObject({ type: 'phase.kinds', phaseKinds: { voting: ['rekomendasi'], lobby: ['kendala', 'peluang', 'rekomendasi'] } });
		await expectPosted('rekomendasi', 'Perbaiki jalan');
		await expectRefused(siti.identity, { type: 'item.add', kind: 'kendala', text: 'kendala' }, 'phase_closed');
	});

	it('closes a kind in a phase that is open by default', async () => {
		await must(db, session.facilitator, { type: 'phase.kinds', phase: 'writing', kinds: ['kendala', 'peluang'] });
		await setPhase(db, session, 'writing');
		expect((await viewOf(db, session)).phaseKinds.writing).toEqual(['kendala', 'peluang']);
		await expectRefused(siti.identity, { type: 'item.add', kind: 'rekomendasi', text: 'terlalu awal' }, 'phase_closed');
		await expectPosted('kendala', 'Jalan rusak');
	});

	it('refuses a kind the session does not have', async () => {
		await expectRefused(session.facilitator, { type: 'phase.kinds', phase: 'writing', kinds: ['ancaman'] }, 'invalid_input');
	});

	it('is the facilitator’s alone', async () => {
		await expectRefused(siti.identity, { type: 'phase.kinds', phase: 'writing', kinds: [] }, 'forbidden');
		await expectRefused(session.minutetaker, { type: 'phase.kinds', phase: 'writing', kinds: [] }, 'forbidden');
	});

	it('overrides only the phase it names, so later kind changes still reach the others', async () => {
		await must(db, session.facilitator, { type: 'phase.kinds', phase: 'writing', kinds: ['kendala'] });
		await must(db, session.facilitator, { type: 'phase.kinds', phase: 'voting', kinds: ['rekomendasi'] });
		expect((await viewOf(db, session)).phaseKinds).toMatchObject({ writing: ['kendala'], voting: ['rekomendasi'] });
		const kinds = [{ key: 'kekuatan', label: 'Kekuatan' }, { key: 'kelemahan', label: 'Kelemahan' }];
		await must(db, session.facilitator, { type: 'session.settings', kinds });
		const view = await viewOf(db, session);
		expect(view.phaseKinds.lobby).toEqual(['kekuatan', 'kelemahan']);
		expect(view.phaseKinds.discussion).toEqual(['kekuatan', 'kelemahan']);
		expect(view.phaseKinds.writing).toEqual([]);
		await expectPosted('kekuatan', 'SDM muda');
	});
});

describe('session.details', () => {
	it('merges what is sent into what is there', async () => {
		await must(db, session.facilitator, { type: 'session.details', details: { chair: 'Kepala Bappeda', agenda: [{ time: '09.00', activity: 'Pembukaan' }] } });
		const { records } = await must(db, session.minutetaker, { type: 'session.details', details: { minuteTaker: 'Rina', chair: 'Sekda' } });
		const expected = { chair: 'Sekda', agenda: [{ time: '09.00', activity: 'Pembukaan' }], minuteTaker: 'Rina' };
		expect((await viewOf(db, session)).details).toEqual(expected);
		expect(records[0].event).toEqual({ type: 'session.details', details: expected });
	});

	it('is refused to participants and the projector', async () => {
		await expectRefused(siti.identity, { type: 'session.details', details: { chair: 'Saya' } }, 'forbidden');
		await expectRefused(session.presenter, { type: 'session.details', details: { chair: 'Saya' } }, 'forbidden');
	});
});
