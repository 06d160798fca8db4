import QRCode from 'qrcode';
import { handle } from '$lib/http/endpoint.server';
import { publicOrigin, sessionLinks } from '$lib/server/links';
import { findSession } from '$lib/http/lookup.server';
import type { RequestHandler } from './$types';

/** The join QR code, drawn on the server so phones and the projector download no QR library. */
export const GET: RequestHandler = (event) =>
	handle(async () => {
		const session = await findSession(event);
		const { participantUrl } = sessionLinks(publicOrigin(event.url), session.code, session.title);
		const svg = await QRCode.toString(participantUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
		return new Response(svg, { headers: { 'content-type': 'image/svg+xml', 'cache-control': 'private, max-age=3600' } });
	});
