// What the disk under the SQLite file adds to every command: a commit in the server's own journal
// mode (WAL, synchronous=FULL) waits for an fsync before the command is answered and its record
// sent, and the relay has no such wait. Measured in the bench's database directory, beside the
// server's file, so the fan-out ratio can be read against this machine's disk. Paced like the
// fan-out's posts: on a virtual disk an fsync after a pause takes several times as long as one in
// a back-to-back burst (0.85 against 0.25 ms for one page here), and the pause is what phones see.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sleep, summarize } from './stats.mjs';

/**
 * p50 / p95 ms of `commits` transactions, `everyMs` apart, each writing four rows as one posted
 * item does (the item, the session's seq, the record, the answer).
 */
export async function commitLatency(dir, { commits = 50, everyMs = 100 } = {}) {
	const file = join(dir, 'disk-probe.sqlite');
	const db = new Database(file);
	try {
		db.pragma('journal_mode = WAL');
		db.pragma('synchronous = FULL');
		db.exec('create table rows (id integer primary key, body text not null)');
		const insert = db.prepare('insert into rows (body) values (?)');
		const write = db.transaction(() => {
			for (let i = 0; i < 4; i++) insert.run('x'.repeat(300));
		});
		const times = [];
		for (let i = 0; i < commits; i++) {
			await sleep(everyMs);
			const started = performance.now();
			write();
			times.push(performance.now() - started);
		}
		const { p50, p95 } = summarize(times);
		return { p50, p95 };
	} finally {
		db.close();
		for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
	}
}
