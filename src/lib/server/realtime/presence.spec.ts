import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SocketIdentity } from '../../realtime/contract';
import { Presence, SILENT_NODE_MS } from './presence';

const person = (participantId: string, sessionId = 's1'): SocketIdentity => ({
	sessionId,
	code: 'K7HM3X',
	role: 'participant',
	participantId
});
const screen = (role: 'facilitator' | 'presenter', sessionId = 's1'): SocketIdentity => ({
	sessionId,
	code: 'K7HM3X',
	role,
	participantId: null
});

let announced: [string, number][];
let presence: Presence;

beforeEach(() => {
	vi.useFakeTimers();
	announced = [];
	presence = new Presence((sessionId, online) => announced.push([sessionId, online]));
});

afterEach(() => {
	vi.useRealTimers();
});

describe('counting', () => {
	it('counts people, not sockets', () => {
		presence.connected(person('siti'));
		presence.connected(person('siti')); // a second tab
		presence.connected(person('budi'));
		expect(presence.online('s1')).toBe(2);
	});

	it('keeps a person online until their last socket leaves', () => {
		presence.connected(person('siti'));
		presence.connected(person('siti'));
		presence.disconnected(person('siti'));
		expect(presence.online('s1')).toBe(1);
		presence.disconnected(person('siti'));
		expect(presence.online('s1')).toBe(0);
	});

	it('does not count the facilitator or the projector', () => {
		presence.connected(screen('facilitator'));
		presence.connected(screen('presenter'));
		presence.connected(person('siti'));
		expect(presence.online('s1')).toBe(1);
		presence.disconnected(screen('presenter'));
		expect(presence.online('s1')).toBe(1);
	});

	it('counts each session on its own', () => {
		presence.connected(person('siti', 's1'));
		presence.connected(person('budi', 's2'));
		presence.connected(person('ani', 's2'));
		expect([presence.online('s1'), presence.online('s2'), presence.online('s3')]).toEqual([1, 2, 0]);
	});

	it('ignores a disconnect it never saw connect', () => {
		presence.connected(person('siti'));
		presence.disconnected(person('hantu'));
		presence.disconnected(person('siti', 'other-session'));
		expect(presence.online('s1')).toBe(1);
	});
});

describe('announcing', () => {
	it('waits 500 ms and then announces once, with the count at that moment', () => {
		presence.connected(person('a'));
		presence.connected(person('b'));
		vi.advanceTimersByTime(499);
		expect(announced).toEqual([]);
		presence.connected(person('c'));
		vi.advanceTimersByTime(1);
		expect(announced).toEqual([['s1', 3]]);
		vi.advanceTimersByTime(5000);
		expect(announced).toHaveLength(1);
	});

	it('turns a room of hundreds joining at once into one announcement per window', () => {
		for (let i = 0; i < 300; i++) {
			presence.connected(person(`p${i}`));
			vi.advanceTimersByTime(2); // 300 joins over 600 ms
		}
		vi.advanceTimersByTime(500);
		expect(announced).toEqual([
			['s1', 250],
			['s1', 300]
		]);
	});

	it('announces departures too, down to zero', () => {
		presence.connected(person('siti'));
		vi.advanceTimersByTime(500);
		presence.disconnected(person('siti'));
		vi.advanceTimersByTime(500);
		expect(announced).toEqual([
			['s1', 1],
			['s1', 0]
		]);
	});

	it('keeps sessions’ announcements apart', () => {
		presence.connected(person('siti', 's1'));
		presence.connected(person('budi', 's2'));
		vi.advanceTimersByTime(500);
		expect(announced.sort()).toEqual([
			['s1', 1],
			['s2', 1]
		]);
	});

	it('says nothing when only the facilitator or projector comes and goes', () => {
		presence.connected(screen('facilitator'));
		presence.connected(screen('presenter'));
		presence.disconnected(screen('presenter'));
		vi.advanceTimersByTime(1000);
		expect(announced).toEqual([]);
	});
});

describe('in a cluster', () => {
	let told: [Record<string, number>, boolean][];
	let now: number;
	let node: Presence;

	beforeEach(() => {
		told = [];
		now = 0;
		node = new Presence((sessionId, online) => announced.push([sessionId, online]), { share: (counts, full) => told.push([counts, full]), now: () => now });
	});

	it('adds the counts of the other nodes, and announces the total when theirs change', () => {
		node.connected(person('siti'));
		node.heard({ node: 'b', counts: { s1: 2, s2: 1 }, full: false });
		node.heard({ node: 'c', counts: { s1: 1 }, full: false });
		expect(node.online('s1')).toBe(4);
		vi.advanceTimersByTime(500);
		expect(announced).toEqual(expect.arrayContaining([['s1', 4], ['s2', 1]]));
	});

	it('tells the others its own count after a change here, not after hearing theirs', () => {
		node.heard({ node: 'b', counts: { s1: 2 }, full: false });
		vi.advanceTimersByTime(500);
		expect(told).toEqual([]);
		node.connected(person('siti'));
		node.connected(person('budi'));
		vi.advanceTimersByTime(500);
		expect(told).toEqual([[{ s1: 2 }, false]]);
	});

	it('takes a full list as all a node has: sessions it leaves out are empty there', () => {
		node.heard({ node: 'b', counts: { s1: 2, s2: 3 }, full: false });
		node.heard({ node: 'b', counts: { s2: 1 }, full: true });
		expect([node.online('s1'), node.online('s2')]).toEqual([0, 1]);
	});

	it('tells every count again on each beat, and stops counting a node that has gone silent', () => {
		node.connected(person('siti'));
		node.heard({ node: 'b', counts: { s1: 2 }, full: false });
		vi.advanceTimersByTime(500);
		announced = [];
		now = SILENT_NODE_MS;
		node.beat();
		expect(told.at(-1)).toEqual([{ s1: 1 }, true]);
		expect(node.online('s1')).toBe(3);
		now = SILENT_NODE_MS + 1;
		node.beat();
		expect(node.online('s1')).toBe(1);
		vi.advanceTimersByTime(500);
		expect(announced).toEqual([['s1', 1]]);
	});
});
