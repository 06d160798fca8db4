import { loadSessionPage } from '$lib/http/session-page.server';
import type { PageServerLoad } from './$types';

/** The public view only: the rows come from the API with the facilitator's key, which stays in the browser. */
export const load: PageServerLoad = (event) => loadSessionPage(event, { formerCodes: true });
