/**
 * The rules every side applies, checked side by side: what the server accepts is what the phone,
 * the console, the action-plan form and the minutes offer, send or print. Links are checked on one
 * board per kinds layout, because the copies that rule once had agreed on the default board and
 * drifted on the others.
 */
import { describe, expect, it } from 'vitest';
import { labelledKinds } from './components/staff/labels';
import { linkMatrix } from './components/staff/matrix';
import { planChoices, rowFields, tidyRow } from './components/staff/plan';
import { LIMITS } from './domain/defaults';
import { hasControlCharacters, isBlank, isWellFormed, tidyText } from './domain/text';
import { checkVote } from './domain/votes';
import type { Kind } from './domain/types';
import { commandSchema } from './realtime/schemas';
import { buildMinutes } from './server/minutes/model';
import { snapshot, snapshotFor } from './server/sync';
import { addItem, createSession, joinParticipant, must, send, setPhase } from '$lib/testing/server';
import { freshDb } from '$lib/testing/stores';
import { linkKinds } from './view/links';
import { onTargets, placement, voteTargets } from './view/votes';

const LAYOUTS: Record<string, Kind[]> = {
	'two kinds': [
		{ key: 'kendala', label: 'Kendala' },
		{ key: 'usulan', label: 'Usulan' }
	],
	'three kinds (the default)': [
		{ key: 'kendala', label: 'Kendala' },
		{ key: 'peluang', label: 'Peluang' },
		{ key: 'rekomendasi', label: 'Rekomendasi' }
	],
	'four kinds': [
		{ key: 'kendala', label: 'Kendala' },
		{ key: 'peluang', label: 'Peluang' },
		{ key: 'ancaman', label: 'Ancaman' },
		{ key: 'rekomendasi', label: 'Rekomendasi' }
	],
	'five kinds': [
		{ key: 'kekuatan', label: 'Kekuatan' },
		{ key: 'kelemahan', label: 'Kelemahan' },
		{ key: 'peluang', label: 'Peluang' },
		{ key: 'ancaman', label: 'Ancaman' },
		{ key: 'strategi', label: 'Strategi' }
	]
};

/** "from→to" for a link between kinds, so sets of them compare as sorted lists. */
const pair = (from: string, to: string) => `${from}→${to}`;
const sorted = (pairs: Iterable<string>) => [...new Set(pairs)].sort();

/** A board of `kinds` with one item of each, posted by one participant. */
async function boardOf(kinds: Kind[]) {
	const db = await freshDb();
	const session = await createSession(db, { kinds });
	const siti = await joinParticipant(db, session);
	const items: { kind: string; id: string }[] = [];
	for (const k of kinds) items.push({ kind: k.key, id: await addItem(db, siti.identity, `Butir ${k.label}`, { kind: k.key }) });
	return { db, session, items };
}

/** Every link the server accepts from the facilitator, by kind: each item to each item, itself included. */
async function serverPairs({ db, session, items }: Awaited<ReturnType<typeof boardOf>>): Promise<string[]> {
	const accepted: string[] = [];
	for (const from of items)
		for (const to of items) {
			const { result } = await send(db, session.facilitator, { type: 'link.set', recommendationId: from.id, targetId: to.id, linked: true });
			if (result.ok) accepted.push(pair(from.kind, to.kind));
		}
	return sorted(accepted);
}

describe.each(Object.entries(LAYOUTS))('links on a board of %s', async (_, kinds) => {
	const board = await boardOf(kinds);
	const accepted = await serverPairs(board);
	const answering = kinds[kinds.length - 1].key;

	it('the server lets the last kind answer every other kind, and nothing else', async () => {
		expect(accepted).toEqual(sorted(kinds.slice(0, -1).map((k) => pair(answering, k.key))));
	});

	it('the phone offers exactly the links the server accepts', async () => {
		const offered = linkKinds(kinds);
		expect(sorted(offered!.targets.map((to) => pair(offered!.recommendation, to)))).toEqual(accepted);
	});

	it('the console’s matrix has a box for exactly the links the server accepts', async () => {
		const matrix = linkMatrix(labelledKinds(await snapshot(board.db, board.session.row.id), 'id'), []);
		const columns = matrix.recommendations!.items.map((r) => r.item.kind);
		const rows = matrix.targets.flatMap((k) => k.items.map((i) => i.item.kind));
		expect(sorted(columns.flatMap((from) => rows.map((to) => pair(from, to))))).toEqual(accepted);
	});

	it('the console, the action plan and the minutes agree on the kind a recommendation addresses', async () => {
		const kindsOnConsole = labelledKinds(await snapshot(board.db, board.session.row.id), 'id');
		const choices = planChoices(kindsOnConsole);
		const minutes = await buildMinutes(board.db, board.session.row.id, 'id');
		const addressedInMinutes = minutes.recommendations!.ranked.flatMap((r) => r.links.filter((l) => l.relation === 'addresses').map((l) => l.kind));
		expect(choices.recommendations.map((r) => r.item.kind)).toEqual([answering]);
		expect(choices.issues.map((i) => i.item.kind)).toEqual([kinds[0].key]);
		expect(linkMatrix(kindsOnConsole, []).addressed?.kind.key).toBe(kinds[0].key);
		expect(addressedInMinutes).toEqual([kinds[0].key]);
	});

	it('the minutes print every accepted link under the answering kind, and the rest as findings', async () => {
		const minutes = await buildMinutes(board.db, board.session.row.id, 'id');
		expect(minutes.recommendations?.kind).toBe(answering);
		const printed = minutes.recommendations!.ranked.flatMap((r) => r.links.map((l) => pair(r.item.kind, l.kind)));
		expect(sorted(printed)).toEqual(accepted);
		expect(minutes.findings.map((f) => f.kind)).toEqual(kinds.slice(0, -1).map((k) => k.key));
	});
});

describe('links on a board of one kind', () => {
	it('the server accepts none; the phone, the console and the minutes offer and print none', async () => {
		const kinds = [{ key: 'masukan', label: 'Masukan' }];
		const board = await boardOf(kinds);
		expect(await serverPairs(board)).toEqual([]);
		expect(linkKinds(kinds)).toBeNull();
		const onConsole = labelledKinds(await snapshot(board.db, board.session.row.id), 'id');
		expect(linkMatrix(onConsole, [])).toMatchObject({ recommendations: null, targets: [], unanswered: [] });
		expect(planChoices(onConsole).recommendations).toEqual([]);
		expect((await buildMinutes(board.db, board.session.row.id, 'id')).recommendations).toBeNull();
	});
});

describe('readable text', () => {
	const SAMPLES = [
		'Jalan desa rusak',
		'  Kafe\u0301 tutup  ',
		'Baris satu\r\nBaris\tdua',
		'',
		' \n\t ',
		'awal\u0007akhir',
		'a\ud800b',
		`  ${'a'.repeat(LIMITS.itemText)}  `,
		'a'.repeat(LIMITS.itemText + 1)
	];
	/** The rule as `domain/text` states it, for text already tidied. */
	const readable = (text: string, max: number, min = 1) =>
		text.length >= min && text.length <= max && !hasControlCharacters(text) && isWellFormed(text);

	it.each(SAMPLES)('the server stores %j exactly as the phone sends it, or refuses what the rule refuses', async (sample) => {
		// The phone's composer sends nothing blank, and sends the tidied text.
		const sent = isBlank(sample) ? null : tidyText(sample);
		const parsed = commandSchema.safeParse({ type: 'item.add', kind: 'kendala', text: sample });
		expect(parsed.success).toBe(sent !== null && readable(sent, LIMITS.itemText));
		if (parsed.success) expect(parsed.data).toMatchObject({ text: sent });
	});

	it.each(SAMPLES)('a staff form shows %j after saving as the server stores it, or the server refuses it', async (sample) => {
		const shown = tidyRow({ ...rowFields(null), activity: 'Forum CSR', remarks: sample }).remarks;
		const parsed = commandSchema.safeParse({ type: 'action.save', row: { activity: 'Forum CSR', remarks: sample } });
		expect(parsed.success).toBe(readable(shown, LIMITS.shortText, 0));
		if (parsed.success) expect(parsed.data).toMatchObject({ row: { remarks: shown } });
	});
});

describe('dots', () => {
	/**
	 * A participant with every dot placed (3 on one item, 2 on another), then a change of the
	 * facilitator's: after it, each vote the phone would send is one the server accepts.
	 */
	async function voting() {
		const db = await freshDb();
		const session = await createSession(db);
		const siti = await joinParticipant(db, session);
		const [a, b, c] = [await addItem(db, siti.identity, 'Jalan rusak'), await addItem(db, siti.identity, 'Air bersih'), await addItem(db, siti.identity, 'Sinyal lemah')];
		await setPhase(db, session, 'voting');
		await must(db, siti.identity, { type: 'vote.set', targetId: a, count: 3 });
		await must(db, siti.identity, { type: 'vote.set', targetId: b, count: 2 });
		const created = (await must(db, session.facilitator, { type: 'theme.create', name: 'Infrastruktur' })).result;
		const theme = created.ok ? created.id! : '';

		/** Whether the phone lets Siti set `count` dots on `targetId`, judged on the board her phone receives. */
		const phoneAllows = async (targetId: string, count: number) => {
			const board = await snapshotFor(db, session.row.id, siti.identity);
			// As the phone's Dots does: its targets, its counted dots, then the domain's check.
			const targets = voteTargets(board);
			const placed = onTargets(placement(board.votes, siti.id, []), targets);
			return targets.has(targetId) && checkVote(placed, targetId, count, board.session.voting).ok;
		};
		const serverAccepts = async (targetId: string, count: number) => (await send(db, siti.identity, { type: 'vote.set', targetId, count })).result.ok;
		/** The phone's answer, then the server's, for each attempt in turn. */
		const attempts = async (...tries: [string, number][]) => {
			const results = [];
			for (const [targetId, count] of tries) {
				const phone = await phoneAllows(targetId, count);
				results.push({ targetId, count, phone, server: await serverAccepts(targetId, count) });
			}
			return results;
		};
		return { db, session, a, b, c, theme, attempts };
	}

	const agree = (results: { phone: boolean; server: boolean }[]) => {
		for (const r of results) expect(r, JSON.stringify(r)).toMatchObject({ server: r.phone });
	};

	it('agree on the budget and the cap', async () => {
		const { a, b, c, attempts } = await voting();
		const results = await attempts([c, 1], [a, 4], [a, 2], [c, 1], [c, 2], [b, 0], [c, 3]);
		agree(results);
		expect(results.map((r) => r.server)).toEqual([false, false, true, true, false, true, true]);
	});

	it('agree after the facilitator lowers the budget: dots can come off, none go on', async () => {
		const { db, session, a, c, attempts } = await voting();
		await must(db, session.facilitator, { type: 'voting.settings', budget: 3 });
		const results = await attempts([c, 1], [a, 2], [a, 1], [c, 1]);
		agree(results);
		expect(results.map((r) => r.server)).toEqual([false, true, true, false]);
	});

	it('agree after the facilitator hides an item that holds dots', async () => {
		const { db, session, a, c, attempts } = await voting();
		await must(db, session.facilitator, { type: 'item.hide', itemId: a, reason: 'Di luar topik' });
		agree(await attempts([c, 2], [c, 3], [a, 0]));
	});

	it('agree after the room moves from voting on items to voting on themes', async () => {
		const { db, session, a, theme, attempts } = await voting();
		await must(db, session.facilitator, { type: 'voting.settings', target: 'themes' });
		agree(await attempts([theme, 3], [a, 0], [theme, 4]));
	});
});
