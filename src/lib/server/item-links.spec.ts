/** link.set: a recommendation (the last kind) answers constraints and uses opportunities. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SocketIdentity } from '../realtime/contract';
import type { Database } from './db/store';
import * as links from './item-links';
import { addItem, createSession, dumpTables, joinParticipant, must, send, type TestParticipant, type TestSession } from '$lib/testing/server';
import { sessionWith } from '$lib/testing/stores';

let db: Database;
let session: TestSession;
let siti: TestParticipant;
let budi: TestParticipant;
let rec: string;
let constraint: string;
let opportunity: string;

beforeEach(async () => {
	({ db, session, people: [siti, budi] } = await sessionWith(['Siti', 'Budi']));
	rec = await addItem(db, siti.identity, 'Alokasikan DAK untuk jalan desa', { kind: 'rekomendasi' });
	constraint = await addItem(db, budi.identity, 'Jalan desa rusak', { kind: 'kendala' });
	opportunity = await addItem(db, budi.identity, 'Dana CSR tambang', { kind: 'peluang' });
});

const link = async (who: SocketIdentity, recommendationId: string, targetId: string, linked = true) =>
	await send(db, who, { type: 'link.set', recommendationId, targetId, linked });
const stored = () => links.list(db, session.row.id);

async function expectRefused(who: SocketIdentity, recommendationId: string, targetId: string, code: string) {
	const before = await dumpTables(db);
	expect((await link(who, recommendationId, targetId)).result).toMatchObject({ ok: false, error: { code } });
	expect(await dumpTables(db)).toEqual(before);
}

describe('link.set', () => {
	it('lets the recommendation’s author link it to a constraint and an opportunity', async () => {
		const { records } = await link(siti.identity, rec, constraint);
		expect(records[0].event).toEqual({ type: 'link.set', link: { recommendationId: rec, targetId: constraint }, linked: true });
		await link(siti.identity, rec, opportunity);
		expect(await stored()).toHaveLength(2);
		expect(await stored()).toEqual(
			expect.arrayContaining([
				{ recommendationId: rec, targetId: constraint },
				{ recommendationId: rec, targetId: opportunity }
			])
		);
	});

	it('lets the facilitator link any recommendation', async () => {
		expect((await link(session.facilitator, rec, constraint)).result.ok).toBe(true);
		expect(await stored()).toEqual([{ recommendationId: rec, targetId: constraint }]);
	});

	it('refuses another participant, the minute-taker and the projector', async () => {
		await expectRefused(budi.identity, rec, constraint, 'forbidden');
		await expectRefused(session.minutetaker, rec, constraint, 'forbidden');
		await expectRefused(session.presenter, rec, constraint, 'forbidden');
	});

	it('goes only from the last kind to the other kinds', async () => {
		const other = await addItem(db, siti.identity, 'Bentuk BUMDes', { kind: 'rekomendasi' });
		const ownConstraint = await addItem(db, siti.identity, 'Sinyal lemah', { kind: 'kendala' });
		await expectRefused(siti.identity, ownConstraint, opportunity, 'invalid_input');
		await expectRefused(siti.identity, ownConstraint, rec, 'invalid_input');
		await expectRefused(siti.identity, rec, other, 'invalid_input');
		await expectRefused(session.facilitator, constraint, opportunity, 'invalid_input');
	});

	it('follows the session’s own kinds: the last one is the answer', async () => {
		const custom = await createSession(db, { kinds: [{ key: 'isu', label: 'Isu' }, { key: 'solusi', label: 'Solusi' }] });
		const ani = await joinParticipant(db, custom, 'Ani');
		const issue = await addItem(db, ani.identity, 'Banjir', { kind: 'isu' });
		const answer = await addItem(db, ani.identity, 'Normalisasi sungai', { kind: 'solusi' });
		expect((await link(ani.identity, answer, issue)).result.ok).toBe(true);
		expect((await link(ani.identity, issue, answer)).result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
	});

	it('unlinks, and linking twice keeps one link', async () => {
		await link(siti.identity, rec, constraint);
		await link(siti.identity, rec, constraint);
		expect(await stored()).toHaveLength(1);
		const { records } = await link(siti.identity, rec, constraint, false);
		expect(records[0].event).toMatchObject({ type: 'link.set', linked: false });
		expect(await stored()).toEqual([]);
	});

	it('needs both items on the board', async () => {
		await expectRefused(siti.identity, rec, 'no-such-item', 'not_found');
		await expectRefused(siti.identity, 'no-such-item', constraint, 'not_found');
		await must(db, session.facilitator, { type: 'item.hide', itemId: constraint, reason: 'duplikat' });
		await expectRefused(siti.identity, rec, constraint, 'not_found');
	});
});

describe('unlinking', () => {
	it('works even after one of the items was hidden', async () => {
		await must(db, session.facilitator, { type: 'link.set', recommendationId: rec, targetId: constraint, linked: true });
		await must(db, session.facilitator, { type: 'item.hide', itemId: constraint, reason: 'Di luar topik' });
		expect((await link(session.facilitator, rec, constraint, false)).result).toMatchObject({ ok: true });
		expect(await stored()).toEqual([]);
	});

	it('but a new link to a hidden item is refused', async () => {
		await must(db, session.facilitator, { type: 'item.hide', itemId: constraint, reason: 'Di luar topik' });
		await expectRefused(session.facilitator, rec, constraint, 'not_found');
	});
});
