/**
 * The command path is async: a handler converted to the store awaits Kysely through `context.trx`,
 * runs inside the group's transaction (it reads its own writes) and, refused after writing, leaves
 * nothing behind, not even a used seq.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommandEnvelope, SessionRecord } from '../realtime/contract';
import { envelopeSchema } from '../realtime/schemas';
import type { Database, Store } from './db/store';
import { appendRecord } from './db/log-store';
import { GroupCommit } from './group-commit';
import { HANDLERS } from './handlers';
import { Rejected, type CommandContext, type Outcome } from './handlers/context';
import * as sessions from './sessions';
import { commandId, dumpTables, storedSeqs, type TestParticipant, type TestSession } from '$lib/testing/server';
import { sessionWith } from '$lib/testing/stores';

let db: Database;
let store: Store;
let session: TestSession;
let siti: TestParticipant;

beforeEach(async () => {
	({ db, store, session, people: [siti] } = await sessionWith(['Siti']));
});
afterEach(() => vi.restoreAllMocks());

const envelope = (command: unknown): CommandEnvelope => envelopeSchema.parse({ id: commandId(), command });
const settings = envelope({ type: 'session.settings', allowAnonymous: false });
const unheard = () => {};

/** Stands in for a handler converted to the store: `session.settings` runs `handler` instead. */
function converted(handler: (context: CommandContext) => Promise<Outcome>) {
	vi.spyOn(HANDLERS as unknown as Record<string, (context: CommandContext) => Promise<Outcome>>, 'session.settings').mockImplementation(handler);
}

describe('an async handler', () => {
	it('writes inside the group transaction, and a refusal after writing undoes all of it, seq included', async () => {
		const seen: unknown[] = [];
		converted(async ({ trx, session }) => {
			await trx.updateTable('sessions').set({ title: 'Diubah lewat trx' }).where('id', '=', session.id).execute();
			await appendRecord(trx, { sessionId: session.id, actor: 'facilitator', payload: { type: 'session.settings' } });
			const row = await trx.selectFrom('sessions').select('title').where('id', '=', session.id).executeTakeFirstOrThrow();
			seen.push(row.title);
			throw new Rejected('invalid_input', 'refused after writing');
		});
		const first = (await storedSeqs(db, session.row.id)).at(-1)!;
		const before = await dumpTables(db);
		const commits = new GroupCommit(store, unheard);
		const [refused, added] = await Promise.all([
			commits.execute(session.facilitator, settings),
			commits.execute(siti.identity, envelope({ type: 'item.add', kind: 'kendala', text: 'tetap ada' }))
		]);
		expect(seen).toEqual(['Diubah lewat trx']);
		expect(refused).toEqual({ result: { ok: false, error: { code: 'invalid_input', message: 'refused after writing' } }, records: [] });
		// The command after it in the same group got the seq the refused one had taken: it was given back.
		expect(added.result).toMatchObject({ ok: true, seq: first + 1 });
		const after = await dumpTables(db);
		expect(after.sessions).toEqual(before.sessions.map((s) => ({ ...(s as object), last_seq: first + 1 })));
		expect(await storedSeqs(db, session.row.id)).toEqual(Array.from({ length: first + 1 }, (_, i) => i + 1));
	});

	it('commits what it wrote, and the records it appends after an await still name the account', async () => {
		converted(async ({ trx, session }) => {
			await trx.updateTable('sessions').set({ title: 'Diubah lewat trx' }).where('id', '=', session.id).execute();
			// The log, after the await: asAccount's scope must still hold.
			const record: SessionRecord = await sessions.setLetterhead(trx, session.id, 'facilitator', { office: 'BAPPEDA' });
			return { records: [record] };
		});
		const commits = new GroupCommit(store, unheard);
		const { result, records } = await commits.execute({ ...session.facilitator, accountId: 'akun-rina' }, settings);
		expect(result).toMatchObject({ ok: true, seq: records[0].seq });
		expect((await sessions.byId(db, session.row.id)).title).toBe('Diubah lewat trx');
		const stored = await db.selectFrom('session_events').select('account_id').where('session_id', '=', session.row.id).where('seq', '=', records[0].seq).executeTakeFirst();
		expect(stored).toEqual({ account_id: 'akun-rina' });
	});
});
