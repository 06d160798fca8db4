/** A programme's report: who may read and edit it, which sessions it combines, and edits kept under the programme. */
import { describe, expect, it } from 'vitest';
import { createSession, freshDb, joinParticipant, must } from '$lib/testing/server';
import type { Db } from '../db/database';
import * as access from '../accounts/access';
import * as members from '../accounts/members';
import { kysely } from '$lib/testing/orgs';
import * as accounts from '../accounts/accounts';
import * as programmes from './programmes';
import { editProgrammeReport, programmeReport } from './report';
import { DEFAULT_TEMPLATE } from './template';

const GOOD = 'Sungai Mahakam pagi berkabut 7';

async function world() {
	const db = freshDb();
	const { account, token } = await accounts.createAdminWithSetupLink(kysely(db), { organization: 'DPMD Kukar', login: 'admin@kukar.go.id', name: 'Admin' });
	await accounts.completeLink(kysely(db), token, { name: 'Admin', password: GOOD });
	const admin = (await access.membership(kysely(db), account.id))!;
	const invite = await members.invite(kysely(db), admin, { login: 'fas1', role: 'facilitator' });
	const fas = (await access.membership(kysely(db), (await accounts.completeLink(kysely(db), invite, { name: 'Fasilitator', password: GOOD })).id))!;
	const programme = await programmes.createProgramme(kysely(db), admin, { name: 'FGD UMKM 2026', theme: '', template: DEFAULT_TEMPLATE });
	const empty = await programmes.createProgramme(kysely(db), admin, { name: 'Belum ada sesi', theme: '', template: DEFAULT_TEMPLATE });
	const held = async (title: string, startsAt: string, region: string, text: string) => {
		const s = createSession(db, { title, startsAt });
		db.prepare('UPDATE sessions SET organization_id = ?, programme_id = ?, region = ? WHERE id = ?').run(admin.organizationId, programme.id, region, s.row.id);
		const phone = await joinParticipant(db, s);
		await must(db, phone.identity, { type: 'item.add', kind: 'kendala', text });
		return s;
	};
	// Made out of order: the report lists them as they were held.
	const paser = await held('FGD Paser', '2026-02-12T09:00', 'Kabupaten Paser', 'Modal usaha sulit diakses tanpa agunan');
	const kukar = await held('FGD Tenggarong', '2026-02-10T09:00', 'Kabupaten Kutai Kartanegara', 'Akses modal usaha sulit tanpa agunan');
	const outside = createSession(db, { title: 'Sesi sekali pakai' });
	await must(db, (await joinParticipant(db, outside)).identity, { type: 'item.add', kind: 'kendala', text: 'Jalan desa rusak' });
	return { db, admin, fas, programme, empty, paser, kukar, outside };
}

const itemsOf = (db: Db, sessionId: string) => (db.prepare('SELECT id FROM items WHERE session_id = ?').all(sessionId) as { id: string }[]).map((r) => r.id);

describe('a programme report', () => {
	it('combines the programme’s sessions in the order they were held, one issue across both regions', async () => {
		const { db, admin, programme, kukar, paser } = await world();
		const { synthesis } = await programmeReport(kysely(db), admin, programme.id, 'id');
		expect(synthesis!.sessions.map((s) => s.code)).toEqual([kukar.row.code, paser.row.code]);
		const shared = synthesis!.issues.filter((i) => i.regions.length === 2);
		expect(shared).toHaveLength(1);
		expect(shared[0].origin).toBe('auto');
	});

	it('is for admins and organizers of the organization only', async () => {
		const { db, fas, programme } = await world();
		await expect(programmeReport(kysely(db), fas, programme.id, 'id')).rejects.toThrow(access.AccessDenied);
	});

	it('has nothing to combine before the programme has a session', async () => {
		const { db, admin, empty } = await world();
		expect((await programmeReport(kysely(db), admin, empty.id, 'id')).synthesis).toBeNull();
	});

	it('keeps a hand edit under the programme and marks the issue as made by hand', async () => {
		const { db, admin, programme, kukar } = await world();
		await editProgrammeReport(kysely(db), admin, programme.id, { op: 'rename', itemIds: [itemsOf(db, kukar.row.id)[0]], name: 'Akses modal UMKM' });
		const issue = (await programmeReport(kysely(db), admin, programme.id, 'id')).synthesis!.issues.find((i) => i.name === 'Akses modal UMKM');
		expect(issue?.origin).toBe('hand');
		expect(issue?.editedBy).toContain('rename');
	});

	it('refuses, storing nothing, an edit naming an item of another session or a bad edit', async () => {
		const { db, admin, programme, outside, kukar } = await world();
		const before = (db.prepare('SELECT count(*) AS n FROM synthesis_edits').get() as { n: number }).n;
		await expect(editProgrammeReport(kysely(db), admin, programme.id, { op: 'pin', itemIds: itemsOf(db, outside.row.id) })).rejects.toThrow(access.AccessDenied);
		await expect(editProgrammeReport(kysely(db), admin, programme.id, { op: 'rename', itemIds: itemsOf(db, kukar.row.id), name: '' })).rejects.toThrow();
		expect((db.prepare('SELECT count(*) AS n FROM synthesis_edits').get() as { n: number }).n).toBe(before);
	});
});
