/**
 * The last day of an action-plan row's free-text timeframe (*Waktu*), as offices write it: the
 * deadline a follow-up is overdue after.
 */

const MONTHS: [RegExp, number][] = [
	[/^(jan|januari|january)$/, 1],
	[/^(feb|pebruari|februari|february)$/, 2],
	[/^(mar|maret|march)$/, 3],
	[/^(apr|april)$/, 4],
	[/^(mei|may)$/, 5],
	[/^(jun|juni|june)$/, 6],
	[/^(jul|juli|july)$/, 7],
	[/^(agu|agt|ags|agus|agustus|aug|august)$/, 8],
	[/^(sep|sept|september)$/, 9],
	[/^(okt|oct|oktober|october)$/, 10],
	[/^(nov|nop|november|nopember)$/, 11],
	[/^(des|dec|desember|december)$/, 12]
];
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const endOfMonth = (year: number, month: number) => `${year}-${pad(month)}-${pad(lastDay(year, month))}`;

/**
 * The last day a free-text timeframe allows, as offices write it: "2026", "Triwulan I–II 2026",
 * "TW 3 2026", "Q4 2026", "Semester II 2026", "Maret–Agustus 2026", "30 Juni 2026", "2026-06-30",
 * "30/06/2026", "Januari 2026 – Maret 2027". Null when it names no year ("Belum ditentukan").
 * A range ends at its last part.
 */
export function deadlineOf(timeframe: string): string | null {
	const text = timeframe.toLowerCase().replace(/[\u2012-\u2015]/g, '-');
	const iso = [...text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)].at(-1);
	const dmy = [...text.matchAll(/\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/g)].at(-1);
	const dated = [
		iso && { end: iso.index! + iso[0].length, y: +iso[1], m: +iso[2], d: +iso[3] },
		dmy && { end: dmy.index! + dmy[0].length, y: +dmy[3], m: +dmy[2], d: +dmy[1] }
	]
		.filter((x): x is { end: number; y: number; m: number; d: number } => !!x)
		.sort((a, b) => b.end - a.end)[0];
	const years = [...text.matchAll(/\b(19\d{2}|20\d{2})\b/g)];
	const lastYear = years.at(-1);
	if (dated && (!lastYear || dated.end >= lastYear.index! + 4)) return validDate(dated.y, dated.m, dated.d);
	if (!lastYear) return null;
	const year = Number(lastYear[1]);
	// What qualifies the year is written before it, after the year before it (if any).
	const previous = years.at(-2);
	const segment = text.slice(previous ? previous.index! + 4 : 0, lastYear.index);
	const quarter = [...segment.matchAll(/(?:triwulan|tw|kuartal|quarter|q)\s*\.?\s*(iv|iii|ii|i|[1-4])\b(?:\s*(?:-|s\.?\s*d\.?|sampai|hingga|to)\s*(?:triwulan|tw|kuartal|quarter|q)?\s*\.?\s*(iv|iii|ii|i|[1-4])\b)?/g)].at(-1);
	const semester = [...segment.matchAll(/(?:semester|smt|sem)\s*\.?\s*(ii|i|[12])\b(?:\s*(?:-|s\.?\s*d\.?|sampai|hingga|to)\s*(?:semester|smt|sem)?\s*\.?\s*(ii|i|[12])\b)?/g)].at(-1);
	const words = [...segment.matchAll(/[a-z]+/g)];
	let month: { index: number; month: number } | undefined;
	for (const word of words) {
		const found = MONTHS.find(([pattern]) => pattern.test(word[0]));
		if (found) month = { index: word.index!, month: found[1] };
	}
	const candidates: { index: number; date: string }[] = [];
	if (quarter) candidates.push({ index: quarter.index!, date: endOfMonth(year, ROMAN[quarter[2] ?? quarter[1]] * 3) });
	if (semester) candidates.push({ index: semester.index!, date: endOfMonth(year, ROMAN[semester[2] ?? semester[1]] * 6) });
	if (month) {
		const day = /(\d{1,2})\s*$/.exec(segment.slice(0, month.index));
		const d = day ? Number(day[1]) : 0;
		candidates.push({ index: month.index, date: d >= 1 && d <= lastDay(year, month.month) ? `${year}-${pad(month.month)}-${pad(d)}` : endOfMonth(year, month.month) });
	}
	const last = candidates.sort((a, b) => b.index - a.index)[0];
	return last?.date ?? `${year}-12-31`;
}

function validDate(y: number, m: number, d: number): string | null {
	if (m < 1 || m > 12 || d < 1 || d > lastDay(y, m)) return null;
	return `${y}-${pad(m)}-${pad(d)}`;
}
