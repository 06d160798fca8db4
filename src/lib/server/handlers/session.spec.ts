/** Phase commands, closing through the phase machine, and the minutes details. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SocketIdentity } from '../../realtime/contract';
import type { Db } from '../db/database';
import { addItem, dumpTables, must, send, sessionWith, setPhase, type TestParticipant, type TestSession, viewOf } from '$lib/testing/server';

let db: Db;
let session: TestSession;
let siti: TestParticipant;

beforeEach(() => {
	({ db, session, people: [siti] } = sessionWith(['Siti']));
});

/** The phone's item is taken: acknowledged, and logged as added with its kind and text. */
function expectPosted(kind: string, text: string) {
	const { result, records } = send(db, siti.identity, { type: 'item.add', kind, text });
	expect(result).toMatchObject({ ok: true });
	expect(records.map((r) => r.event)).toMatchObject([{ type: 'item.added', item: { kind, text } }]);
}

function expectRefused(who: SocketIdentity, command: unknown, code: string) {
	const before = dumpTables(db);
	const { result, records } = send(db, who, command);
	expect(result).toMatchObject({ ok: false, error: { code } });
	expect(records).toEqual([]);
	expect(dumpTables(db)).toEqual(before);
}

describe('phase.set', () => {
	it('a new session starts in the lobby, which accepts every kind', () => {
		expect(viewOf(db, session).phase).toBe('lobby');
		expectPosted('rekomendasi', 'di lobi');
	});

	it('moves the session and logs where it came from', () => {
		const { records } = must(db, session.facilitator, { type: 'phase.set', phase: 'writing' });
		expect(records.map((r) => r.event)).toEqual([{ type: 'phase.changed', phase: 'writing', from: 'lobby' }]);
		expect(viewOf(db, session).phase).toBe('writing');
		const back = must(db, session.facilitator, { type: 'phase.set', phase: 'lobby' });
		expect(back.records[0].event).toEqual({ type: 'phase.changed', phase: 'lobby', from: 'writing' });
	});

	it('refuses moving to the phase the session is in', () => {
		setPhase(db, session, 'voting');
		expectRefused(session.facilitator, { type: 'phase.set', phase: 'voting' }, 'invalid_input');
	});

	it('is the facilitator’s alone', () => {
		for (const who of [siti.identity, session.minutetaker, session.presenter])
			expectRefused(who, { type: 'phase.set', phase: 'writing' }, 'forbidden');
	});

	it('a phase that accepts nothing refuses item.add with phase_closed', () => {
		for (const phase of ['grouping', 'voting', 'action'] as const) {
			setPhase(db, session, phase);
			expectRefused(siti.identity, { type: 'item.add', kind: 'kendala', text: `saat ${phase}` }, 'phase_closed');
		}
		setPhase(db, session, 'discussion');
		expectPosted('kendala', 'saat diskusi');
	});

	it('a closed phase still lets authors edit and delete what they wrote', () => {
		const itemId = addItem(db, siti.identity, 'Draf');
		setPhase(db, session, 'grouping');
		expect(send(db, siti.identity, { type: 'item.edit', itemId, text: 'Final' }).result.ok).toBe(true);
		expect(send(db, siti.identity, { type: 'item.delete', itemId }).result.ok).toBe(true);
	});
});

describe('closing through phase.set', () => {
	it('appends the phase change and the close, and records the time', () => {
		setPhase(db, session, 'action');
		const { records } = must(db, session.facilitator, { type: 'phase.set', phase: 'closed' });
		const view = viewOf(db, session);
		expect(view).toMatchObject({ phase: 'closed', status: 'closed' });
		expect(view.closedAt).not.toBeNull();
		expect(records.map((r) => r.event)).toEqual([
			{ type: 'phase.changed', phase: 'closed', from: 'action' },
			{ type: 'session.closed', closedAt: view.closedAt }
		]);
	});

	it('makes the board read-only, for every role, for good', () => {
		const itemId = addItem(db, siti.identity);
		must(db, session.facilitator, { type: 'phase.set', phase: 'closed' });
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
		for (const [who, command] of attempts) expectRefused(who, command, 'session_closed');
	});

	it('still lets staff finish the minutes: notes, details and the action plan', () => {
		must(db, session.facilitator, { type: 'phase.set', phase: 'closed' });
		must(db, session.minutetaker, { type: 'note.add', text: 'Catatan dilengkapi setelah rapat' });
		must(db, session.minutetaker, { type: 'session.details', details: { chair: 'Kepala DPMD' } });
		must(db, session.facilitator, { type: 'action.save', row: { activity: 'Forum koordinasi CSR' } });
		expect(viewOf(db, session).details.chair).toBe('Kepala DPMD');
		expectRefused(siti.identity, { type: 'note.add', text: 'peserta' }, 'forbidden');
	});
});

describe('phase.kinds', () => {
	it('opens a kind in a phase that accepts nothing by default, and only that kind', () => {
		setPhase(db, session, 'voting');
		expectRefused(siti.identity, { type: 'item.add', kind: 'rekomendasi', text: 'belum' }, 'phase_closed');
		const { records } = must(db, session.facilitator, { type: 'phase.kinds', phase: 'voting', kinds: ['rekomendasi'] });
		expect(records[0].event).toMatchObject({ type: 'phase.kinds', phaseKinds: { voting: ['rekomendasi'], lobby: ['kendala', 'peluang', 'rekomendasi'] } });
		expectPosted('rekomendasi', 'Perbaiki jalan');
		expectRefused(siti.identity, { type: 'item.add', kind: 'kendala', text: 'kendala' }, 'phase_closed');
	});

	it('closes a kind in a phase that is open by default', () => {
		must(db, session.facilitator, { type: 'phase.kinds', phase: 'writing', kinds: ['kendala', 'peluang'] });
		setPhase(db, session, 'writing');
		expect(viewOf(db, session).phaseKinds.writing).toEqual(['kendala', 'peluang']);
		expectRefused(siti.identity, { type: 'item.add', kind: 'rekomendasi', text: 'terlalu awal' }, 'phase_closed');
		expectPosted('kendala', 'Jalan rusak');
	});

	it('refuses a kind the session does not have', () => {
		expectRefused(session.facilitator, { type: 'phase.kinds', phase: 'writing', kinds: ['ancaman'] }, 'invalid_input');
	});

	it('is the facilitator’s alone', () => {
		expectRefused(siti.identity, { type: 'phase.kinds', phase: 'writing', kinds: [] }, 'forbidden');
		expectRefused(session.minutetaker, { type: 'phase.kinds', phase: 'writing', kinds: [] }, 'forbidden');
	});

	it('overrides only the phase it names, so later kind changes still reach the others', () => {
		must(db, session.facilitator, { type: 'phase.kinds', phase: 'writing', kinds: ['kendala'] });
		must(db, session.facilitator, { type: 'phase.kinds', phase: 'voting', kinds: ['rekomendasi'] });
		expect(viewOf(db, session).phaseKinds).toMatchObject({ writing: ['kendala'], voting: ['rekomendasi'] });
		const kinds = [{ key: 'kekuatan', label: 'Kekuatan' }, { key: 'kelemahan', label: 'Kelemahan' }];
		must(db, session.facilitator, { type: 'session.settings', kinds });
		const view = viewOf(db, session);
		expect(view.phaseKinds.lobby).toEqual(['kekuatan', 'kelemahan']);
		expect(view.phaseKinds.discussion).toEqual(['kekuatan', 'kelemahan']);
		expect(view.phaseKinds.writing).toEqual([]);
		expectPosted('kekuatan', 'SDM muda');
	});
});

describe('session.details', () => {
	it('merges what is sent into what is there', () => {
		must(db, session.facilitator, { type: 'session.details', details: { chair: 'Kepala Bappeda', agenda: [{ time: '09.00', activity: 'Pembukaan' }] } });
		const { records } = must(db, session.minutetaker, { type: 'session.details', details: { minuteTaker: 'Rina', chair: 'Sekda' } });
		const expected = { chair: 'Sekda', agenda: [{ time: '09.00', activity: 'Pembukaan' }], minuteTaker: 'Rina' };
		expect(viewOf(db, session).details).toEqual(expected);
		expect(records[0].event).toEqual({ type: 'session.details', details: expected });
	});

	it('is refused to participants and the projector', () => {
		expectRefused(siti.identity, { type: 'session.details', details: { chair: 'Saya' } }, 'forbidden');
		expectRefused(session.presenter, { type: 'session.details', details: { chair: 'Saya' } }, 'forbidden');
	});
});
