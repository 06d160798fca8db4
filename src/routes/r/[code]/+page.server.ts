import { loadSessionPage } from '$lib/http/session-page.server';
import type { PageServerLoad } from './$types';

/** Opens at a replaced code too: the key in the fragment opens the session, and the page moves on. */
export const load: PageServerLoad = (event) => loadSessionPage(event, { formerCodes: true });
