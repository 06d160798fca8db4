import { loadSessionPage } from '$lib/http/session-page.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadSessionPage(event);
