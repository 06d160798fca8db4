/**
 * The browser's half of passkeys, for /masuk and /org/akun only. SimpleWebAuthn's browser library is
 * imported when a person presses a passkey button, never before: it stays out of every other
 * page's bundle (the participant's phone above all).
 */

/** What a passkey button can end in; `code` picks the message the page shows. */
export type PasskeyOutcome =
	| { ok: true; location?: string }
	| { ok: false; code: 'cancelled' | 'refused' | 'expired' | 'duplicate' | 'too_many' | 'invalid_name' | 'unavailable' | 'failed' }
	| { ok: false; code: 'rate_limited'; retryAfterS: number };

/** Whether this browser, on this page, can use passkeys at all (WebAuthn needs a secure context). */
export const passkeysSupported = () => typeof window !== 'undefined' && window.isSecureContext && typeof window.PublicKeyCredential === 'function';

async function post(path: string, body: unknown): Promise<{ status: number; data: Record<string, unknown> }> {
	const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
	return { status: response.status, data };
}

const KNOWN = ['expired', 'duplicate', 'too_many', 'invalid_name', 'unavailable'] as const;

/** The server's refusal as an outcome. */
function refusal(status: number, data: Record<string, unknown>): PasskeyOutcome {
	const error = (data.error ?? {}) as { code?: string; retryAfterS?: number };
	if (status === 429) return { ok: false, code: 'rate_limited', retryAfterS: error.retryAfterS ?? 60 };
	if (status === 401) return { ok: false, code: 'refused' };
	const known = KNOWN.find((code) => code === error.code);
	return { ok: false, code: known ?? (error.code === 'unverified' ? 'refused' : 'failed') };
}

/** Asks the browser for one of this host's passkeys and signs in with it. */
export async function signInWithPasskey(next: string | null): Promise<PasskeyOutcome> {
	try {
		const { startAuthentication } = await import('@simplewebauthn/browser');
		const options = await post('/masuk/passkey/opsi', {});
		if (options.status !== 200) return refusal(options.status, options.data);
		let response;
		try {
			response = await startAuthentication({ optionsJSON: options.data.options as Parameters<typeof startAuthentication>[0]['optionsJSON'] });
		} catch {
			return { ok: false, code: 'cancelled' };
		}
		const query = next ? `?next=${encodeURIComponent(next)}` : '';
		const result = await post(`/masuk/passkey${query}`, { response });
		if (result.status !== 200) return refusal(result.status, result.data);
		return { ok: true, location: String(result.data.location ?? '/org') };
	} catch {
		return { ok: false, code: 'failed' };
	}
}

/** Makes a passkey for the signed-in account on this device and stores it under `name`. */
export async function registerPasskey(name: string): Promise<PasskeyOutcome> {
	try {
		const { startRegistration } = await import('@simplewebauthn/browser');
		const options = await post('/org/akun/passkey/opsi', {});
		if (options.status !== 200) return refusal(options.status, options.data);
		let response;
		try {
			response = await startRegistration({ optionsJSON: options.data.options as Parameters<typeof startRegistration>[0]['optionsJSON'] });
		} catch (error) {
			// The authenticator already holds a passkey of this account (it was in excludeCredentials).
			if ((error as { name?: string }).name === 'InvalidStateError') return { ok: false, code: 'duplicate' };
			return { ok: false, code: 'cancelled' };
		}
		const result = await post('/org/akun/passkey', { name, response });
		if (result.status !== 201) return refusal(result.status, result.data);
		return { ok: true };
	} catch {
		return { ok: false, code: 'failed' };
	}
}
