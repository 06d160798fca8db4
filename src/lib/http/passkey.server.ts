/**
 * The passkey endpoints' shared door: same-origin JSON only (a WebAuthn answer is bound to this
 * origin anyway; this also keeps other sites from spending challenges), the relying party of the
 * request's own URL, and one error shape. The ceremonies themselves are in
 * ../server/accounts/passkeys.ts.
 */
import { json, type RequestEvent } from '@sveltejs/kit';
import { PasskeyError, relyingParty, type RelyingParty } from '../server/accounts/passkeys';
import { handle, HttpProblem } from './endpoint.server';

const STATUS: Record<PasskeyError['code'], number> = {
	unavailable: 400,
	invalid_name: 400,
	too_many: 409,
	expired: 409,
	unverified: 400,
	duplicate: 409,
	not_found: 404
};

/** Runs a passkey endpoint: refuses other origins and hosts where passkeys cannot work; PasskeyError becomes `{ error: { code } }`. */
export function passkeyEndpoint(event: RequestEvent, run: (rp: RelyingParty) => Promise<Response>): Promise<Response> {
	return handle(async () => {
		if (event.request.headers.get('origin') !== event.url.origin) throw new HttpProblem(403, 'forbidden', 'Cross-origin request');
		const rp = relyingParty(event.url);
		if (!rp) return json({ error: { code: 'unavailable', message: 'Passkeys need HTTPS (or localhost)' } }, { status: 400 });
		try {
			return await run(rp);
		} catch (error) {
			if (!(error instanceof PasskeyError)) throw error;
			return json({ error: { code: error.code, message: error.message } }, { status: STATUS[error.code] });
		}
	});
}

export const noStore = { 'cache-control': 'no-store' };
