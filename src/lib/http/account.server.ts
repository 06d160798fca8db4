/**
 * The organization pages' side of sign-in: the cookie (HttpOnly, SameSite=Lax, Secure over HTTPS),
 * who it signs in, and the membership a page needs. The checks themselves live in
 * ../server/accounts/access.ts; this only reads the request.
 */
import { redirect, type Cookies } from '@sveltejs/kit';
import { getContext } from '../server/context';
import { membership, type Member } from '../server/accounts/access';
import { ABSOLUTE_TTL_MS, AUTH_COOKIE, resolve, type SignedIn } from '../server/accounts/auth';
import { clientAddress } from './endpoint.server';

type Event = { cookies: Cookies; url: URL; getClientAddress: () => string };

export function setAuthCookie(event: Event, token: string): void {
	event.cookies.set(AUTH_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		maxAge: Math.floor(ABSOLUTE_TTL_MS / 1000)
	});
}

export function clearAuthCookie(event: Event): void {
	event.cookies.delete(AUTH_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: event.url.protocol === 'https:' });
}

export function signedIn(event: Event): Promise<SignedIn | null> {
	return resolve(getContext().store.db, event.cookies.get(AUTH_COOKIE));
}

/** The signed-in member, or a redirect to /masuk (which comes back here after signing in). */
export async function requireMember(event: Event): Promise<SignedIn & { member: Member }> {
	const who = await signedIn(event);
	const member = who && (await membership(getContext().store.db, who.account.id));
	if (!who || !member) redirect(303, `/masuk?next=${encodeURIComponent(event.url.pathname)}`);
	return { ...who, member };
}

/**
 * The member the cookie signs in now, or null; not counted as activity, so a report left open
 * does not keep a sign-in alive past its idle limit.
 */
export async function memberNow(event: Event): Promise<Member | null> {
	const who = await resolve(getContext().store.db, event.cookies.get(AUTH_COOKIE), Date.now(), false);
	return (who && (await membership(getContext().store.db, who.account.id))) ?? null;
}

export const addressOf = (event: Event) => clientAddress(event);

/** After a change that may take rights away: closes this account's consoles that lost them. */
export const recheckConsoles = (accountId: string) => getContext().recheckAccount(accountId);
export const userAgentOf = (request: Request) => request.headers.get('user-agent') ?? '';

/** Only a local path may follow sign-in: never another site. */
export function safeNext(next: string | null): string {
	return next && /^\/[a-z]/i.test(next) && !next.startsWith('//') ? next : '/org';
}
