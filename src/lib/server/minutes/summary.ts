/**
 * The top-line summary: a few lines a facilitator pastes into the organizers' WhatsApp group
 * the same day. Plain text (WhatsApp's *bold* aside), from the same model as the minutes, so
 * it names nobody the minutes would not and masks the same phones.
 */
import type { Locale } from '../../domain/types';
import type { Minutes, MinutesItem } from './model';

const WORDS = {
	id: {
		heading: 'Ringkasan FGD',
		theme: 'Tema',
		participants: (n: number) => `Peserta: ${n} orang`,
		top: (label: string) => `${label} teratas`,
		votes: (n: number) => `${n} suara`,
		answers: 'menjawab',
		owners: 'Penanggung jawab tindak lanjut',
		none: 'belum ada',
		noVotes: 'belum ada yang dipilih (belum ada suara)',
		provisional: '(sementara: diskusi masih berlangsung)'
	},
	en: {
		heading: 'FGD summary',
		theme: 'Theme',
		participants: (n: number) => `Participants: ${n}`,
		top: (label: string) => `Top ${label.toLowerCase()}`,
		votes: (n: number) => `${n} ${n === 1 ? 'vote' : 'votes'}`,
		answers: 'answers',
		owners: 'Follow-up owners',
		none: 'none yet',
		noVotes: 'nothing voted on yet',
		provisional: '(provisional: the discussion is still open)'
	}
} satisfies Record<Locale, unknown>;

/** Long cards are cut so the message stays a glance, not a document. */
const MAX_TEXT = 110;
const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1).trimEnd()}…` : text);

export function summarize(minutes: Minutes): string {
	const w = WORDS[minutes.lang];
	const { session, attendance, findings, recommendations, actionPlan } = minutes;
	const when = [session.day, session.time, session.venue].filter(Boolean).join(' · ');
	const groups = attendance.byGroup.filter((g) => g.count > 0).map((g) => `${g.shortLabel} ${g.count}`);
	const lines = [`*${w.heading}: ${session.title}*`];
	if (!session.closedAt) lines.push(w.provisional);
	if (session.theme) lines.push(`${w.theme}: ${session.theme}`);
	if (when) lines.push(when);
	lines.push(`${w.participants(attendance.total)}${groups.length ? ` (${groups.join(', ')})` : ''}`);

	const constraints = findings[0];
	if (constraints) {
		const items = constraints.groups.flatMap((g) => g.items);
		const top = topVoted(items, (i) => i);
		lines.push('', `*${w.top(constraints.label)}:*`, ...numbered(top, w.votes));
		if (!top.length) lines.push(`– ${items.length ? w.noVotes : w.none}`);
	}
	if (recommendations) {
		const top = topVoted(recommendations.ranked, (r) => r.item);
		lines.push('', `*${w.top(recommendations.label)}:*`);
		for (const r of top) {
			const answered = r.links.find((l) => l.relation === 'addresses');
			lines.push(`${r.rank}. ${clip(r.item.text)}${votesOf(r.item, w.votes)}`);
			if (answered) lines.push(`   → ${w.answers}: ${answered.items.map((i) => clip(i.text)).join('; ')}`);
		}
		if (!top.length) lines.push(`– ${recommendations.ranked.length ? w.noVotes : w.none}`);
	}
	const owners = [...new Set(actionPlan.map((a) => [a.pic.name, a.pic.institution].filter(Boolean).join(', ')).filter(Boolean))];
	lines.push('', `*${w.owners}:* ${owners.length ? owners.join('; ') : w.none}`);
	return lines.join('\n') + '\n';
}

/**
 * The three most voted entries. Only what got at least one vote is "top": an item nobody chose
 * is not a finding, and listing it would tell the organizers it was.
 */
export function topVoted<T>(entries: T[], itemOf: (entry: T) => MinutesItem): T[] {
	const voted = entries.filter((e) => (itemOf(e).votes ?? 0) > 0);
	return [...voted].sort((a, b) => (itemOf(b).votes ?? 0) - (itemOf(a).votes ?? 0)).slice(0, 3);
}

function numbered(items: MinutesItem[], votes: (n: number) => string): string[] {
	return items.map((item, i) => `${i + 1}. ${clip(item.text)}${votesOf(item, votes)}`);
}

const votesOf = (item: MinutesItem, votes: (n: number) => string) => (item.votes === null ? '' : ` (${votes(item.votes)})`);
