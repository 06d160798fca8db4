/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The phone page offline. The app's own files are kept at install (they are named by their hash,
 * so a copy never goes stale); the participant page is fetched from the network first and its
 * last copy kept, so a reload without a network shows the page, which then shows the board as
 * last seen and the posts waiting in the outbox (both in localStorage) and sends them when the
 * network returns. Nothing else is cached: the API and the socket always go to the server.
 * Browsers run a service worker only on HTTPS or localhost (see the README).
 */
import { build, files, version } from '$service-worker';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `rembuk-${version}`;
const APP_FILES = new Set([...build, ...files]);

worker.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll([...APP_FILES]))
			.then(() => worker.skipWaiting())
	);
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
			// The open phone pages are kept before the worker claims them: a page that sees a
			// controller may go offline the next moment and must find its copy.
			.then(keepOpenPhonePages)
			.then(() => worker.clients.claim())
	);
});

/**
 * A phone page opened before this worker took over was never kept: keep it now, or a participant
 * who joined, lost the network and reloaded would meet the browser's own offline page.
 */
async function keepOpenPhonePages() {
	const open = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
	const pages = open.map((client) => new URL(client.url)).filter(isPhonePage);
	await Promise.all(pages.map((url) => networkFirst(new Request(url.origin + url.pathname)).catch(() => undefined)));
}

/** The participant page (`/j/CODE`) and its data; never a form post, staff page or API call. */
const isPhonePage = (url: URL) => /^\/j\/[A-Za-z0-9]{6}(\/__data\.json)?$/.test(url.pathname) && !url.search.includes('/');

async function networkFirst(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	try {
		const response = await fetch(request);
		if (response.ok) await cache.put(request, response.clone());
		return response;
	} catch (offline) {
		const kept = await cache.match(request, { ignoreSearch: true });
		if (kept) return kept;
		throw offline;
	}
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== location.origin) return;
	if (APP_FILES.has(url.pathname)) {
		event.respondWith(caches.match(url.pathname).then((kept) => kept ?? fetch(request)));
		return;
	}
	if (isPhonePage(url)) event.respondWith(networkFirst(request));
});
