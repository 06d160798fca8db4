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

/**
 * Weighs the page at `pageUrl`. The app entry's dynamic imports are SvelteKit's table of every
 * route; only the nodes this page loads (nodeLoadsOf) are followed there. Other files' static
 * and dynamic imports are all followed.
 */
export async function weighPage(pageUrl) {
	const page = await fetchRaw(pageUrl, { 'accept-encoding': 'gzip' });
	if (page.status !== 200) throw new Error(`${pageUrl} answered ${page.status}`);
	const html = (page.headers['content-encoding'] === 'gzip' ? gunzipSync(page.body) : page.body).toString();
	const nodeIds = (/node_ids:\s*\[([\d,\s]+)\]/.exec(html)?.[1] ?? '').split(',').filter((n) => n.trim()).map(Number);
	if (!nodeIds.length) throw new Error(`${pageUrl}: no node_ids in the boot script; SvelteKit changed its output`);
	const queue = referencesOf(html, page.headers.link ?? '').map((ref) => new URL(ref, pageUrl).href);
	const files = new Map();
	while (queue.length) {
		const url = queue.shift();
		if (files.has(url) || !/\.(js|css)$/.test(new URL(url).pathname)) continue;
		const plain = await fetchRaw(url);
		if (plain.status !== 200) throw new Error(`${url} answered ${plain.status}`);
		const zipped = await fetchRaw(url, { 'accept-encoding': 'gzip' });
		const served = zipped.headers['content-encoding'] === 'gzip';
		const gzipBytes = served ? zipped.body.length : gzipSync(plain.body, { level: 9 }).length;
		files.set(url, { url, type: url.endsWith('.css') ? 'css' : 'js', bytes: plain.body.length, gzipBytes, servedGzip: served });
		if (url.endsWith('.js')) {
			const source = plain.body.toString();
			const { static: statics, dynamic } = importsOf(source);
			const isEntry = /\/entry\/app\.[^/]+\.js$/.test(url);
			const next = isEntry ? [...statics, ...nodeLoadsOf(source, nodeIds)] : [...statics, ...dynamic];
			for (const spec of next) if (spec.startsWith('.') || spec.startsWith('/')) queue.push(new URL(spec, url).href);
		}
	}
	const list = [...files.values()].sort((a, b) => b.gzipBytes - a.gzipBytes);
	const sum = (type, key) => list.filter((f) => f.type === type).reduce((n, f) => n + f[key], 0);
	return {
		jsGzipKB: sum('js', 'gzipBytes') / 1024,
		cssGzipKB: sum('css', 'gzipBytes') / 1024,
		jsKB: sum('js', 'bytes') / 1024,
		files: list.map(({ url, type, bytes, gzipBytes, servedGzip }) => ({ path: new URL(url).pathname, type, bytes, gzipBytes, servedGzip }))
	};
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
