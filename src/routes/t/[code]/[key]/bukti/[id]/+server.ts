import { downloadByLink } from '$lib/http/followup-pic.server';
import type { RequestHandler } from './$types';

/** An evidence file of the PIC link's own rows, while the link is live. */
export const GET: RequestHandler = (event) => downloadByLink(event);
