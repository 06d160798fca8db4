import { loadMessages, parseLocale } from '$lib/i18n/index.svelte';
import type { PageLoad } from './$types';

/**
 * The projector speaks the language of the session's minutes (the room's language), or the one
 * `?lang=` asks for; `?pace=` sets the seconds each page of the wall stays up.
 */
export const load: PageLoad = async ({ data, url }) => {
	const asked = url.searchParams.get('lang');
	const locale = asked ? parseLocale(asked) : data.session.minutesLanguage;
	await Promise.all([loadMessages(locale, 'phone'), loadMessages(locale, 'board'), loadMessages(locale, 'staff')]);
	const pace = Number(url.searchParams.get('pace'));
	return { ...data, locale, pace: Number.isFinite(pace) && pace >= 2 ? Math.min(pace, 120) : undefined };
};
