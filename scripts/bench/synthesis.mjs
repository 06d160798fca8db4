// The `synthesis` figure (issue 12, part 3): how long the Laporan Hasil FGD takes for a programme
// of 10 sessions × 100 items, in each format. The programme is filled through the app's own
// commands on an in-memory database (src/lib/testing/large-programme.ts) from the labelled
// programme cards in src/lib/similarity/data/, reworded, with 20–60 participants per session who
// all vote, linked recommendations and five action rows each. Bundled from the TypeScript with
// esbuild into node_modules/.cache (so the fonts and native modules resolve), no build needed:
//
//   npm run bench -- --only synthesis
//   node scripts/bench/synthesis.mjs [--json]
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './server.mjs';
import { median } from './stats.mjs';

const DATA = join(ROOT, 'src/lib/similarity/data');
export const SYNTHESIS_FORMATS = ['xlsx', 'docx', 'pdf'];
/** A report of a whole programme should come back while the organizer waits: a few seconds. */
export const SYNTHESIS_TARGET_MS = 5000;

async function load() {
	const dir = join(ROOT, 'node_modules/.cache/rembuk-bench');
	mkdirSync(dir, { recursive: true });
	const outfile = join(dir, `synthesis-${process.pid}.mjs`);
	try {
		await build({
			stdin: {
				contents:
					"export * from './src/lib/server/synthesis/index.ts'; export { largeProgramme } from './src/lib/testing/large-programme.ts'; export { openDatabase } from './src/lib/server/db/database.ts'; export { sqliteStore } from './src/lib/server/db/store.ts';",
				resolveDir: ROOT,
				loader: 'ts'
			},
			outfile,
			bundle: true,
			packages: 'external',
			platform: 'node',
			format: 'esm',
			target: 'node20',
			logLevel: 'warning'
		});
		return await import(pathToFileURL(outfile).href);
	} finally {
		rmSync(outfile, { force: true });
	}
}

function cards() {
	return ['programme.tsv', 'programme-heldout.tsv'].flatMap((name) => {
		const [, ...lines] = readFileSync(join(DATA, name), 'utf8').trim().split('\n');
		return lines.map((line) => {
			const [, kind, , text] = line.split('\t');
			return { kind, text };
		});
	});
}

/** Builds the programme once, then times building the synthesis and rendering each format `runs` times. */
export async function measureSynthesis({ sessions = 10, perSession = 100, runs = 4 } = {}) {
	const m = await load();
	const t0 = performance.now();
	const store = m.sqliteStore(m.openDatabase(':memory:'));
	const { ids } = await m.largeProgramme(store.db, cards(), { sessions, perSession });
	const db = store.db;
	const setupMs = performance.now() - t0;
	const build = [];
	const formats = Object.fromEntries(SYNTHESIS_FORMATS.map((f) => [f, []]));
	let size = {};
	let issues = 0;
	for (let run = 0; run < runs; run++) {
		const b = performance.now();
		const s = await m.buildSynthesis(db, ids, [], { lang: 'id' });
		build.push(performance.now() - b);
		issues = s.issues.length;
		for (const format of SYNTHESIS_FORMATS) {
			const r = performance.now();
			const body = await m.renderSynthesis(s, format, 'a4');
			formats[format].push(performance.now() - r);
			size[format] = body.length;
		}
	}
	await store.close();
	// The first run warms the code up; the median of the others is the figure.
	const warm = (list) => median(list.slice(1));
	return {
		sessions,
		perSession,
		issues,
		setupMs,
		buildMs: { cold: build[0], warm: warm(build) },
		renderMs: Object.fromEntries(SYNTHESIS_FORMATS.map((f) => [f, { cold: formats[f][0], warm: warm(formats[f]) }])),
		totalWarmMs: Object.fromEntries(SYNTHESIS_FORMATS.map((f) => [f, warm(build) + warm(formats[f])])),
		bytes: size
	};
}

/** Rows for the bench table: figure, value, target, ok. */
export function synthesisRows(r, round = (x) => Math.round(x)) {
	return [
		[`synthesis: build model, ${r.sessions}×${r.perSession} items → ${r.issues} issues (warm / cold ms)`, `${round(r.buildMs.warm)} / ${round(r.buildMs.cold)}`, '', ''],
		...SYNTHESIS_FORMATS.map((f) => [
			`synthesis: ${f} render + build, warm ms (render cold ms; KB)`,
			`${round(r.totalWarmMs[f])} (${round(r.renderMs[f].cold)}; ${Math.round(r.bytes[f] / 1024)})`,
			`< ${SYNTHESIS_TARGET_MS}`,
			r.totalWarmMs[f] < SYNTHESIS_TARGET_MS ? 'ok' : 'MISS'
		])
	];
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const r = await measureSynthesis();
	if (process.argv.includes('--json')) console.log(JSON.stringify(r, null, 2));
	else for (const row of synthesisRows(r)) console.log(row.filter(Boolean).join('  '));
}
