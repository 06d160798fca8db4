// Reads a V8 .cpuprofile (node --cpu-prof) and lists where the time went: self time per
// function, and per package or app file, so a bench run can say what the server spent its CPU on.
import { readFileSync } from 'node:fs';

const short = (url) =>
	url
		.replace(/^file:\/\//, '')
		.replace(/^.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, '$1')
		.replace(/^.*\/build\//, 'build/');

/** `{ totalMs, functions: [{ name, where, ms, share }], places: [{ where, ms, share }] }`, biggest first. */
export function summarizeProfile(path, top = 15) {
	const profile = JSON.parse(readFileSync(path, 'utf8'));
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const self = new Map();
	for (let i = 0; i < profile.samples.length; i++) {
		const id = profile.samples[i];
		self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
	}
	const functions = new Map();
	const places = new Map();
	let totalMs = 0;
	for (const [id, ms] of self) {
		const { functionName, url, lineNumber } = byId.get(id).callFrame;
		totalMs += ms;
		const where = url ? `${short(url)}:${lineNumber + 1}` : '(native)';
		const key = `${functionName || '(anonymous)'} ${where}`;
		functions.set(key, (functions.get(key) ?? 0) + ms);
		const place = url ? short(url) : functionName || '(native)';
		places.set(place, (places.get(place) ?? 0) + ms);
	}
	const ranked = (map) =>
		[...map]
			.sort((a, b) => b[1] - a[1])
			.slice(0, top)
			.map(([key, ms]) => ({ key, ms: Number(ms.toFixed(1)), share: Number(((100 * ms) / totalMs).toFixed(1)) }));
	return { totalMs: Number(totalMs.toFixed(1)), functions: ranked(functions), places: ranked(places) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const summary = summarizeProfile(process.argv[2], Number(process.argv[3] ?? 25));
	console.log(`total ${summary.totalMs} ms sampled\n\nby file or package:`);
	for (const p of summary.places) console.log(`${String(p.share).padStart(5)}%  ${p.ms} ms  ${p.key}`);
	console.log('\nby function (self time):');
	for (const f of summary.functions) console.log(`${String(f.share).padStart(5)}%  ${f.ms} ms  ${f.key}`);
}
