import { redirect } from '@sveltejs/kit';
import { rememberLocale, safeBack } from '$lib/http/cookies.server';
import { parseLocale } from '$lib/i18n/index.svelte';
import type { RequestHandler } from './$types';

/**
 * The language switch as a plain form post: a tap before the page's script has arrived still
 * switches (remembered in the cookie, then back to the same page). With the script, the switch
 * never reaches here (LanguageSwitch changes the text in place).
 */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await request.formData();
	rememberLocale(cookies, url, parseLocale(String(form.get('locale'))));
	redirect(303, safeBack(form.get('back')));
};
