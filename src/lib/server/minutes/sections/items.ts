/** The board's items as the minutes print them: attributed, masked, with their dots. */
import { kindLabel } from '../../../domain/defaults';
import type { Kind, Locale, SessionView } from '../../../domain/types';
import type { ItemRow } from '../../items';
import { maskPhones } from '../mask';
import { attribute, votesOn, type MinutesPerson, type Source } from './source';

export interface MinutesItem {
	id: string;
	/** Board kind key, e.g. `kendala`. */
	kind: string;
	text: string;
	anonymous: boolean;
	/** Null for an anonymous item: nothing about its author, not even the group, reaches the minutes. */
	author: MinutesPerson | null;
	/**
	 * "name – institution – group", or "anonim" / "anonymous"; for a merged item every
	 * contributor's, joined by "; " (the item's own author first).
	 */
	attribution: string;
	/** Each contributor's attribution: the author, then the authors of the items merged into it (no repeats). */
	contributors: string[];
	/** Null when the item is in no theme. */
	themeId: string | null;
	/** How many duplicates were merged into this item (their dots count here). */
	mergedCount: number;
	/** Participants who support (+1) this item ("didukung N peserta"); 0 when none. */
	supporters: number;
	/** Dots on this item; null when no item of its kind received any (not put to a vote, or a vote on themes). */
	votes: number | null;
}

/** A kind of the board with its label in the minutes' language. */
export interface KindRef {
	kind: string;
	label: string;
}

const ANONYMOUS: Record<Locale, string> = { id: 'anonim', en: 'anonymous' };

/**
 * Every reported item, in posting order. An item's count is given only when its kind was put to
 * a vote (some item of the kind got dots): "0 suara" on every constraint when only
 * recommendations were voted on would say the room rejected them all.
 */
export function listItems(source: Source): MinutesItem[] {
	const voted = new Set(source.rows.filter((r) => source.tallies.has(r.id)).map((r) => r.kind));
	return source.rows.map((row) => toItem(source, row, voted.has(row.kind)));
}

function toItem(source: Source, row: ItemRow, kindVoted: boolean): MinutesItem {
	const text = maskPhones(row.text);
	// Decide on the flag before touching the author: an anonymous row's author_id is never read.
	const anonymous = row.anonymous === 1;
	const author = anonymous ? null : (source.people.get(row.author_id) ?? null);
	const merged = source.mergedRows.get(row.id) ?? [];
	const contributors = [...new Set([row, ...merged].map((r) => attributionOf(source, r)))];
	return {
		id: row.id,
		kind: row.kind,
		text,
		anonymous,
		author,
		attribution: contributors.join('; '),
		contributors,
		themeId: row.theme_id,
		mergedCount: source.mergedCount.get(row.id) ?? 0,
		supporters: source.supporters.get(row.id) ?? 0,
		votes: votesOn(source, row.id, kindVoted)
	};
}

/** Who wrote a row as the minutes name them; an anonymous row's author_id is never read. */
function attributionOf(source: Source, row: ItemRow): string {
	if (row.anonymous === 1) return ANONYMOUS[source.lang];
	const author = source.people.get(row.author_id);
	return author ? attribute(author) : '–';
}

/** The session's kinds in board order, then any kind an item has that the board no longer lists. */
export function kindsOf(session: SessionView, items: MinutesItem[], lang: Locale): KindRef[] {
	const refs = session.kinds.map((k: Kind) => ({ kind: k.key, label: kindLabel(k, lang) }));
	for (const item of items) if (!refs.some((r) => r.kind === item.kind)) refs.push({ kind: item.kind, label: item.kind });
	return refs;
}

/** Most dots first; ties keep posting order (the sort is stable and the input is in posting order). */
export function byVotes<T extends { votes: number | null }>(list: T[]): T[] {
	return [...list].sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0));
}
