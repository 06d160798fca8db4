// The cluster for `npm run bench -- --cluster 3`: N production nodes behind HAProxy (scripts/cluster.mjs)
// on a fresh PostgreSQL database and a Redis key prefix of their own, measured beside the
// single-process SQLite server and the bare relay in the same run. What a record costs is read
// from /proc for every process the cluster needs: the nodes, HAProxy, PostgreSQL's backends and
// redis-server (on a shared machine their other users count too; the bench wants it quiet).
import { readdirSync, readFileSync } from 'node:fs';
import { createClient } from 'redis';
import { cpuMsOfPid } from './stats.mjs';
import { startCluster, whyNoHaproxy } from '../cluster.mjs';

const PG_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Pids of the processes whose command name is `name` (PostgreSQL forks one backend per connection). */
function pidsNamed(name) {
	const pids = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
		} catch {
			// gone meanwhile
		}
	}
	return pids;
}

/** CPU ms per part since `before` (a snapshot from `cpuSnapshot`); a process that started meanwhile counts whole. */
export function cpuSince(groups, before) {
	const now = cpuSnapshot(groups);
	const parts = {};
	for (const [part, byPid] of Object.entries(now)) {
		parts[part] = 0;
		for (const [pid, ms] of byPid) parts[part] += ms - (before[part]?.get(pid) ?? 0);
	}
	return parts;
}

/** Every part's pids and their CPU ms so far. */
export function cpuSnapshot(groups) {
	return Object.fromEntries(Object.entries(groups()).map(([part, pids]) => [part, new Map(pids.map((pid) => [pid, cpuMsOfPid(pid)]))]));
}

/**
 * Starts the cluster; throws (saying why) when HAProxy, PostgreSQL or Redis is not there.
 * @param {{ nodes: number, nodeFlags?: string[] }} options
 */
export async function startBenchCluster({ nodes, nodeFlags = [] }) {
	const why = whyNoHaproxy();
	if (why) throw new Error(why);
	const prefix = `rembuk-bench:${process.pid}:`;
	const cluster = await startCluster({ nodes, redisUrl: REDIS_URL, prefix, scratchPostgres: PG_URL, env: { RATE_LIMITS: 'off' }, nodeFlags });
	const groups = () => ({
		nodes: cluster.nodes.map((n) => n.child?.pid).filter(Boolean),
		haproxy: pidsNamed('haproxy'),
		postgres: pidsNamed('postgres'),
		redis: pidsNamed('redis-server')
	});
	return {
		url: cluster.url,
		database: cluster.database.name,
		groups,
		async dispose() {
			await cluster.stop();
			const redis = createClient({ url: REDIS_URL });
			await redis.connect();
			for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) if (keys.length) await redis.del(keys);
			redis.destroy();
		}
	};
}

/** The table's rows for the cluster against the single process and the relay. */
export function clusterRows(report, round) {
	const { cluster: c, rembuk: r, relay: b } = report;
	const rows = [];
	if (c.fanout && r.fanout && b.fanout) {
		for (const p of ['p50', 'p95', 'p99'])
			rows.push([`cluster fanout ${p} ms (rembuk, relay)`, round(c.fanout.latency[p]), `${round(r.fanout.latency[p])}, ${round(b.fanout.latency[p])}`, p === 'p95' ? round(c.fanout.latency.p95 / r.fanout.latency.p95, 2) : '', p === 'p95' ? '≤ 2× rembuk' : '', p === 'p95' ? (c.fanout.latency.p95 <= 2 * r.fanout.latency.p95 ? 'yes' : 'NO') : '']);
		const clean = c.fanout.lost === 0 && c.fanout.duplicated === 0 && c.fanout.seqMissing === 0 && c.fanout.seqDuplicated === 0;
		rows.push(['cluster fanout lost / duplicated', `${c.fanout.lost + c.fanout.seqMissing} / ${c.fanout.duplicated + c.fanout.seqDuplicated}`, '', '', '0 / 0', clean ? 'yes' : 'NO']);
		rows.push(['cluster records overtaken per 1,000 deliveries (fanout / writes)', `${perThousand(c.fanout, 'overtaken')} / ${c.writes ? perThousand(c.writes, 'overtaken') : ''}`, '', '', '', '']);
		rows.push(['cluster gap syncs per 1,000 deliveries, after the client waits 300 ms (fanout / writes)', `${perThousand(c.fanout)} / ${c.writes ? perThousand(c.writes) : ''}`, '', '', '', '']);
		rows.push(['cluster CPU ms/s idle, all phones connected: nodes / pg / redis / haproxy', PARTS.map((part) => (c.idle?.[part] ?? 0).toFixed(1)).join(' / '), '', '', '', '']);
		rows.push(['cluster CPU ms per record, fanout, net of idle: nodes / pg / redis / haproxy', perRecord(c.fanout, c.fanout.acked, c.idle), '', '', '', '']);
	}
	if (c.writes && r.writes) {
		rows.push([`cluster writes acked/s on PostgreSQL (SQLite single)`, round(c.writes.perSecond), round(r.writes.perSecond), round(c.writes.perSecond / r.writes.perSecond, 2), '', '']);
		rows.push(['cluster writes lost / duplicated', `${c.writes.seqMissing} / ${c.writes.seqDuplicated}`, '', '', '0 / 0', c.writes.seqMissing === 0 && c.writes.seqDuplicated === 0 ? 'yes' : 'NO']);
		rows.push(['cluster CPU ms per record, writes, net of idle: nodes / pg / redis / haproxy', perRecord(c.writes, c.writes.acked, c.idle), '', '', '', '']);
	}
	return rows;
}

const perThousand = (phase, count = 'gapSyncs') => (phase.deliveries ? Math.round((10_000 * (phase[count] ?? 0)) / phase.deliveries) / 10 : 0);
const PARTS = ['nodes', 'postgres', 'redis', 'haproxy'];
/** CPU ms per record of each part: what the phase used, less what the part uses idle over the phase's wall time. */
export const netCpuPerRecord = (phase, count, idle) =>
	Object.fromEntries(PARTS.map((part) => [part, count ? Math.max(0, (phase.cpuParts?.[part] ?? 0) - ((idle?.[part] ?? 0) * phase.wallMs) / 1000) / count : 0]));
const perRecord = (phase, count, idle) => Object.values(netCpuPerRecord(phase, count, idle)).map((ms) => ms.toFixed(2)).join(' / ');
