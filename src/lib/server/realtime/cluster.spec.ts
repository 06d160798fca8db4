// @sqlite-only: its subject is Redis between nodes; the same nodes on PostgreSQL run in tests/e2e/cluster.e2e.ts.
/**
 * Two Rembuk nodes in one process, joined through Redis as two processes would be: what is
 * committed through one reaches the screens on the other, projected per viewer exactly as on the
 * committing node; presence and rate limits are counted together. Needs Redis; skips without it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commandId, createSession, joinParticipant, setPhase, storedSeqs, type TestParticipant, type TestSession } from '$lib/testing/server';
import { freshStore } from '$lib/testing/stores';
import { screen, startNodes, until, type Screen, type TestNode } from '$lib/testing/nodes';
import { dropPrefix, skipping, testPrefix, TEST_REDIS_URL, whyNoRedis } from '$lib/testing/redis';
import { envelopeSchema } from '../../realtime/schemas';
import type { Database } from '../db/store';
import { allow, createLimits, isBlocked } from '../ratelimit';
import { rooms } from './fanout';

const noRedis = skipping('cluster specs', await whyNoRedis());

const envelope = (command: unknown) => envelopeSchema.parse({ id: commandId(), command });
const seqs = (s: Screen) => s.records.map((r) => r.seq);

describe.skipIf(noRedis)('two nodes over one Redis', () => {
	const prefix = testPrefix();
	let nodes: TestNode[] = [];
	let screens: Screen[] = [];
	// Made before the nodes start (beforeAll): storing is async.
	let db: Database;
	let session: TestSession;
	let siti: TestParticipant;
	let budi: TestParticipant;
	const as = {
		facilitator: () => ({ role: 'facilitator' as const, code: session.row.code, key: session.facilitatorKey }),
		siti: () => ({ role: 'participant' as const, code: session.row.code, token: siti.token }),
		budi: () => ({ role: 'participant' as const, code: session.row.code, token: budi.token }),
		presenter: () => ({ role: 'presenter' as const, code: session.row.code })
	};
	const open = async (node: TestNode, who: keyof typeof as) => {
		const opened = await screen(node.url, as[who]());
		screens.push(opened);
		return opened;
	};

	beforeAll(async () => {
		const store = await freshStore();
		db = store.db;
		session = await createSession(db);
		siti = await joinParticipant(db, session, 'Siti Aminah');
		budi = await joinParticipant(db, session, 'Budi Santoso');
		await setPhase(db, session, 'writing');
		nodes = await startNodes(store, ['a', 'b'], TEST_REDIS_URL, prefix);
	});
	afterEach(() => {
		for (const s of screens) s.socket.disconnect();
		screens = [];
	});
	afterAll(async () => {
		await Promise.all(nodes.map((n) => n.close()));
		const { openRedis } = await import('../cluster/redis');
		const cleaner = openRedis(TEST_REDIS_URL);
		await dropPrefix(cleaner, prefix);
		cleaner.destroy();
	});

	it('projects a record committed on node A for each screen on node B exactly as node A does', async () => {
		const [a, b] = nodes;
		const roles = ['facilitator', 'siti', 'budi', 'presenter'] as const;
		const onA = Object.fromEntries(await Promise.all(roles.map(async (r) => [r, await open(a, r)]))) as Record<(typeof roles)[number], Screen>;
		const onB = Object.fromEntries(await Promise.all(roles.map(async (r) => [r, await open(b, r)]))) as Record<(typeof roles)[number], Screen>;
		const start = (await storedSeqs(db, session.row.id)).at(-1) ?? 0;

		// Siti posts anonymously from her phone on node A; the minute-taker writes a note through node B.
		const posted = await a.context.writes.execute(siti.identity, envelope({ type: 'item.add', kind: 'kendala', text: 'Jembatan desa putus', anonymous: true }));
		expect(posted.result.ok).toBe(true);
		await b.context.writes.execute(session.minutetaker, envelope({ type: 'note.add', text: 'Kepala desa hadir' }));
		const all = [...Object.values(onA), ...Object.values(onB)];
		await until(() => all.every((s) => s.records.length === 2), 'both records on every screen');

		for (const role of roles) expect(onB[role].records, role).toEqual(onA[role].records);
		expect(seqs(onB.budi)).toEqual([start + 1, start + 2]);
		// Staff and the author see the text; the rest see it withheld (silent writing), and never who wrote it.
		const [item, note] = onB.facilitator.records;
		expect(item.event).toMatchObject({ type: 'item.added', item: { text: 'Jembatan desa putus', anonymous: true, authorId: null } });
		expect(note.event).toMatchObject({ type: 'note.added' });
		expect(onB.siti.records[0].event).toMatchObject({ type: 'item.added', item: { text: 'Jembatan desa putus' } });
		for (const other of [onB.budi, onB.presenter]) {
			expect(other.records[0].event).toMatchObject({ type: 'item.added', item: { text: '', redacted: true, authorId: null } });
			expect(other.records[1].event).toEqual({ type: 'private' });
		}
		// Nothing any screen on node B received names the author: no owner, no id, no name.
		for (const received of Object.values(onB).flatMap((s) => s.records)) expect(received).not.toHaveProperty('owner');
		for (const other of [onB.budi, onB.presenter]) {
			const raw = JSON.stringify(other.records);
			expect(raw).not.toContain(siti.id);
			expect(raw).not.toContain('Siti');
		}
	});

	it('counts the people on both nodes, and each node tells its own screens', async () => {
		const [a, b] = nodes;
		const consoleA = await open(a, 'facilitator');
		const consoleB = await open(b, 'facilitator');
		await open(a, 'siti');
		const budiOnB = await open(b, 'budi');
		const sees = (n: number) => () => consoleA.online.at(-1) === n && consoleB.online.at(-1) === n;
		await until(sees(2), 'both consoles to count 2');
		budiOnB.socket.disconnect();
		await until(sees(1), 'both consoles to count 1');
	});

	it('counts a rate limit on both nodes together', async () => {
		const [a, b] = nodes;
		const onA = createLimits(a.redis, prefix);
		const onB = createLimits(b.redis, prefix);
		const address = '198.51.100.7';
		for (let i = 0; i < onA.create.points; i++) expect(await allow('create', address, onA)).toBe(true);
		expect(await isBlocked('create', address, onB)).toBe(true);
		expect(await allow('create', address, onB)).toBe(false);
		expect(await isBlocked('create', '198.51.100.8', onB)).toBe(false);
	});

	it("tells a report open on node B that a session changed through node A", async () => {
		const [a, b] = nodes;
		await db.insertInto('organizations').values({ id: 'org1', name: 'DPMD', created_at: '2026-01-01' }).execute();
		await db
			.insertInto('programmes')
			.values({ id: 'p1', organization_id: 'org1', name: 'p1', theme: '', template: '{}', created_by: null, created_at: '2026-01-01', updated_at: '2026-01-01' })
			.execute();
		const other = await createSession(db);
		await db.updateTable('sessions').set({ organization_id: 'org1', programme_id: 'p1' }).where('id', '=', other.row.id).execute();
		let told = 0;
		const stop = b.context.programmes.watch('p1', () => told++);
		await a.context.writes.execute(other.facilitator, envelope({ type: 'session.close' }));
		await until(() => told === 1, 'the report on node B to hear of it');
		stop();
	});

	it('re-checks the consoles of an account on every node, not only the one where its right changed', async () => {
		const [a, b] = nodes;
		const consoleB = await open(b, 'facilitator');
		const closed = new Promise((resolve) => consoleB.socket.once('disconnect', resolve));
		// An account's console whose key no longer opens the session, as after signing out everywhere.
		const socketOnB = [...b.io.sockets.sockets.values()].find((s) => s.data.role === 'facilitator')!;
		socketOnB.data.accountId = 'acc-1';
		socketOnB.join(rooms.account('acc-1'));
		socketOnB.handshake.auth = { ...socketOnB.handshake.auth, key: 'no longer valid' };
		a.context.recheckAccount('acc-1');
		await closed;
		expect(consoleB.socket.connected).toBe(false);
	});
});
