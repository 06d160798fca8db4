/**
 * Sessions made of seeded random commands through the real command path (parse, then
 * `execute`) on a fresh store of this run's engine: phases back and forth, anonymous and pre-moderated items,
 * hiding, merging, themes, votes before and after the reveal, links, the action plan, notes,
 * deletes, late joiners and the close. Most commands are aimed at what exists, so most are
 * accepted; the refused ones must change nothing, which other specs check.
 */
import { PHASES, type Phase } from '../domain/types';
import type { SessionRecord, SocketIdentity } from '../realtime/contract';
import * as actions from '../server/actions';
import type { Store } from '../server/db/store';
import * as items from '../server/items';
import { lastSeq, recordsSince } from '../server/log';
import * as notes from '../server/notes';
import * as participants from '../server/participants';
import * as themes from '../server/themes';
import { random, type Rng } from './random';
import { joinParticipant, send, viewOf, type TestParticipant } from './server';
import { sessionWith } from './stores';

const TEXTS = ['Jalan desa rusak', 'Modal usaha sulit', 'Sinyal lemah', 'Pasar daring', 'Pelatihan kemasan', 'Air bersih'];
const NAMES = ['Siti', 'Budi', 'Ani', 'Yusuf', 'Dewi', 'Hendra'];
const GROUPS = ['pemerintah', 'akademisi', 'dunia_usaha', 'komunitas'];
/** Participants who may join before the first command; the rest join as the session runs. */
const FIRST = 3;

/** One step: what was sent (for a failure message), and the records it committed. */
export interface Step {
	label: string;
	records: SessionRecord[];
	/** Set when the step was a participant joining. */
	joined?: TestParticipant;
}

type Options = {
	/** Leaves out merges into a hidden or pending item (see board.replay.spec.ts). */
	mergeOnlyIntoVisible?: boolean;
	/** The store to start the session in (see fileStore); a fresh one when not given. */
	store?: Store;
};
type Fixture = Awaited<ReturnType<typeof sessionWith>>;

export class RandomSession {
	readonly db: Fixture['db'];
	readonly session: Fixture['session'];
	readonly people: TestParticipant[];
	#texts = 0;

	/** A new session from `seed`, its first participants joined (joining is async, so not a constructor). */
	static async start(seed: number, options: Options = {}): Promise<RandomSession> {
		const rng = random(seed);
		const anonymous = rng.chance(0.8);
		return new RandomSession(rng, await sessionWith(NAMES.slice(0, FIRST), { allowAnonymous: anonymous }, options.store), options);
	}

	private constructor(
		readonly rng: Rng,
		fixture: Fixture,
		readonly options: Options
	) {
		({ db: this.db, session: this.session, people: this.people } = fixture);
	}

	/** Staff first, then the projector, then every participant who has joined. */
	get viewers(): SocketIdentity[] {
		const { facilitator, minutetaker, presenter } = this.session;
		return [facilitator, minutetaker, presenter, ...this.people.map((p) => p.identity)];
	}

	get #sessionId() {
		return this.session.row.id;
	}

	/** Runs one random command (or a join); `closing` lets it close the session. */
	async step(closing = false): Promise<Step> {
		if (this.people.length < NAMES.length && this.rng.chance(0.03)) return this.#join();
		const view = await viewOf(this.db, this.session);
		if (view.status === 'closed') return this.#afterClose();
		if (closing && this.rng.chance(0.2)) return this.#run(this.session.facilitator, { type: 'phase.set', phase: 'closed' });
		// Kinds change only before the first item, so try it early.
		if ((await this.#itemRows()).length === 0 && this.rng.chance(0.1)) return this.#kinds();
		if (view.phase === 'voting' && this.rng.chance(0.4)) return this.#vote(view.voting.target);
		const pick = this.rng.next();
		if (pick < 0.08) return this.#phase(view.phase);
		if (pick < 0.3) return this.#post(view.kinds.map((k) => k.key));
		if (pick < 0.45) return this.#itemCommand();
		if (pick < 0.55) return this.#theme();
		if (pick < 0.62) return this.#support();
		if (pick < 0.72) return this.#vote(view.voting.target);
		if (pick < 0.77) return this.#votingSettings();
		if (pick < 0.83) return this.#link();
		if (pick < 0.9) return this.#afterClose();
		return this.#sessionCommand();
	}

	async #run(who: SocketIdentity, command: Record<string, unknown>): Promise<Step> {
		const { result, records } = await send(this.db, who, command);
		const by = who.participantId ? `participant ${this.people.findIndex((p) => p.id === who.participantId)}` : who.role;
		return { label: `${by}: ${JSON.stringify(command)} → ${result.ok ? 'ok' : result.error.code}`, records };
	}

	async #join(): Promise<Step> {
		const seq = await lastSeq(this.db, this.#sessionId);
		const joined = await joinParticipant(this.db, this.session, NAMES[this.people.length], undefined, this.rng.pick(GROUPS));
		this.people.push(joined);
		// Joins are not commands: the record is read back from the log.
		return { label: `${joined.view.name} joins`, records: await recordsSince(this.db, this.#sessionId, seq, 10), joined };
	}

	#participant(): TestParticipant {
		return this.rng.pick(this.people);
	}

	#itemRows() {
		return items.listRows(this.db, this.#sessionId);
	}

	async #itemId(filter: (status: string) => boolean = () => true): Promise<string> {
		const rows = (await this.#itemRows()).filter((r) => filter(r.status));
		return rows.length ? this.rng.pick(rows).id : 'no-such-item';
	}

	async #authorOf(itemId: string): Promise<SocketIdentity> {
		const row = (await this.#itemRows()).find((r) => r.id === itemId);
		const author = this.people.find((p) => p.id === row?.author_id);
		return author && this.rng.chance(0.75) ? author.identity : this.session.facilitator;
	}

	async #phase(current: Phase): Promise<Step> {
		const phase = this.rng.pick(PHASES.filter((p) => p !== current && p !== 'closed'));
		return this.#run(this.session.facilitator, { type: 'phase.set', phase });
	}

	async #post(given?: string[]): Promise<Step> {
		const kinds = given ?? (await viewOf(this.db, this.session)).kinds.map((k) => k.key);
		const kind = this.rng.pick([kinds[0], ...kinds]);
		const text = `${this.rng.pick(TEXTS)} ${++this.#texts}`;
		return this.#run(this.#participant().identity, { type: 'item.add', kind, text, anonymous: this.rng.chance(0.3) });
	}

	async #itemCommand(): Promise<Step> {
		const f = this.session.facilitator;
		const roll = this.rng.int(7);
		if (roll === 0) {
			const itemId = await this.#itemId();
			return this.#run(await this.#authorOf(itemId), { type: 'item.edit', itemId, text: `Diubah ${++this.#texts}` });
		}
		if (roll === 1) {
			const itemId = await this.#itemId();
			return this.#run(await this.#authorOf(itemId), { type: 'item.delete', itemId });
		}
		if (roll === 2) return this.#run(f, { type: 'item.hide', itemId: await this.#itemId((s) => s !== 'merged'), reason: 'Di luar topik' });
		if (roll === 3) return this.#run(f, { type: 'item.restore', itemId: await this.#itemId((s) => s === 'hidden') });
		if (roll === 4) return this.#run(f, { type: 'item.approve', itemId: await this.#itemId((s) => s === 'pending') });
		if (roll === 5) {
			const open = (await this.#itemRows()).filter((r) => r.status !== 'merged');
			if (open.length < 2) return this.#post();
			const [target, ...sources] = this.#shuffle(open).slice(0, 2 + this.rng.int(2));
			if (this.options.mergeOnlyIntoVisible && target.status !== 'visible') return this.#post();
			return this.#run(f, { type: 'item.merge', targetId: target.id, sourceIds: sources.map((s) => s.id) });
		}
		const themeIds = (await themes.list(this.db, this.#sessionId)).map((t) => t.id);
		const themeId = themeIds.length && this.rng.chance(0.8) ? this.rng.pick(themeIds) : null;
		return this.#run(f, { type: 'item.theme', itemId: await this.#itemId((s) => s !== 'merged'), themeId });
	}

	async #theme(): Promise<Step> {
		const f = this.session.facilitator;
		const list = await themes.list(this.db, this.#sessionId);
		const roll = this.rng.int(list.length ? 5 : 1);
		if (roll === 0 || roll === 1) return this.#run(f, { type: 'theme.create', name: `Tema ${++this.#texts}` });
		const themeId = this.rng.pick(list).id;
		if (roll === 2) return this.#run(f, { type: 'theme.rename', themeId, name: `Tema baru ${++this.#texts}` });
		if (roll === 3) return this.#run(f, { type: 'theme.delete', themeId });
		return this.#run(f, { type: 'themes.order', themeIds: this.#shuffle(list).map((t) => t.id) });
	}

	async #vote(target: 'items' | 'themes'): Promise<Step> {
		const ids =
			target === 'themes'
				? (await themes.list(this.db, this.#sessionId)).map((t) => t.id)
				: (await this.#itemRows())
						.filter((r) => r.status === 'visible' || this.rng.chance(0.1))
						.map((r) => r.id);
		const targetId = ids.length ? this.rng.pick(ids) : 'no-such-target';
		return this.#run(this.#participant().identity, { type: 'vote.set', targetId, count: this.rng.int(4) });
	}

	/** A support (+1) added or taken back, now and then a repeat or one's own item (refused). */
	async #support(): Promise<Step> {
		const ids = (await this.#itemRows())
			.filter((r) => r.status === 'visible' || this.rng.chance(0.1))
			.map((r) => r.id);
		const itemId = ids.length ? this.rng.pick(ids) : 'no-such-item';
		return this.#run(this.#participant().identity, { type: 'item.support', itemId, supported: this.rng.chance(0.75) });
	}

	async #votingSettings(): Promise<Step> {
		const roll = this.rng.int(5);
		const command =
			roll < 3
				? { revealed: this.rng.chance(0.6) }
				: roll === 3
					? { target: this.rng.pick(['items', 'themes']) }
					: { budget: 1 + this.rng.int(8), cap: 1 + this.rng.int(4) };
		return this.#run(this.session.facilitator, { type: 'voting.settings', ...command });
	}

	async #link(): Promise<Step> {
		const rows = await this.#itemRows();
		// The last kind answers the others (see handlers/board.ts).
		const answer = (await viewOf(this.db, this.session)).kinds.at(-1)?.key;
		const recommendations = rows.filter((r) => r.kind === answer);
		const others = rows.filter((r) => r.kind !== answer);
		if (!recommendations.length || !others.length) return this.#post();
		const recommendationId = this.rng.pick(recommendations).id;
		const command = { type: 'link.set', recommendationId, targetId: this.rng.pick(others).id, linked: this.rng.chance(0.7) };
		return this.#run(await this.#authorOf(recommendationId), command);
	}

	/** What staff may still do once the session is closed: notes, the action plan, the details. */
	async #afterClose(): Promise<Step> {
		const staff = this.rng.chance(0.5) ? this.session.minutetaker : this.session.facilitator;
		const roll = this.rng.int(6);
		const rows = await actions.list(this.db, this.#sessionId);
		const noteIds = (await notes.list(this.db, this.#sessionId)).map((n) => n.id);
		if (roll === 0 || (roll === 1 && !rows.length)) {
			const itemIds = (await this.#itemRows()).map((r) => r.id);
			const row = { activity: `Kegiatan ${++this.#texts}`, issueItemIds: itemIds.slice(0, this.rng.int(3)), cost: this.rng.int(5) * 1e6 };
			return this.#run(staff, { type: 'action.save', row });
		}
		if (roll === 1) return this.#run(staff, { type: 'action.save', row: { id: this.rng.pick(rows).id, activity: `Diubah ${++this.#texts}` } });
		if (roll === 2 && rows.length) return this.#run(staff, { type: 'action.delete', rowId: this.rng.pick(rows).id });
		if (roll === 3 && noteIds.length) return this.#run(staff, { type: 'note.delete', noteId: this.rng.pick(noteIds) });
		if (roll === 4) return this.#run(staff, { type: 'session.details', details: { chair: `Ketua ${++this.#texts}` } });
		const who = this.rng.chance(0.5) ? (await participants.list(this.db, this.#sessionId))[0] : null;
		const speaker = who ? { participantId: who.id, name: who.name, institution: who.institution, group: who.group } : null;
		return this.#run(staff, { type: 'note.add', text: `Catatan ${++this.#texts}`, speaker });
	}

	async #sessionCommand(): Promise<Step> {
		const f = this.session.facilitator;
		const roll = this.rng.int(9);
		if (roll < 3) return this.#run(f, { type: 'session.settings', preModeration: this.rng.chance(0.5) });
		if (roll === 3) return this.#run(f, { type: 'session.settings', allowAnonymous: this.rng.chance(0.5) });
		if (roll === 4) return this.#kinds();
		if (roll === 5) {
			const keys = (await viewOf(this.db, this.session)).kinds.map((k) => k.key);
			const phase = this.rng.pick(PHASES.filter((p) => p !== 'closed'));
			return this.#run(f, { type: 'phase.kinds', phase, kinds: keys.filter(() => this.rng.chance(0.5)) });
		}
		const timer = this.rng.pick([
			{ type: 'timer.start', seconds: 30 + this.rng.int(300), lockOnEnd: this.rng.chance(0.5) },
			{ type: 'timer.pause' },
			{ type: 'timer.resume' },
			{ type: 'timer.extend', seconds: 60 },
			{ type: 'timer.clear' }
		]);
		return this.#run(f, timer);
	}

	/** Other kinds for the board: renamed, or new ones (refused once an item exists). */
	async #kinds(): Promise<Step> {
		const kinds = this.rng.pick([
			[{ key: 'kendala', label: 'Kendala' }, { key: 'peluang', label: 'Peluang' }, { key: 'rekomendasi', label: 'Usulan' }],
			[{ key: 'masalah', label: 'Masalah' }, { key: 'harapan', label: 'Harapan' }, { key: 'potensi', label: 'Potensi' }, { key: 'usulan', label: 'Usulan' }],
			[{ key: 'isu', label: 'Isu' }, { key: 'solusi', label: 'Solusi' }]
		]);
		return this.#run(this.session.facilitator, { type: 'session.settings', kinds });
	}

	#shuffle<T>(list: T[]): T[] {
		const copy = [...list];
		for (let i = copy.length - 1; i > 0; i--) {
			const j = this.rng.int(i + 1);
			[copy[i], copy[j]] = [copy[j], copy[i]];
		}
		return copy;
	}
}
