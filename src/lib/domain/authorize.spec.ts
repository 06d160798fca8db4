import { describe, expect, it } from 'vitest';
import { isStaff, mayRun, mayTouchItem, POLICY, refusal, type CommandType } from './authorize';
import type { Role } from './types';

/** The daftar hadir and the dokumentasi: both staff roles, nobody else. */
const ATTENDANCE: CommandType[] = ['attendee.add', 'attendee.edit', 'attendee.remove', 'photo.caption', 'photo.remove'];

/** Written out by hand, not derived from POLICY, so a change to who may do what fails here. */
const table: Record<Role, CommandType[]> = {
	participant: ['item.add', 'item.edit', 'item.delete', 'item.support', 'vote.set', 'link.set'],
	facilitator: [
		'item.edit',
		'session.settings',
		'session.close',
		'session.details',
		'phase.set',
		'phase.kinds',
		'timer.start',
		'timer.pause',
		'timer.resume',
		'timer.extend',
		'timer.clear',
		'item.hide',
		'item.restore',
		'item.approve',
		'item.merge',
		'item.theme',
		'theme.create',
		'theme.rename',
		'theme.delete',
		'themes.order',
		'voting.settings',
		'link.set',
		'action.save',
		'action.delete',
		'note.add',
		'note.delete',
		'projector.spotlight',
		'session.room',
		'participant.remove',
		'session.newCode',
		...ATTENDANCE
	],
	minutetaker: ['session.details', 'action.save', 'action.delete', 'note.add', 'note.delete', ...ATTENDANCE],
	presenter: []
};
const every = Object.keys(POLICY) as CommandType[];
/** By hand too: what staff may still do once the session is closed (finish the minutes). */
const afterClose: CommandType[] = ['session.details', 'action.save', 'action.delete', 'note.add', 'note.delete', ...ATTENDANCE];

describe('mayRun', () => {
	for (const [role, allowed] of Object.entries(table) as [Role, CommandType[]][]) {
		it(`lets a ${role} run exactly ${allowed.join(', ') || 'nothing'}`, () => {
			expect(every.filter((type) => mayRun(role, type)).sort()).toEqual([...allowed].sort());
		});
	}

	it('knows every command the table above lists', () => {
		const listed = new Set(Object.values(table).flat());
		expect([...listed].filter((type) => !every.includes(type))).toEqual([]);
		expect(every).toHaveLength(39);
	});

	it('never lets the facilitator add or delete a participant’s item', () => {
		expect(mayRun('facilitator', 'item.add')).toBe(false);
		expect(mayRun('facilitator', 'item.delete')).toBe(false);
	});
});

describe('refusal', () => {
	it('accepts after the close exactly the minutes commands', () => {
		expect(every.filter((type) => POLICY[type].afterClose).sort()).toEqual([...afterClose].sort());
	});

	it('lets an allowed role through while open, and through after the close only for the minutes', () => {
		for (const [role, allowed] of Object.entries(table) as [Role, CommandType[]][])
			for (const type of allowed) {
				expect(refusal(role, type, 'open')).toBeNull();
				expect(refusal(role, type, 'closed')).toBe(afterClose.includes(type) ? null : 'session_closed');
			}
	});

	it('says forbidden, not closed, to a role that may never send the command', () => {
		expect(refusal('participant', 'session.close', 'closed')).toBe('forbidden');
		expect(refusal('presenter', 'note.add', 'closed')).toBe('forbidden');
		expect(refusal('minutetaker', 'phase.set', 'open')).toBe('forbidden');
	});
});

describe('mayTouchItem', () => {
	it('lets the author touch their item', () => {
		expect(mayTouchItem('participant', 'p1', 'p1')).toBe(true);
	});

	it('refuses anyone else, and a socket with no participant', () => {
		expect(mayTouchItem('participant', 'p2', 'p1')).toBe(false);
		expect(mayTouchItem('participant', null, 'p1')).toBe(false);
		expect(mayTouchItem('presenter', null, 'p1')).toBe(false);
		expect(mayTouchItem('minutetaker', null, 'p1')).toBe(false);
	});

	it('lets the facilitator moderate any item', () => {
		expect(mayTouchItem('facilitator', null, 'p1')).toBe(true);
	});
});

describe('isStaff', () => {
	it('is the facilitator and the minute-taker only', () => {
		expect((['facilitator', 'minutetaker', 'participant', 'presenter'] as Role[]).filter(isStaff)).toEqual([
			'facilitator',
			'minutetaker'
		]);
	});
});
