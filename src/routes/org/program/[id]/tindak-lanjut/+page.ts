import { loadMessages, withOrgMessages } from '$lib/i18n/index.svelte';
import type { PageLoad } from './$types';

/** The organization's text, and the follow-up words (statuses, columns, update form) the session page uses too. */
export const load: PageLoad = async (event) => {
	const { locale } = await event.parent();
	await loadMessages(locale, 'followup');
	return withOrgMessages(event);
};
