/**
 * Small-group privacy on the wire (issue 10, part 5): a tally sent to a participant or the
 * projector never names a stakeholder group with fewer than MIN_GROUP people; staff keep every
 * dot. And a board kept live from records ends where a fresh snapshot starts, also when people
 * join or leave after the reveal and a group crosses the threshold.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { applyEvent, type Board } from '../board';
import { OTHER_GROUP } from '../domain/privacy';
import type { Vote } from '../domain/types';
import type { SessionRecord, SocketIdentity, SyncResult } from '../realtime/contract';
import type { Database } from './db/store';
import { boardState, snapshotFor, sync } from './sync';
import { addItem, joinParticipant, must, newToken, setPhase, type TestParticipant, type TestSession } from '$lib/testing/server';
import { sessionWith } from '$lib/testing/stores';
import { projectRecord, roomTallies, roomTallyOf } from './visibility';

let db: Database;
let session: TestSession;
let people: TestParticipant[];
let pak: TestParticipant; // the only one from the government
let item: string;

const akademisi = (name: string) => ({ name, group: 'akademisi' });

beforeEach(async () => {
	({ db, session, people } = await sessionWith([akademisi('Siti'), akademisi('Budi'), akademisi('Rina'), { name: 'Pak Camat', group: 'pemerintah' }]));
	pak = people[3];
	item = await addItem(db, people[0].identity, 'Jalan rusak');
	await setPhase(db, session, 'voting');
	await must(db, session.facilitator, { type: 'voting.settings', revealed: true });
});

const snap = async (who: SocketIdentity) => await snapshotFor(db, session.row.id, who);
const project = async (record: SessionRecord, who: SocketIdentity) => projectRecord(record, who, await boardState(db, session.row.id)).event;
const sorted = (votes: Vote[]) => [...votes].sort((a, b) => `${a.participantId}${a.targetId}${a.group}`.localeCompare(`${b.participantId}${b.targetId}${b.group}`));

describe('roomTallies', () => {
	const folks = [
		{ id: 'a1', group: 'akademisi' },
		{ id: 'a2', group: 'akademisi' },
		{ id: 'a3', group: 'akademisi' },
		{ id: 'p1', group: 'pemerintah' },
		{ id: 'd1', group: 'dunia_usaha' },
		{ id: 'd2', group: 'dunia_usaha' },
		{ id: 'x', group: '' }
	];
	const vote = (participantId: string, count: number, targetId = 't') => ({ participantId, targetId, count });

	it('names groups of at least 3 and sums the smaller ones under OTHER_GROUP', async () => {
		const votes = [vote('a1', 2), vote('a2', 1), vote('p1', 3), vote('d1', 1), vote('d2', 2), vote('x', 1)];
		expect(sorted(roomTallies(votes, folks))).toEqual(
			sorted([
				{ participantId: '', targetId: 't', count: 3, group: 'akademisi' },
				{ participantId: '', targetId: 't', count: 6, group: OTHER_GROUP },
				{ participantId: '', targetId: 't', count: 1, group: '' }
			])
		);
	});

	it('puts a lone small group under OTHER_GROUP too (the screens then leave it out), never under its name', async () => {
		const few = folks.filter((p) => !p.id.startsWith('d'));
		const tallies = roomTallies([vote('p1', 3), vote('a1', 1)], few);
		expect(tallies.map((t) => t.group).sort()).toEqual([OTHER_GROUP, 'akademisi'].sort());
		expect(JSON.stringify(tallies)).not.toContain('pemerintah');
	});

	it('roomTallyOf gives the tally of the voter\'s shown group, or its zero', () => {
		const votes = [vote('p1', 3), vote('d1', 1)];
		expect(roomTallyOf(vote('d1', 1), votes, folks)).toEqual({ participantId: '', targetId: 't', count: 4, group: OTHER_GROUP });
		expect(roomTallyOf(vote('a1', 0), votes, folks)).toEqual({ participantId: '', targetId: 't', count: 0, group: 'akademisi' });
	});
});

describe('tallies on the wire', () => {
	it('the projector and the other phones never get the name of a group of one: live, replayed or in a snapshot; staff do', async () => {
		const seqBefore = (await snap(session.presenter)).seq;
		const { records } = await must(db, pak.identity, { type: 'vote.set', targetId: item, count: 3 });
		const tally = { participantId: '', targetId: item, count: 3, group: OTHER_GROUP };
		for (const who of [session.presenter, people[0].identity]) {
			expect(await project(records[0], who)).toEqual({ type: 'vote.tally', tally });
			expect((await snap(who)).votes).toContainEqual(tally);
			expect(JSON.stringify((await snap(who)).votes)).not.toContain('pemerintah');
			const result: SyncResult = await sync(db, who, seqBefore);
			if (!result.ok || result.mode !== 'events') throw new Error('expected events');
			expect(result.records.map((r) => r.event)).toEqual([{ type: 'vote.tally', tally }]);
		}
		// Pak Camat's own phone keeps his dots, and gets the room's tally (folded) besides.
		expect(await project(records[0], pak.identity)).toEqual({ type: 'vote.set', vote: { participantId: pak.id, targetId: item, count: 3 }, tally });
		expect((await snap(session.facilitator)).votes).toEqual([{ participantId: pak.id, targetId: item, count: 3 }]);
		expect(await project(records[0], session.facilitator)).toMatchObject({ type: 'vote.set', vote: { participantId: pak.id } });
	});

	it('a board kept live from records equals a fresh snapshot while a small group grows past the threshold and shrinks back', async () => {
		const viewers = [session.presenter, people[0].identity];
		const boards = new Map<SocketIdentity, Board>(await Promise.all(viewers.map(async (who) => [who, await snap(who)] as const)));
		const live = async (records: SessionRecord[]) => {
			for (const record of records) for (const [who, board] of boards) applyEvent(board, await project(record, who));
		};
		const expectConverged = async () => {
			for (const [who, board] of boards) expect(sorted(board.votes)).toEqual(sorted((await snap(who)).votes));
		};

		await live((await must(db, pak.identity, { type: 'vote.set', targetId: item, count: 3 })).records);
		await live((await must(db, people[1].identity, { type: 'vote.set', targetId: item, count: 1 })).records);
		await expectConverged();

		// Two more from the government join: the group has 3 and is named from now on.
		const join = async (name: string) => {
			const before = (await snap(session.facilitator)).seq;
			const joined = await joinParticipant(db, session, name, newToken(), 'pemerintah');
			const result = await sync(db, session.facilitator, before);
			if (!result.ok || result.mode !== 'events') throw new Error('expected events');
			// The join's record as it went out live (projected right after its commit).
			await live(result.records.map((r) => ({ ...r, owner: joined.id })));
			return joined;
		};
		const ibu = await join('Ibu Lurah');
		await join('Pak Kades');
		await expectConverged();
		expect((await snap(session.presenter)).votes).toContainEqual({ participantId: '', targetId: item, count: 3, group: 'pemerintah' });

		await live((await must(db, ibu.identity, { type: 'vote.set', targetId: item, count: 2 })).records);
		await expectConverged();

		// One leaves: back to two, folded again.
		await live((await must(db, session.facilitator, { type: 'participant.remove', participantId: ibu.id, reason: 'Salah sesi' })).records);
		await expectConverged();
		for (const who of viewers) expect(JSON.stringify((await snap(who)).votes)).not.toContain('pemerintah');
		for (const [, board] of boards) expect(JSON.stringify(board.votes)).not.toContain('pemerintah');
	});
});
