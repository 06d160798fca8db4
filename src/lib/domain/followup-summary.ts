/** The short progress summary of tracked rows to paste into a WhatsApp group; the words come from the i18n tables. */
import { countRows, todayIn, type FollowupStatus, type TrackedRow } from './followup';
import { formatDateOnly } from './format';
import type { Locale } from './types';

/** The words of the WhatsApp summary, from the 'followup' i18n area (`summary`). */
export interface SummaryWords {
	heading: string;
	counts: string;
	overdueTitle: string;
	overdueLine: string;
	recentTitle: string;
	recentLine: string;
	none: string;
	more: string;
}

const fill = (template: string, values: Record<string, string | number>) =>
	template.replace(/{{(\w+)}}/g, (_, name: string) => String(values[name] ?? ''));

/**
 * A short progress summary to paste in a WhatsApp group: the counts, the overdue rows, the latest
 * updates (at most `limit` of each; WhatsApp's *bold*).
 */
export function whatsappSummary(
	rows: readonly TrackedRow[],
	messages: { summary: SummaryWords; statuses: Record<FollowupStatus, string> },
	options: { title: string; locale: Locale; today: string; limit?: number }
): string {
	const { summary: words, statuses } = messages;
	const limit = options.limit ?? 5;
	const counts = countRows(rows);
	const lines = [fill(words.heading, { title: options.title, date: formatDateOnly(options.today, options.locale) })];
	lines.push(
		fill(words.counts, {
			total: counts.total,
			rencana: counts.byStatus.rencana,
			berjalan: counts.byStatus.berjalan,
			selesai: counts.byStatus.selesai,
			tertunda: counts.byStatus.tertunda,
			overdue: counts.overdue
		})
	);
	const line = (r: TrackedRow, template: string) =>
		'• ' +
		fill(template, {
			activity: r.row.activity || '–',
			institution: r.row.pic.institution || '–',
			status: statuses[r.status],
			deadline: r.deadline ? formatDateOnly(r.deadline, options.locale) : '–',
			date: r.updates[0] ? formatDateOnly(todayIn(r.session.timeZone, new Date(r.updates[0].at)), options.locale) : '–',
			note: r.updates[0]?.note ? `: ${r.updates[0].note}` : ''
		});
	const overdue = rows.filter((r) => r.overdue);
	if (overdue.length) {
		lines.push('', words.overdueTitle, ...overdue.slice(0, limit).map((r) => line(r, words.overdueLine)));
		if (overdue.length > limit) lines.push(fill(words.more, { n: overdue.length - limit }));
	}
	const recent = rows.filter((r) => r.updates.length).sort((a, b) => (a.updates[0].at < b.updates[0].at ? 1 : -1));
	lines.push('', words.recentTitle);
	if (recent.length === 0) lines.push(words.none);
	else {
		lines.push(...recent.slice(0, limit).map((r) => line(r, words.recentLine)));
		if (recent.length > limit) lines.push(fill(words.more, { n: recent.length - limit }));
	}
	return lines.join('\n');
}
