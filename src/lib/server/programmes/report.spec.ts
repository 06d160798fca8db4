/** A programme's report: who may read and edit it, which sessions it combines, and edits kept under the programme. */
import { describe, expect, it } from 'vitest';
import { createSession, joinParticipant, must, rowCount } from '$lib/testing/server';
import { freshDb } from '$lib/testing/stores';
import { engineOf, insertionOrder, type Database } from '../db/store';
import * as access from '../accounts/access';
import * as members from '../accounts/members';
import * as accounts from '../accounts/accounts';
import * as programmes from './programmes';
import { editProgrammeReport, programmeReport } from './report';
import { DEFAULT_TEMPLATE } from './template';

const GOOD = 'Sungai Mahakam pagi berkabut 7';

async function world() {
	const db = await freshDb();
	const { account, token } = await accounts.createAdminWithSetupLink(db, { organization: 'DPMD Kukar', login: 'admin@kukar.go.id', name: 'Admin' });
	await accounts.completeLink(db, token, { name: 'Admin', password: GOOD });
	const admin = (await access.membership(db, account.id))!;
	const invite = await members.invite(db, admin, { login: 'fas1', role: 'facilitator' });
	const fas = (await access.membership(db, (await accounts.completeLink(db, invite, { name: 'Fasilitator', password: GOOD })).id))!;
	const programme = await programmes.createProgramme(db, admin, { name: 'FGD UMKM 2026', theme: '', template: DEFAULT_TEMPLATE });
	const empty = await programmes.createProgramme(db, admin, { name: 'Belum ada sesi', theme: '', template: DEFAULT_TEMPLATE });
	const held = async (title: string, startsAt: string, region: string, text: string) => {
		const s = await createSession(db, { title, startsAt });
		await db.updateTable('sessions').set({ organization_id: admin.organizationId, programme_id: programme.id, region }).where('id', '=', s.row.id).execute();
		const phone = await joinParticipant(db, s);
		await must(db, phone.identity, { type: 'item.add', kind: 'kendala', text });
		return s;
	};
	// Made out of order: the report lists them as they were held.
	const paser = await held('FGD Paser', '2026-02-12T09:00', 'Kabupaten Paser', 'Modal usaha sulit diakses tanpa agunan');
	const kukar = await held('FGD Tenggarong', '2026-02-10T09:00', 'Kabupaten Kutai Kartanegara', 'Akses modal usaha sulit tanpa agunan');
	const outside = await createSession(db, { title: 'Sesi sekali pakai' });
	await must(db, (await joinParticipant(db, outside)).identity, { type: 'item.add', kind: 'kendala', text: 'Jalan desa rusak' });
	return { db, admin, fas, programme, empty, paser, kukar, outside };
}

const itemsOf = async (db: Database, sessionId: string) =>
	(await db.selectFrom('items').select('id').where('session_id', '=', sessionId).orderBy(insertionOrder(engineOf(db))).execute()).map((r) => r.id);

const editsStored = (db: Database) => rowCount(db, 'synthesis_edits');

describe('a programme report', () => {
	it('combines the programme’s sessions in the order they were held, one issue across both regions', async () => {
		const { db, admin, programme, kukar, paser } = await world();
		const { synthesis } = await programmeReport(db, admin, programme.id, 'id');
		expect(synthesis!.sessions.map((s) => s.code)).toEqual([kukar.row.code, paser.row.code]);
		const shared = synthesis!.issues.filter((i) => i.regions.length === 2);
		expect(shared).toHaveLength(1);
		expect(shared[0].origin).toBe('auto');
	});

	it('is for admins and organizers of the organization only', async () => {
		const { db, fas, programme } = await world();
		await expect(programmeReport(db, fas, programme.id, 'id')).rejects.toThrow(access.AccessDenied);
	});

	it('has nothing to combine before the programme has a session', async () => {
		const { db, admin, empty } = await world();
		expect((await programmeReport(db, admin, empty.id, 'id')).synthesis).toBeNull();
	});

	it('keeps a hand edit under the programme and marks the issue as made by hand', async () => {
		const { db, admin, programme, kukar } = await world();
		await editProgrammeReport(db, admin, programme.id, { op: 'rename', itemIds: [(await itemsOf(db, kukar.row.id))[0]], name: 'Akses modal UMKM' });
		const issue = (await programmeReport(db, admin, programme.id, 'id')).synthesis!.issues.find((i) => i.name === 'Akses modal UMKM');
		expect(issue?.origin).toBe('hand');
		expect(issue?.editedBy).toContain('rename');
	});

	it('refuses, storing nothing, an edit naming an item of another session or a bad edit', async () => {
		const { db, admin, programme, outside, kukar } = await world();
		const before = await editsStored(db);
		await expect(editProgrammeReport(db, admin, programme.id, { op: 'pin', itemIds: await itemsOf(db, outside.row.id) })).rejects.toThrow(access.AccessDenied);
		await expect(editProgrammeReport(db, admin, programme.id, { op: 'rename', itemIds: await itemsOf(db, kukar.row.id), name: '' })).rejects.toThrow();
		expect(await editsStored(db)).toBe(before);
	});
});
