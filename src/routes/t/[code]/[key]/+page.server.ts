import { loadPicPage, updateByForm } from '$lib/http/followup-pic.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPicPage(event);

export const actions = {
	update: (event) => updateByForm(event)
} satisfies Actions;
