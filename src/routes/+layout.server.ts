import { LOCALE_COOKIE, parseLocale } from '$lib/i18n/index.svelte';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ cookies }) => ({ locale: parseLocale(cookies.get(LOCALE_COOKIE)) });
