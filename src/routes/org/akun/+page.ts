import { withOrgMessages } from '$lib/i18n/index.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = (event) => withOrgMessages(event);
