import { withFollowupMessages } from '$lib/i18n/index.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = (event) => withFollowupMessages(event);
