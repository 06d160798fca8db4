import { describe, expect, it } from 'vitest';
import { mayRun, mayTouchItem, type CommandType } from './authorize';
import type { Role } from './types';

const table: Record<Role, CommandType[]> = {
	participant: ['item.add', 'item.edit', 'item.delete'],
	facilitator: ['session.settings', 'session.close'],
	presenter: []
};
const every: CommandType[] = ['item.add', 'item.edit', 'item.delete', 'session.settings', 'session.close'];

describe('mayRun', () => {
	for (const [role, allowed] of Object.entries(table) as [Role, CommandType[]][]) {
		it(`lets a ${role} run exactly ${allowed.join(', ') || 'nothing'}`, () => {
			expect(every.filter((type) => mayRun(role, type))).toEqual(allowed);
		});
	}
});

describe('mayTouchItem', () => {
	it('lets the author touch their item', () => {
		expect(mayTouchItem('p1', 'p1')).toBe(true);
	});

	it('refuses anyone else, and a socket with no participant', () => {
		expect(mayTouchItem('p2', 'p1')).toBe(false);
		expect(mayTouchItem(null, 'p1')).toBe(false);
	});
});
