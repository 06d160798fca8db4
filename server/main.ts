/**
 * Production entry: adapter-node's handler and socket.io on one HTTP server, one port.
 * Bundled to build/server.js by scripts/build-server.mjs (Node 20 does not run TypeScript).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeContext, getContext } from '../src/lib/server/context';
import { serverMonths } from '../src/lib/server/privacy';
import { startRetentionTimer } from '../src/lib/server/privacy/timer';
import { attachRealtime } from '../src/lib/server/realtime/attach';
import { bootstrapLinkIfEmpty, LINK_PATH } from '../src/lib/server/accounts/accounts';
import { linkOrigin } from '../src/lib/server/accounts/cli';
import { bodyLimit, LARGEST_BODY, PHOTO_BODY } from '../src/lib/server/body-limits';
import { nodeName, redisUrl } from '../src/lib/server/cluster/redis';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';

// adapter-node assumes https unless told otherwise; a laptop on venue Wi-Fi serves plain http.
// Without ORIGIN or a proxy's PROTOCOL_HEADER, take the protocol from the socket itself.
const ownProtocolHeader = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (ownProtocolHeader) process.env.PROTOCOL_HEADER = 'x-rembuk-protocol';
// adapter-node refuses bodies over 512 KB unless told otherwise; a photo for the dokumentasi may
// be 8 MB (src/lib/http/photo-upload.server.ts), a follow-up update carry three 10 MB evidence
// files (src/lib/http/evidence.server.ts). Every other route keeps 512 KB (bodyLimit, below) and
// the JSON endpoints their own, far smaller limits (src/lib/http/endpoint.server.ts).
process.env.BODY_SIZE_LIMIT ??= String(LARGEST_BODY);
// @ts-expect-error: produced by adapter-node next to this file at build time.
const { handler } = await import('./handler.js');

serverMonths(); // a bad RETENTION_MONTHS stops the start, rather than keeping data for a period nobody chose
const { store } = getContext(); // open and migrate the database before taking traffic
// First start, no account yet: a one-time link to create the first organization and admin (never a default password).
const bootstrapToken = await bootstrapLinkIfEmpty(store.db);
// Anonymises sessions past their retention period: shortly after start, then daily.
startRetentionTimer(getContext());

const httpServer = createServer((req: IncomingMessage, res: ServerResponse) => {
	const length = Number(req.headers['content-length'] ?? 0);
	const limit = bodyLimit(req.url);
	if (length > limit.max) {
		const refuse = () => {
			if (limit.backTo) res.writeHead(303, { location: limit.backTo, connection: 'close' }).end();
			else {
				res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
				res.end(JSON.stringify({ error: { code: 'invalid_input', message: 'Body too large' } }));
			}
		};
		// Read what was sent and throw it away before answering, so the sender hears the answer
		// (a phone's plain form: its page again, with the error) instead of a reset. A claimed size
		// far past anything taken is answered at once.
		if (length > (limit.backTo ? 4 * limit.max : PHOTO_BODY)) return refuse();
		req.on('end', refuse).on('error', refuse).resume();
		return;
	}
	if (ownProtocolHeader) req.headers['x-rembuk-protocol'] = 'encrypted' in req.socket ? 'https' : 'http';
	handler(req, res);
});
const io = attachRealtime(httpServer);

// A whole room may arrive in the same second; Node's default backlog of 511 waiting connections
// would drop the rest until they retry, so allow as many as the kernel usually does.
httpServer.listen({ port, host, backlog: 2048 }, () => {
	console.log(`Rembuk listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
	if (redisUrl()) console.log(`Node ${nodeName()} of a cluster: fan-out and shared limits through Redis (REDIS_URL)`);
	if (bootstrapToken)
		console.log(
			`No account yet. Create the first organization and admin (one-time link, valid 7 days):\n${linkOrigin({ ...process.env, HOST: host, PORT: String(port) })}${LINK_PATH}/${bootstrapToken}`
		);
});

let stopping = false;
function shutdown(signal: string) {
	if (stopping) return;
	stopping = true;
	console.log(`${signal}: closing connections and the database`);
	// Stop accepting; commits are synchronous, so closing the database is the flush.
	io.close(() => {
		closeContext();
		process.exit(0);
	});
	setTimeout(() => {
		closeContext();
		process.exit(0);
	}, 5000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
