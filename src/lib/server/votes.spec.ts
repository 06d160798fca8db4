/** vote.set: dots within budget and cap, only while voting, only on what is on the board. */
import { beforeEach, describe, expect, it } from 'vitest';
import { tally } from '../domain/votes';
import type { SocketIdentity } from '../realtime/contract';
import type { Database } from './db/store';
import * as participants from './participants';
import { addItem, dumpTables, joinParticipant, must, newToken, send, setPhase, type TestParticipant, type TestSession } from '$lib/testing/server';
import { sessionWith } from '$lib/testing/stores';
import * as votes from './votes';

let db: Database;
let session: TestSession;
let siti: TestParticipant;
let budi: TestParticipant;
let a: string;
let b: string;
let c: string;

beforeEach(async () => {
	({ db, session, people: [siti, budi] } = await sessionWith([{ name: 'Siti', group: 'akademisi' }, { name: 'Budi', group: 'pemerintah' }]));
	a = await addItem(db, siti.identity, 'Jalan rusak');
	b = await addItem(db, siti.identity, 'Sinyal lemah');
	c = await addItem(db, budi.identity, 'Air bersih');
	await setPhase(db, session, 'voting');
});

const vote = async (who: SocketIdentity, targetId: string, count: number, id?: string) => await send(db, who, { type: 'vote.set', targetId, count }, id);
const placed = async (p: TestParticipant) => Object.fromEntries(await votes.placedBy(db, session.row.id, p.id));
const total = async (p: TestParticipant) => Object.values(await placed(p)).reduce((sum, n) => sum + n, 0);

async function expectRefused(who: SocketIdentity, targetId: string, count: number, code: string) {
	const before = await dumpTables(db);
	const { result, records } = await vote(who, targetId, count);
	expect(result).toMatchObject({ ok: false, error: { code } });
	expect(records).toEqual([]);
	expect(await dumpTables(db)).toEqual(before);
}

describe('vote.set', () => {
	it('places dots and logs them as the voter’s', async () => {
		const { result, records } = await vote(siti.identity, a, 2);
		expect(result.ok).toBe(true);
		expect(records).toHaveLength(1);
		expect(records[0]).toMatchObject({ event: { type: 'vote.set', vote: { participantId: siti.id, targetId: a, count: 2 } }, owner: siti.id });
		expect(await placed(siti)).toEqual({ [a]: 2 });
	});

	it('sets the figure rather than adding to it', async () => {
		await vote(siti.identity, a, 2);
		await vote(siti.identity, a, 3);
		expect(await placed(siti)).toEqual({ [a]: 3 });
	});

	it('refuses more than the cap on one target (default 3)', async () => {
		await expectRefused(siti.identity, a, 4, 'over_cap');
		expect((await vote(siti.identity, a, 3)).result.ok).toBe(true);
	});

	it('refuses more than the budget in all (default 5)', async () => {
		await vote(siti.identity, a, 3);
		await vote(siti.identity, b, 2);
		await expectRefused(siti.identity, c, 1, 'over_budget');
		expect(await total(siti)).toBe(5);
	});

	it('moves dots: lower one target, then raise another', async () => {
		await vote(siti.identity, a, 3);
		await vote(siti.identity, b, 2);
		expect((await vote(siti.identity, a, 1)).result.ok).toBe(true);
		expect((await vote(siti.identity, c, 2)).result.ok).toBe(true);
		expect(await placed(siti)).toEqual({ [a]: 1, [b]: 2, [c]: 2 });
	});

	it('count 0 removes the dots', async () => {
		await vote(siti.identity, a, 3);
		const { records } = await vote(siti.identity, a, 0);
		expect(records[0].event).toMatchObject({ vote: { targetId: a, count: 0 } });
		expect(await placed(siti)).toEqual({});
		expect(await votes.list(db, session.row.id)).toEqual([]);
	});

	it('each participant has their own budget', async () => {
		await vote(siti.identity, a, 3);
		await vote(siti.identity, b, 2);
		expect((await vote(budi.identity, a, 3)).result.ok).toBe(true);
		expect((await vote(budi.identity, b, 2)).result.ok).toBe(true);
	});

	it('follows the facilitator’s budget and cap', async () => {
		await must(db, session.facilitator, { type: 'voting.settings', budget: 2, cap: 1 });
		await expectRefused(siti.identity, a, 2, 'over_cap');
		await vote(siti.identity, a, 1);
		await vote(siti.identity, b, 1);
		await expectRefused(siti.identity, c, 1, 'over_budget');
	});

	it('is open only in the voting phase', async () => {
		for (const phase of ['lobby', 'writing', 'reveal', 'grouping', 'discussion', 'action'] as const) {
			await setPhase(db, session, phase);
			await expectRefused(siti.identity, a, 1, 'phase_closed');
		}
	});

	it('is the participants’ alone', async () => {
		for (const who of [session.facilitator, session.minutetaker, session.presenter]) await expectRefused(who, a, 1, 'forbidden');
	});
});

describe('what may be voted on', () => {
	it('only items on the board: not hidden, pending, deleted or unknown ones', async () => {
		await must(db, session.facilitator, { type: 'item.hide', itemId: a, reason: 'SARA' });
		await expectRefused(siti.identity, a, 1, 'not_found');
		await must(db, siti.identity, { type: 'item.delete', itemId: b });
		await expectRefused(siti.identity, b, 1, 'not_found');
		await expectRefused(siti.identity, 'no-such-item', 1, 'not_found');

		await must(db, session.facilitator, { type: 'session.settings', preModeration: true });
		await setPhase(db, session, 'discussion');
		const pending = await addItem(db, budi.identity, 'Menunggu persetujuan');
		await setPhase(db, session, 'voting');
		await expectRefused(siti.identity, pending, 1, 'not_found');
	});

	it('only existing themes when the facilitator votes on themes, and then not items', async () => {
		const theme = (await must(db, session.facilitator, { type: 'theme.create', name: 'Infrastruktur' })).records[0];
		const themeId = theme.event.type === 'theme.saved' ? theme.event.theme.id : '';
		await expectRefused(siti.identity, themeId, 1, 'not_found'); // voting on items: a theme is no item
		await must(db, session.facilitator, { type: 'voting.settings', target: 'themes' });
		expect((await vote(siti.identity, themeId, 2)).result.ok).toBe(true);
		await expectRefused(siti.identity, a, 1, 'not_found');
		await expectRefused(siti.identity, 'no-such-theme', 1, 'not_found');
		await must(db, session.facilitator, { type: 'theme.delete', themeId });
		await expectRefused(siti.identity, themeId, 1, 'not_found');
		expect(await placed(siti)).toEqual({}); // deleting the theme dropped its dots
	});
});

describe('dots that no longer count', () => {
	it('a hidden item’s dots free the budget, stay stored, and count again when the item comes back', async () => {
		await vote(siti.identity, a, 3);
		await vote(siti.identity, b, 2);
		await must(db, session.facilitator, { type: 'item.hide', itemId: a, reason: 'Di luar topik' });
		expect((await vote(siti.identity, c, 3)).result.ok).toBe(true);
		expect(await placed(siti)).toEqual({ [a]: 3, [b]: 2, [c]: 3 });
		await must(db, session.facilitator, { type: 'item.restore', itemId: a });
		// Over budget now: dots may come off, not go on.
		await expectRefused(siti.identity, b, 3, 'over_budget');
		expect((await vote(siti.identity, b, 1)).result.ok).toBe(true);
	});

	it('dots on items do not block a vote on themes', async () => {
		await vote(siti.identity, a, 3);
		await vote(siti.identity, b, 2);
		const created = (await must(db, session.facilitator, { type: 'theme.create', name: 'Infrastruktur' })).result;
		const themeId = created.ok ? created.id! : '';
		await must(db, session.facilitator, { type: 'voting.settings', target: 'themes' });
		expect((await vote(siti.identity, themeId, 3)).result.ok).toBe(true);
	});
});

describe('two tabs of one participant', () => {
	it('cannot overspend together: the second vote that would is refused', async () => {
		const tab1: SocketIdentity = { ...siti.identity };
		const tab2: SocketIdentity = { ...siti.identity };
		expect((await vote(tab1, a, 3, 'tab1-vote-0001')).result.ok).toBe(true);
		expect((await vote(tab2, b, 2, 'tab2-vote-0001')).result.ok).toBe(true);
		expect((await vote(tab1, c, 1, 'tab1-vote-0002')).result).toMatchObject({ ok: false, error: { code: 'over_budget' } });
		expect((await vote(tab2, c, 3, 'tab2-vote-0002')).result).toMatchObject({ ok: false, error: { code: 'over_budget' } });
		expect(await total(siti)).toBe(5);
	});

	it('each tab spending the whole budget on its own target: only the first counts', async () => {
		const tab1: SocketIdentity = { ...siti.identity };
		const tab2: SocketIdentity = { ...siti.identity };
		await must(db, session.facilitator, { type: 'voting.settings', cap: 5 });
		expect((await vote(tab1, a, 5, 'tab1-vote-0003')).result.ok).toBe(true);
		expect((await vote(tab2, b, 5, 'tab2-vote-0003')).result).toMatchObject({ ok: false, error: { code: 'over_budget' } });
		expect(await placed(siti)).toEqual({ [a]: 5 });
		expect(await total(siti)).toBeLessThanOrEqual(5);
	});

	it('a retry of one tab’s command is recognised, not counted twice', async () => {
		const first = await vote({ ...siti.identity }, a, 2, 'same-vote-0001');
		const again = await vote({ ...siti.identity }, a, 2, 'same-vote-0001');
		expect(again.result).toEqual(first.result);
		expect(again.records).toEqual([]);
		expect(await total(siti)).toBe(2);
	});
});

describe('tallies', () => {
	it('total dots per item and per stakeholder group, from what is stored', async () => {
		const ani = await joinParticipant(db, session, 'Ani', newToken(), 'akademisi');
		await vote(siti.identity, a, 2);
		await vote(ani.identity, a, 3);
		await vote(budi.identity, a, 1);
		await vote(budi.identity, c, 3);
		const groups = new Map((await participants.list(db, session.row.id)).map((p) => [p.id, p.group]));
		const result = tally(await votes.list(db, session.row.id), (id) => groups.get(id) ?? '');
		expect(result.get(a)?.total).toBe(6);
		expect(Object.fromEntries(result.get(a)!.byGroup)).toEqual({ akademisi: 5, pemerintah: 1 });
		expect(result.get(c)?.total).toBe(3);
		expect(Object.fromEntries(result.get(c)!.byGroup)).toEqual({ pemerintah: 3 });
		expect(result.has(b)).toBe(false);
	});
});
