/** Hand edits of a synthesis on both engines: logged with who and when, listed per scope in the order made (the same instant too). */
import { expect, it } from 'vitest';
import { forEachEngine } from '$lib/testing/engines';
import { addEdit, listEdits } from './edits';

forEachEngine(({ store }) => {
	const db = () => store().db;

	it('logs edits per scope and lists them in the order they were made, refusing a malformed one whole', async () => {
		const at = new Date('2025-11-01T00:00:00Z');
		const made = [
			await addEdit(db(), 'p1', { op: 'merge', itemIds: ['a', 'b'] }, 'Organizer A', at),
			await addEdit(db(), 'p1', { op: 'rename', itemIds: ['a'], name: 'Permodalan UMKM' }, 'Organizer A', at),
			await addEdit(db(), 'p1', { op: 'pin', itemIds: ['c'] }, 'Organizer B', at),
			await addEdit(db(), 'p1', { op: 'split', itemIds: ['b'] }, 'Organizer B', new Date('2025-10-31T00:00:00Z'))
		];
		await addEdit(db(), 'p2', { op: 'split', itemIds: ['x'] }, 'Organizer C', at);
		await expect(addEdit(db(), 'p1', { op: 'merge', itemIds: ['a'] }, 'Organizer A')).rejects.toThrow();
		await expect(addEdit(db(), 'p1', { op: 'explode', itemIds: ['a'] }, 'Organizer A')).rejects.toThrow();
		const listed = await listEdits(db(), 'p1');
		expect(listed).toEqual([made[3], made[0], made[1], made[2]]);
		expect(listed[3]).toEqual({ op: 'pin', itemIds: ['c'], id: expect.any(String), at: '2025-11-01T00:00:00.000Z', actor: 'Organizer B' });
		expect((await listEdits(db(), 'p2')).map((e) => e.actor)).toEqual(['Organizer C']);
		expect(await listEdits(db(), 'other')).toEqual([]);
	});
});
