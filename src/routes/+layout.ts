import { loadMessages } from '$lib/i18n/index.svelte';
import type { LayoutLoad } from './$types';

// Every page shows the phone's text (header, errors); in English it is fetched first.
export const load: LayoutLoad = async ({ data }) => {
	await loadMessages(data.locale, 'phone');
	return data;
};
