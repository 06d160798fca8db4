/**
 * The cookies Rembuk sets from the server. `secure` follows the page's own scheme: a LAN server on
 * plain http://192.168.x.x must still be able to remember a language or a joined phone, and a
 * browser drops a Secure cookie sent over http.
 */
import type { Cookies } from '@sveltejs/kit';
import type { Locale } from '../domain/types';
import { LOCALE_COOKIE } from '../i18n/index.svelte';

const YEAR = 60 * 60 * 24 * 365;

export function rememberLocale(cookies: Cookies, url: URL, locale: Locale) {
	// Read by the page's script too (i18n.choose writes the same cookie), so not httpOnly.
	cookies.set(LOCALE_COOKIE, locale, { path: '/', maxAge: YEAR, sameSite: 'lax', httpOnly: false, secure: url.protocol === 'https:' });
}

/** A same-site path to go back to after a form post; anything else falls back to the home page. */
export function safeBack(value: FormDataEntryValue | null): string {
	const back = typeof value === 'string' ? value : '';
	return back.startsWith('/') && !back.startsWith('//') && !back.startsWith('/\\') ? back : '/';
}
