// The `similarity` figure: how long the similarity module's hot paths take on the cards of a big
// session (500 by default), in this Node process. The module is TypeScript shipped to phones and
// the console, so it is bundled here with esbuild from the sources, with the same reworded sample
// cards the unit spec checks (src/lib/testing/cards.ts).
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
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

/**
 * Gzipped size of the module as browsers get it (minified): what a phone fetches on its first typed
 * draft and the console loads (`$lib/similarity`), and, apart, what only the server's
 * cross-session clustering adds (clusters.ts with the topics).
 */
export async function moduleSizes() {
	const size = async (contents) => {
		const out = await build({ stdin: { contents, resolveDir: ROOT, loader: 'ts' }, bundle: true, minify: true, write: false, format: 'esm', target: 'es2020', logLevel: 'warning' });
		return gzipSync(out.outputFiles[0].contents).length;
	};
	const phone = await size("export * from './src/lib/similarity/index.ts';");
	const server = await size("export * from './src/lib/similarity/index.ts'; export * from './src/lib/similarity/clusters.ts';");
	return { phoneGzBytes: phone, clusteringExtraGzBytes: server - phone };
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
		suggestGroups: time(() => similarity.suggestGroups(index), runs),
		...(await moduleSizes())
	};
}

export const SIMILARITY_PATHS = ['createIndex', 'similarTo', 'duplicatePairs', 'suggestGroups'];
