/**
 * The phone's own address for a socket, read as adapter-node reads it for the routes: behind a
 * proxy or load balancer (ADDRESS_HEADER, XFF_DEPTH) every socket's peer would be the proxy, and
 * one phone's wrong guesses would slow down every venue the proxy serves.
 */
import type { IncomingHttpHeaders } from 'node:http';

export function socketAddress(headers: IncomingHttpHeaders, peer: string, env = process.env): string {
	const name = env.ADDRESS_HEADER?.toLowerCase();
	const value = name ? headers[name] : undefined;
	if (typeof value !== 'string' || !value) return peer;
	if (name !== 'x-forwarded-for') return value.trim();
	// The last XFF_DEPTH-th entry: the one the trusted proxy itself added, which a phone cannot forge.
	const addresses = value.split(',').map((a) => a.trim());
	const depth = Number(env.XFF_DEPTH ?? 1);
	return addresses[addresses.length - depth] ?? peer;
}
