// The `similarity` figure: how long the similarity module's hot paths take on the cards of a big
// session (500 by default), in this Node process. The module is TypeScript shipped to phones and
// the console, so it is bundled here with esbuild from the sources, with the same reworded sample
// cards the unit spec checks (src/lib/testing/cards.ts).
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './server.mjs';
import { median } from './stats.mjs';

/** The module and the card generator, bundled into one temporary ES module and imported. */
async function load() {
	const dir = mkdtempSync(join(tmpdir(), 'rembuk-similarity-'));
	try {
		const outfile = join(dir, 'similarity.mjs');
		await build({
			stdin: {
				contents: "export * as similarity from './src/lib/similarity/index.ts'; export { DRAFT, manyCards } from './src/lib/testing/cards.ts';",
				resolveDir: ROOT,
				loader: 'ts'
			},
			outfile,
			bundle: true,
			platform: 'node',
			format: 'esm',
			target: 'node20',
			logLevel: 'warning'
		});
		return await import(pathToFileURL(outfile).href);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Runs `run` `runs` times: the first run is cold (the JIT still compiling), the rest warm. */
function time(run, runs) {
	const times = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		run();
		times.push(performance.now() - start);
	}
	return { firstMs: times[0], medianMs: median(times.slice(1)) };
}

/** Times createIndex, similarTo (one draft), duplicatePairs and suggestGroups on `cards` cards. */
export async function measureSimilarity({ cards = 500, runs = 6 } = {}) {
	const { similarity, DRAFT, manyCards } = await load();
	const items = manyCards(cards);
	let index;
	const createIndex = time(() => (index = similarity.createIndex(items)), runs);
	return {
		cards,
		createIndex,
		similarTo: time(() => similarity.similarTo(index, DRAFT), runs),
		duplicatePairs: time(() => similarity.duplicatePairs(index), runs),
		suggestGroups: time(() => similarity.suggestGroups(index), runs)
	};
}

export const SIMILARITY_PATHS = ['createIndex', 'similarTo', 'duplicatePairs', 'suggestGroups'];
