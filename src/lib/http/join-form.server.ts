/**
 * The participant's join form as a SvelteKit form action, so it works before the page's script
 * has arrived and without it. The join itself is the HTTP API's (`POST /api/sessions/{code}/participants`),
 * called in-process, so its rules (limits, a closed session, the groups) live in one place.
 * The joined phone is remembered in an httpOnly cookie; the page hands it to the script, which
 * keeps it in localStorage as a phone that joined with the script does.
 */
import { randomBytes } from 'node:crypto';
import { fail, type Cookies } from '@sveltejs/kit';
import type { ParticipantView } from '../domain/types';

export interface JoinedPhone {
	token: string;
	participantId: string;
	name: string;
}

/** What the form sends back when the join is refused: the refusal's code and what was typed. */
export interface JoinRefusal {
	error: string;
	values: Record<string, string>;
}

const FIELDS = ['name', 'group', 'institution', 'position', 'sex'] as const;
const cookieName = (code: string) => `rembuk_phone_${code}`;

/** 192 random bits, base64url: the same kind of token a phone makes itself (client/identity.ts). */
export const newToken = () => randomBytes(24).toString('base64url');

export function joinedPhone(cookies: Cookies, code: string): JoinedPhone | null {
	try {
		const value = JSON.parse(cookies.get(cookieName(code)) ?? 'null');
		return typeof value?.token === 'string' && typeof value?.participantId === 'string' ? value : null;
	} catch {
		return null;
	}
}

export function forgetPhone(cookies: Cookies, url: URL, code: string) {
	cookies.delete(cookieName(code), { path: '/', secure: url.protocol === 'https:' });
}

interface JoinEvent {
	request: Request;
	cookies: Cookies;
	url: URL;
	params: { code: string };
	fetch: typeof fetch;
}

export async function joinByForm({ request, cookies, url, params, fetch }: JoinEvent) {
	const form = await request.formData();
	const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? '')]));
	const token = String(form.get('token') ?? '');
	if (form.get('consent') !== 'on') return fail(400, { error: 'consent_required', values } satisfies JoinRefusal);
	const response = await fetch(`/api/sessions/${params.code}/participants`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ ...values, token, consent: true })
	});
	const body = await response.json().catch(() => null);
	if (!response.ok) return fail(response.status, { error: String(body?.error?.code ?? 'internal'), values } satisfies JoinRefusal);
	const participant = body.participant as ParticipantView;
	const joined: JoinedPhone = { token, participantId: participant.id, name: participant.name };
	cookies.set(cookieName(params.code.toUpperCase()), JSON.stringify(joined), {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 60 * 60 * 24 * 30
	});
	return { joined };
}
