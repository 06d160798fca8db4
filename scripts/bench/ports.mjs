// Ports on loopback: the bench and torture servers' (only 3400-3499), and any free one for the
// test servers, the cluster runner and the specs' own redis-server.
import { createServer } from 'node:net';

export const HOST = '127.0.0.1';
const FIRST = 3400;
const LAST = 3499;
const taken = new Set();

function probe(port) {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, HOST, () => server.close(() => resolve(true)));
	});
}

/** The next port in 3400-3499 that nothing listens on and this process has not handed out yet. */
export async function freePort() {
	for (let port = FIRST; port <= LAST; port++) {
		if (taken.has(port)) continue;
		if (await probe(port)) {
			taken.add(port);
			return port;
		}
	}
	throw new Error(`no free port in ${FIRST}-${LAST}`);
}

/** A port the system picks on loopback, free when asked (the test servers, the cluster's nodes, a spec's redis-server). */
export function anyFreePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, HOST, () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}
