// @sqlite-only: its subject is Redis between nodes; the same nodes on PostgreSQL run in tests/e2e/cluster.e2e.ts.
/**
 * Redis goes away and comes back (its own redis-server, killed with SIGKILL, no data kept): the
 * fan-out between nodes pauses and resumes, a screen on the other node catches up through `sync`
 * as the client does on a gap, and the shared rate limits keep answering from memory meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionRecord, SyncResult } from '../../realtime/contract';
import { commandId, createSession, storedSeqs } from '$lib/testing/server';
import { freshStore } from '$lib/testing/stores';
import { screen, startNodes, until, type Screen, type TestNode } from '$lib/testing/nodes';
import { RedisProcess, skipping, testPrefix, whyNoRedisServer } from '$lib/testing/redis';
import { envelopeSchema } from '../../realtime/schemas';
import type { Store } from '../db/store';
import { allow, createLimits } from '../ratelimit';

const noServer = skipping('Redis restart specs', whyNoRedisServer());

const envelope = (command: unknown) => envelopeSchema.parse({ id: commandId(), command });

/** The client's rule: records in seq order; on a gap, `sync` from the last one applied. */
async function catchUp(s: Screen, from: number): Promise<number[]> {
	const applied = new Map<number, SessionRecord>();
	for (const r of s.records) applied.set(r.seq, r);
	let last = from;
	while (applied.has(last + 1)) last++;
	const answer: SyncResult = await s.socket.timeout(5000).emitWithAck('sync', { lastSeq: last });
	if (!answer.ok || answer.mode !== 'events') throw new Error(`sync answered ${JSON.stringify(answer)}`);
	for (const r of answer.records) applied.set(r.seq, r);
	return [...applied.keys()].filter((seq) => seq > from).sort((x, y) => x - y);
}

describe.skipIf(noServer)('a Redis restart under two nodes', () => {
	const redis = new RedisProcess();
	let store: Store;
	let nodes: TestNode[] = [];

	/** Two nodes, a new session, and its console open on each. */
	async function twoNodes(timeoutMs?: number) {
		nodes.push(...(await startNodes(store, ['a', 'b'], redis.url, testPrefix(), timeoutMs)));
		const [a, b] = nodes.slice(-2);
		const session = await createSession(store.db);
		const auth = { role: 'facilitator' as const, code: session.row.code, key: session.facilitatorKey };
		const consoles = [await screen(a.url, auth), await screen(b.url, auth)];
		const note = (text: string) => a.context.writes.execute(session.minutetaker, envelope({ type: 'note.add', text }));
		const stored = () => storedSeqs(store.db, session.row.id);
		return { a, b, consoles, note, stored };
	}

	beforeAll(async () => {
		store = await freshStore();
		await redis.start();
	});
	afterAll(async () => {
		await Promise.all(nodes.map((n) => n.close()));
		await redis.kill();
	});

	it('pauses the fan-out while Redis is away and resumes it after, nothing acknowledged lost', async () => {
		const { a, b, consoles, note, stored } = await twoNodes();
		const [consoleA, consoleB] = consoles;
		await note('sebelum');
		await until(() => consoleB.records.length === 1, 'the first note on node B');

		await redis.kill();
		const limits = createLimits(a.redis, 'rembuk-test:limits:');
		// Redis is away: the limit answers from this node's memory, at once, instead of failing the request.
		expect(await allow('create', '198.51.100.9', limits)).toBe(true);
		// Commands are still committed and acknowledged; the committing node's own screens hear each
		// at once; only the other node's live records wait.
		for (const text of ['selama 1', 'selama 2', 'selama 3']) expect((await note(text)).result.ok).toBe(true);
		await until(() => consoleA.records.length === 4, "node A's console to hear the notes while Redis is away");
		expect(consoleB.records.length).toBe(1);

		await redis.start();
		await until(() => a.redis.isReady && b.redis.isReady, 'both nodes back on Redis');
		await note('sesudah');
		// What waited in the clients' queues goes out: both consoles get all five, in order.
		await until(() => consoles.every((s) => s.records.length === 5), 'the fan-out to resume on both nodes');
		const seqs = await stored();
		for (const s of consoles) expect(s.records.map((r) => r.seq)).toEqual(seqs);
		for (const s of consoles) s.socket.disconnect();
	});

	it('after an outage longer than a command may wait, the other node misses records and its screens catch up by sync', async () => {
		const { a, b, consoles, note, stored } = await twoNodes(1000);
		const [consoleA, consoleB] = consoles;
		await note('sebelum');
		await until(() => consoleB.records.length === 1, 'the first note on node B');

		await redis.kill();
		for (const text of ['selama 1', 'selama 2']) expect((await note(text)).result.ok).toBe(true);
		// Node A shows them to its own screens at once, Redis or not.
		await until(() => consoleA.records.length === 3, 'node A to show the notes itself');
		// The outage outlasts the nodes' command timeout (1 s here): node A gives up sending the two notes on.
		await new Promise((resolve) => setTimeout(resolve, 1500));

		await redis.start();
		await until(() => a.redis.isReady && b.redis.isReady, 'both nodes back on Redis');
		await note('sesudah');
		const seqs = await stored();
		const last = seqs.at(-1)!;
		await until(() => consoleB.records.some((r) => r.seq === last), 'the fan-out to resume');
		expect(consoleB.records.map((r) => r.seq)).toEqual([seqs[0], last]);
		expect(await catchUp(consoleB, 0)).toEqual(seqs);
		for (const s of consoles) s.socket.disconnect();
	});
});
