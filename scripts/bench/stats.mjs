// Small numeric helpers for the bench report, and a process's CPU time from /proc.
import { readFileSync } from 'node:fs';

/** Percentiles (nearest rank) of a list of numbers; `null` fields when the list is empty. */
export function summarize(values) {
	const sorted = Float64Array.from(values).sort();
	const at = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null);
	return { count: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted.length ? sorted[sorted.length - 1] : null };
}

export const median = (values) => summarize(values).p50;

/** Rounds for display and for the JSON line: ms to 0.1, everything else to 2 significant decimals. */
export const round = (value, digits = 1) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));

/** Runs `work(item)` over `items` with at most `limit` in flight; resolves with the results in order. */
export async function pool(items, limit, work) {
	const results = new Array(items.length);
	let next = 0;
	const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await work(items[index], index);
		}
	});
	await Promise.all(lanes);
	return results;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A plain-text table: the first row is the header. */
export function table(rows) {
	const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c] ?? '').length)));
	const line = (r) => r.map((cell, c) => String(cell ?? '').padEnd(widths[c])).join('  ').trimEnd();
	return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** User plus system CPU ms a process has used so far, from /proc (USER_HZ 100); 0 once it is gone. */
export function cpuMsOfPid(pid) {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime
	} catch {
		return 0;
	}
}
