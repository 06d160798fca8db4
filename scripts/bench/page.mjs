// The participant page's weight as a phone downloads it: every JS and CSS file that /j/{code}
// references (its HTML, its Link header, the boot script's imports), followed through their
// static and dynamic imports, each fetched from the running server with `Accept-Encoding: gzip`
// and counted in bytes on the wire.
import { request } from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';

/** Fetches `url` as a phone would ask for it; resolves with the status, headers and raw body bytes. */
function fetchRaw(url, headers = {}) {
	return new Promise((resolve, reject) => {
		const req = request(url, { headers }, (res) => {
			const chunks = [];
			res.on('data', (chunk) => chunks.push(chunk));
			res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
		});
		req.setTimeout(10_000, () => req.destroy(new Error(`timeout fetching ${url}`)));
		req.on('error', reject);
		req.end();
	});
}

/** Static imports (`import … from "x"`, `import "x"`, `export … from "x"`) and dynamic `import("x")`. */
export function importsOf(source) {
	const found = { static: [], dynamic: [] };
	for (const m of source.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?["'`]([^"'`]+)["'`]/g)) found.static.push(m[1]);
	for (const m of source.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) found.dynamic.push(m[1]);
	return found;
}

/** The URLs an HTML page makes the browser load: stylesheets, module scripts and preloads. */
export function referencesOf(html, linkHeader = '') {
	const refs = [];
	for (const m of linkHeader.matchAll(/<([^>]+)>;\s*rel="(modulepreload|preload)"/g)) refs.push(m[1]);
	for (const m of html.matchAll(/<link\b[^>]*>/g)) {
		const href = /href="([^"]+)"/.exec(m[0])?.[1];
		if (href && /rel="(stylesheet|modulepreload)"/.test(m[0])) refs.push(href);
	}
	for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) refs.push(m[1]);
	for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) refs.push(...importsOf(m[1]).dynamic);
	return refs;
}

/**
 * What SvelteKit's client loads from the app entry's table of route nodes: the nodes this page
 * names in its boot script (`node_ids`) plus the root error page (node 1), which the client
 * always loads at start, each with the JS and CSS that Vite's preload helper fetches beside it.
 */
export function nodeLoadsOf(entrySource, nodeIds) {
	const table = /m\.f=\[([^\]]*)\]/.exec(entrySource)?.[1].match(/["'`]([^"'`]+)["'`]/g)?.map((q) => q.slice(1, -1)) ?? [];
	const wanted = new Set([...nodeIds, 1]);
	const loads = [];
	for (const m of entrySource.matchAll(/import\(\s*["'`]([^"'`]*\/nodes\/(\d+)\.[^"'`]+)["'`]\s*\)(?:\s*,\s*__vite__mapDeps\(\[([\d,\s]*)\]\))?/g)) {
		if (!wanted.has(Number(m[2]))) continue;
		loads.push(m[1]);
		for (const index of (m[3] ?? '').split(',').filter(Boolean)) loads.push(table[Number(index)]);
	}
	return loads.filter(Boolean);
}

/** Fetches `url` plain and gzipped; the file's sizes and, for JS, its imports. */
async function fetchFile(url) {
	const plain = await fetchRaw(url);
	if (plain.status !== 200) throw new Error(`${url} answered ${plain.status}`);
	const zipped = await fetchRaw(url, { 'accept-encoding': 'gzip' });
	const servedGzip = zipped.headers['content-encoding'] === 'gzip';
	const gzipBytes = servedGzip ? zipped.body.length : gzipSync(plain.body, { level: 9 }).length;
	const type = url.endsWith('.css') ? 'css' : 'js';
	return { url, type, bytes: plain.body.length, gzipBytes, servedGzip, source: type === 'js' ? plain.body.toString() : '' };
}

/**
 * Weighs the page at `pageUrl` in two parts. `start`: what the phone loads to show the page —
 * the files the HTML names, their static imports, and (from the app entry's table of every route)
 * the nodes this page loads. `later`: what a dynamic `import()` elsewhere may fetch on demand (the
 * other language's text, for instance), with everything that pulls in. `--browser` checks `start`
 * against what Chromium really fetches.
 */
export async function weighPage(pageUrl) {
	const page = await fetchRaw(pageUrl, { 'accept-encoding': 'gzip' });
	if (page.status !== 200) throw new Error(`${pageUrl} answered ${page.status}`);
	const html = (page.headers['content-encoding'] === 'gzip' ? gunzipSync(page.body) : page.body).toString();
	const nodeIds = (/node_ids:\s*\[([\d,\s]+)\]/.exec(html)?.[1] ?? '').split(',').filter((n) => n.trim()).map(Number);
	if (!nodeIds.length) throw new Error(`${pageUrl}: no node_ids in the boot script; SvelteKit changed its output`);
	const files = new Map();
	const onDemand = [];
	const walk = async (queue, when) => {
		while (queue.length) {
			const url = queue.shift();
			if (files.has(url) || !/\.(js|css)$/.test(new URL(url).pathname)) continue;
			const file = { ...(await fetchFile(url)), when };
			files.set(url, file);
			if (file.type !== 'js') continue;
			const { static: statics, dynamic } = importsOf(file.source);
			const isEntry = /\/entry\/app\.[^/]+\.js$/.test(url);
			const resolve = (specs) => specs.filter((s) => s.startsWith('.') || s.startsWith('/')).map((s) => new URL(s, url).href);
			queue.push(...resolve(isEntry ? [...statics, ...nodeLoadsOf(file.source, nodeIds)] : statics));
			if (!isEntry) (when === 'start' ? onDemand : queue).push(...resolve(dynamic));
		}
	};
	await walk(referencesOf(html, page.headers.link ?? '').map((ref) => new URL(ref, pageUrl).href), 'start');
	await walk(onDemand, 'later');
	const list = [...files.values()].sort((a, b) => b.gzipBytes - a.gzipBytes);
	const sum = (type, when) => list.filter((f) => f.type === type && f.when === when).reduce((n, f) => n + f.gzipBytes, 0) / 1024;
	const board = pageImports(files, nodeIds.at(-1));
	return {
		jsGzipKB: sum('js', 'start'),
		/** What a joined phone has loaded: the start, plus what the page itself fetches with `import()` (the board). */
		joinedJsGzipKB: sum('js', 'start') + board.reduce((n, f) => n + (f.type === 'js' ? f.gzipBytes : 0), 0) / 1024,
		cssGzipKB: sum('css', 'start'),
		laterJsGzipKB: sum('js', 'later'),
		files: list.map(({ url, type, bytes, gzipBytes, servedGzip, when }) => ({ path: new URL(url).pathname, type, bytes, gzipBytes, servedGzip, when }))
	};
}

/**
 * The files the page's own code fetches with `import()` (the participant board, loaded while the
 * join form is read), with their static imports, leaving out what the start already loaded.
 */
function pageImports(files, leafId) {
	const leaf = [...files.values()].find((f) => new RegExp(`/nodes/${leafId}\\.[^/]+\\.js$`).test(f.url));
	if (!leaf) return [];
	const found = new Map();
	const queue = importsOf(leaf.source).dynamic.map((s) => new URL(s, leaf.url).href);
	while (queue.length) {
		const file = files.get(queue.shift());
		if (!file || file.when === 'start' || found.has(file.url)) continue;
		found.set(file.url, file);
		if (file.type === 'js') queue.push(...importsOf(file.source).static.map((s) => new URL(s, file.url).href));
	}
	return [...found.values()];
}

/**
 * The same page loaded by headless Chromium: which JS and CSS URLs it really requested (to check
 * the static walk above), weighed the same way. Needs playwright-core and a Chromium binary.
 */
export async function weighInBrowser(pageUrl, executablePath = '/usr/bin/chromium') {
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({
		executablePath,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	try {
		const page = await browser.newPage({ viewport: { width: 360, height: 640 }, isMobile: true });
		const urls = new Set();
		page.on('response', (response) => {
			const { pathname } = new URL(response.url());
			if (/\.(js|css)$/.test(pathname)) urls.add(response.url());
		});
		await page.goto(pageUrl, { waitUntil: 'networkidle', timeout: 30_000 });
		let js = 0;
		let css = 0;
		for (const url of urls) {
			const zipped = await fetchRaw(url, { 'accept-encoding': 'gzip' });
			if (url.endsWith('.css')) css += zipped.body.length;
			else js += zipped.body.length;
		}
		return { jsGzipKB: js / 1024, cssGzipKB: css / 1024, paths: [...urls].map((u) => new URL(u).pathname).sort() };
	} finally {
		await browser.close();
	}
}
