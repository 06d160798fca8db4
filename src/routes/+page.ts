import { withStaffMessages } from '$lib/i18n/index.svelte';
import type { PageLoad } from './$types';

// The home page creates sessions, so it carries the staff screens' text.
export const load: PageLoad = async (event) => {
	await withStaffMessages(event);
	return {};
};
