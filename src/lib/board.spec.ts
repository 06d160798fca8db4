import { describe, expect, it } from 'vitest';
import { applyEvent, itemsByKind, needsSnapshot } from './board';
import { emptyBoard as board, item } from '$lib/testing/board';

describe('applyEvent', () => {
	it('adds an item once however often the record arrives', () => {
		const b = board();
		applyEvent(b, { type: 'item.added', item: item('a') });
		applyEvent(b, { type: 'item.added', item: item('a') });
		expect(b.items.map((i) => i.id)).toEqual(['a']);
	});

	it('moves dots to the merge target, summing per participant, and drops the sources', () => {
		const b = board();
		for (const id of ['a', 'b', 'c']) applyEvent(b, { type: 'item.added', item: item(id) });
		b.votes = [
			{ participantId: 'p1', targetId: 'a', count: 1 },
			{ participantId: 'p1', targetId: 'b', count: 2 },
			{ participantId: 'p2', targetId: 'c', count: 3 }
		];
		applyEvent(b, { type: 'item.merged', item: item('a', 'kendala', { mergedFrom: ['b'] }), sourceIds: ['b'] });
		expect(b.items.map((i) => i.id)).toEqual(['a', 'c']);
		expect(b.votes).toContainEqual({ participantId: 'p1', targetId: 'a', count: 3 });
		expect(b.votes).toContainEqual({ participantId: 'p2', targetId: 'c', count: 3 });
		expect(b.votes).toHaveLength(2);
	});

	it('keeps the room’s tallies apart by group: replaced by target and group, summed per group on a merge', () => {
		const b = board();
		for (const id of ['a', 'b']) applyEvent(b, { type: 'item.added', item: item(id) });
		const tally = (targetId: string, group: string, count: number) => ({ participantId: '', targetId, count, group });
		applyEvent(b, { type: 'vote.tally', tally: tally('a', 'pemerintah', 2) });
		applyEvent(b, { type: 'vote.tally', tally: tally('a', 'pemerintah', 3) });
		applyEvent(b, { type: 'vote.tally', tally: tally('b', 'pemerintah', 1) });
		applyEvent(b, { type: 'vote.tally', tally: tally('b', 'media', 4) });
		// The voter's own copy: their dots, and their group's new tally.
		const mine = { participantId: 'p1', targetId: 'b', count: 1 };
		applyEvent(b, { type: 'vote.set', vote: mine, tally: tally('b', 'media', 5) });
		expect(b.votes).toEqual([tally('a', 'pemerintah', 3), tally('b', 'pemerintah', 1), mine, tally('b', 'media', 5)]);
		applyEvent(b, { type: 'item.merged', item: item('a', 'kendala', { mergedFrom: ['b'] }), sourceIds: ['b'] });
		expect(b.votes).toEqual([tally('a', 'pemerintah', 4), { ...mine, targetId: 'a' }, tally('a', 'media', 5)]);
		applyEvent(b, { type: 'vote.tally', tally: tally('a', 'media', 0) });
		expect(b.votes).toHaveLength(2);
	});

	it('moves the sources’ links to the merge target, once each, as the server does', () => {
		const b = board();
		for (const id of ['a', 'b', 'r']) applyEvent(b, { type: 'item.added', item: item(id) });
		b.links = [
			{ recommendationId: 'r', targetId: 'a' },
			{ recommendationId: 'r', targetId: 'b' },
			{ recommendationId: 'b', targetId: 'x' }
		];
		applyEvent(b, { type: 'item.merged', item: item('a', 'kendala', { mergedFrom: ['b'] }), sourceIds: ['b'] });
		expect(b.links).toEqual([
			{ recommendationId: 'r', targetId: 'a' },
			{ recommendationId: 'a', targetId: 'x' }
		]);
	});

	it('puts an item that arrives late (approved, restored) where it was posted, as a snapshot lists it', () => {
		const b = board();
		const at = (minute: number) => `2025-10-24T01:0${minute}:00.000Z`;
		for (const [id, minute] of [['a', 1], ['c', 3]] as const) applyEvent(b, { type: 'item.added', item: item(id, 'kendala', { createdAt: at(minute) }) });
		applyEvent(b, { type: 'item.shown', item: item('b', 'kendala', { createdAt: at(2) }) });
		applyEvent(b, { type: 'item.shown', item: item('d', 'kendala', { createdAt: at(4) }) });
		applyEvent(b, { type: 'item.shown', item: item('b', 'kendala', { createdAt: at(2), text: 'sama' }) });
		expect(b.items.map((i) => [i.id, i.text])).toEqual([['a', 'text a'], ['b', 'sama'], ['c', 'text c'], ['d', 'text d']]);
	});

	it('keeps a hidden item for staff (who get the reason) and drops it for everyone else', () => {
		const staff = board();
		const phone = board();
		for (const b of [staff, phone]) applyEvent(b, { type: 'item.added', item: item('a') });
		applyEvent(staff, { type: 'item.hidden', itemId: 'a', reason: 'Di luar topik' });
		applyEvent(phone, { type: 'item.hidden', itemId: 'a', reason: '' });
		expect(staff.items[0]).toMatchObject({ status: 'hidden', hiddenReason: 'Di luar topik' });
		expect(phone.items).toEqual([]);
		expect(itemsByKind(staff).get('kendala')).toEqual([]);
	});

	it('sets, replaces and removes a vote by its absolute count', () => {
		const b = board();
		applyEvent(b, { type: 'vote.set', vote: { participantId: 'p1', targetId: 'a', count: 2 } });
		applyEvent(b, { type: 'vote.set', vote: { participantId: 'p1', targetId: 'a', count: 3 } });
		expect(b.votes).toEqual([{ participantId: 'p1', targetId: 'a', count: 3 }]);
		applyEvent(b, { type: 'vote.set', vote: { participantId: 'p1', targetId: 'a', count: 0 } });
		expect(b.votes).toEqual([]);
	});

	it('ungroups the items and drops the dots of a deleted theme', () => {
		const b = board();
		applyEvent(b, { type: 'theme.saved', theme: { id: 't1', name: 'Modal', position: 0 } });
		applyEvent(b, { type: 'item.added', item: item('a', 'kendala', { themeId: 't1' }) });
		b.votes = [{ participantId: 'p1', targetId: 't1', count: 2 }];
		applyEvent(b, { type: 'theme.deleted', themeId: 't1' });
		expect(b.themes).toEqual([]);
		expect(b.items[0].themeId).toBeNull();
		expect(b.votes).toEqual([]);
	});

	it('orders themes as told', () => {
		const b = board();
		applyEvent(b, { type: 'theme.saved', theme: { id: 't1', name: 'A', position: 0 } });
		applyEvent(b, { type: 'theme.saved', theme: { id: 't2', name: 'B', position: 1 } });
		applyEvent(b, { type: 'themes.ordered', themeIds: ['t2', 't1'] });
		expect(b.themes.map((t) => t.id)).toEqual(['t2', 't1']);
	});

	it('closing also moves the phase to closed', () => {
		const b = board();
		applyEvent(b, { type: 'session.closed', closedAt: '2025-10-24T04:00:00.000Z' });
		expect(b.session).toMatchObject({ status: 'closed', phase: 'closed' });
	});

	it('learns how many have voted, without whose dots', () => {
		const b = board();
		applyEvent(b, { type: 'vote.progress', voters: 4 });
		expect(b.voters).toBe(4);
		expect(b.votes).toEqual([]);
	});

	it('a private placeholder changes nothing', () => {
		const b = board();
		const before = structuredClone(b);
		applyEvent(b, { type: 'private' });
		expect(b).toEqual(before);
	});
});

describe('attendance and dokumentasi', () => {
	const person = { id: 'p1', name: 'Pak Amir', group: 'komunitas', institution: 'Desa Loa Ipuh', joinedAt: '2025-10-24T01:05:00.000Z' };

	it('adds a person staff wrote in, replaces them when edited, and drops them when removed', () => {
		const b = board();
		applyEvent(b, { type: 'attendee.saved', participant: { ...person, addedBy: 'minutetaker' } });
		applyEvent(b, { type: 'attendee.saved', participant: { ...person, name: 'Pak Amir Hamzah', addedBy: 'minutetaker' } });
		expect(b.participants).toEqual([{ ...person, name: 'Pak Amir Hamzah', addedBy: 'minutetaker' }]);
		applyEvent(b, { type: 'attendee.removed', participantId: 'p1' });
		expect(b.participants).toEqual([]);
	});

	it('lists an uploaded photo once, takes its new caption, and drops it when removed', () => {
		const b = board();
		const photo = { id: 'f1', caption: '', width: 1600, height: 1200, createdAt: '2025-10-24T02:00:00.000Z' };
		applyEvent(b, { type: 'photo.saved', photo });
		applyEvent(b, { type: 'photo.saved', photo: { ...photo, caption: 'Pembukaan' } });
		expect(b.photos).toEqual([{ ...photo, caption: 'Pembukaan' }]);
		applyEvent(b, { type: 'photo.removed', photoId: 'f1' });
		expect(b.photos).toEqual([]);
	});
});

describe('needsSnapshot', () => {
	it('asks for a fresh snapshot when what the viewer may see changes wholesale', () => {
		expect(needsSnapshot({ type: 'phase.changed', phase: 'reveal', from: 'writing' })).toBe(true);
		expect(needsSnapshot({ type: 'voting.settings', voting: { budget: 5, cap: 3, target: 'items', revealed: true } })).toBe(true);
		// Hiding the tallies again takes others' dots away from phones and the projector.
		expect(needsSnapshot({ type: 'voting.settings', voting: { budget: 5, cap: 3, target: 'items', revealed: false } })).toBe(true);
		expect(needsSnapshot({ type: 'vote.set', vote: { participantId: 'p1', targetId: 'a', count: 1 } })).toBe(false);
		expect(needsSnapshot({ type: 'item.deleted', itemId: 'a' })).toBe(false);
	});
});
