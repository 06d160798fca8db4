/**
 * UI text through i18next, Indonesian first. The chosen language is remembered in a cookie
 * (so the server renders the same language) and is reactive through `locale`.
 */
import i18next from 'i18next';
import type { Locale } from '../domain/types';
import { en } from './en';
import { id } from './id';

export const LOCALES: Locale[] = ['id', 'en'];
export const LOCALE_COOKIE = 'rembuk_lang';

i18next.init({
	lng: 'id',
	fallbackLng: 'id',
	resources: { id: { translation: id }, en: { translation: en } },
	initAsync: false,
	// Svelte escapes text itself; i18next must not escape it a second time.
	interpolation: { escapeValue: false }
} as Parameters<typeof i18next.init>[0]);

let current = $state<Locale>('id');

export const i18n = {
	get locale(): Locale {
		return current;
	},
	/** Sets the language for this render (server) or for good (browser, remembered). */
	use(locale: Locale) {
		current = locale;
	},
	choose(locale: Locale) {
		current = locale;
		document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
		document.documentElement.lang = locale;
	}
};

export function parseLocale(value: string | null | undefined): Locale {
	return value === 'en' ? 'en' : 'id';
}

/** Translates a key such as `board.send` in the current language. */
export function t(key: string, options?: Record<string, unknown>): string {
	return i18next.getFixedT(current)(key, options) as string;
}
