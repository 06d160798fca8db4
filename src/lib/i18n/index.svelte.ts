/**
 * UI text, Indonesian first. The text is split by who reads it: the participant's phone (the join
 * screen's small table, Indonesian bundled with every page), the board once joined (fetched with
 * the board; the projector and staff pages load it too) and the staff screens (loaded by their
 * routes), and each
 * language other than the default is fetched only when someone uses it, so a phone on 3G downloads
 * only what it shows. Lookup and `{{name}}` interpolation are rosetta's (a few hundred bytes).
 * The chosen language is remembered in a cookie (so the server renders the same language) and is
 * reactive through `i18n.locale`.
 */
import rosetta from 'rosetta';
import type { Locale } from '../domain/types';
import { phone } from './id/phone';

export const LOCALES: Locale[] = ['id', 'en'];
export const LOCALE_COOKIE = 'rembuk_lang';

/** Whose screens the text is for: every page has the phone's; the board and staff screens load theirs; the follow-up pages (staff and PIC) load 'followup'; the organization's pages 'org'. */
export type MessageArea = 'phone' | 'board' | 'staff' | 'followup' | 'org';

type Table = Record<string, unknown>;
const loaders: Record<`${Locale}.${MessageArea}`, () => Promise<Table>> = {
	'id.phone': async () => phone,
	'en.phone': async () => (await import('./en/phone')).phone,
	'id.board': async () => (await import('./id/board')).board,
	'en.board': async () => (await import('./en/board')).board,
	'id.staff': async () => (await import('./id/staff')).staff,
	'en.staff': async () => (await import('./en/staff')).staff,
	// Under its own key (`followup.page.title`): a table is merged into the language's at its top level.
	'id.followup': async () => ({ followup: (await import('./id/followup')).followup }),
	'en.followup': async () => ({ followup: (await import('./en/followup')).followup }),
	'id.org': async () => (await import('./id/org')).org,
	'en.org': async () => (await import('./en/org')).org
};

const tables = rosetta<Table>({ id: { ...phone } });
const loaded = new Set<string>(['id.phone']);
const areasInUse = new Set<MessageArea>(['phone']);
let current = $state<Locale>('id');

/** Makes sure `area`'s text in `locale` is there; routes await it in `load`, before rendering. */
export async function loadMessages(locale: Locale, area: MessageArea): Promise<void> {
	areasInUse.add(area);
	const key = `${locale}.${area}` as const;
	if (loaded.has(key)) return;
	tables.set(locale, await loaders[key]());
	loaded.add(key);
}

export const i18n = {
	get locale(): Locale {
		return current;
	},
	/** Sets the language for this render (server) or the first one (browser); its text must be loaded. */
	use(locale: Locale) {
		current = locale;
	},
	/** Switches language for good: fetches its text for the areas on screen, then remembers it. */
	async choose(locale: Locale) {
		await Promise.all([...areasInUse].map((area) => loadMessages(locale, area)));
		current = locale;
		document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
		document.documentElement.lang = locale;
	}
};

export function parseLocale(value: string | null | undefined): Locale {
	return value === 'en' ? 'en' : 'id';
}

/**
 * Translates a key such as `board.send` in the current language, falling back to Indonesian,
 * then to `defaultValue`, then to the key itself (so a missing text shows up, never a blank).
 */
export function t(key: string, options?: Record<string, unknown> & { defaultValue?: string }): string {
	return tables.t(key, options, current) || tables.t(key, options, 'id') || options?.defaultValue || key;
}

/** A staff page's universal `load`: its server data, once the staff screens' (and the board's) text is loaded. */
export async function withStaffMessages<T>(event: { data: T; parent: () => Promise<{ locale: Locale }> }): Promise<T> {
	const { locale } = await event.parent();
	await Promise.all([loadMessages(locale, 'staff'), loadMessages(locale, 'board')]);
	return event.data;
}

/** A follow-up page's universal `load` (the staff's and the PIC's): its server data, once the follow-up text is loaded. */
export async function withFollowupMessages<T>(event: { data: T; parent: () => Promise<{ locale: Locale }> }, staff = false): Promise<T> {
	const { locale } = await event.parent();
	await Promise.all([loadMessages(locale, 'followup'), staff ? loadMessages(locale, 'staff') : undefined]);
	return event.data;
}

/** An organization page's universal `load`: its server data, once the organization pages' text is loaded. */
export async function withOrgMessages<T>(event: { data: T; parent: () => Promise<{ locale: Locale }> }): Promise<T> {
	const { locale } = await event.parent();
	// The staff text too: the pages share its components (copy fields, language switch).
	await Promise.all([loadMessages(locale, 'org'), loadMessages(locale, 'staff')]);
	return event.data;
}
