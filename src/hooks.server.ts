import type { Handle } from '@sveltejs/kit';
import { gzipPage } from '$lib/http/compress.server';
import { LOCALE_COOKIE, parseLocale } from '$lib/i18n/index.svelte';

/** Security headers for every response; the CSP itself comes from svelte.config.js. */
export const handle: Handle = async ({ event, resolve }) => {
	const locale = parseLocale(event.cookies.get(LOCALE_COOKIE));
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('<html lang="id">', `<html lang="${locale}">`)
	});
	// same-origin, not no-referrer: a page's address (with its join code) still never reaches another
	// site, but a plain form post keeps its Origin, which SvelteKit's CSRF check needs (with
	// no-referrer Chromium sends `Origin: null` and the join form without its script is refused).
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('x-frame-options', 'DENY');
	response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	return gzipPage(event.request, response);
};
