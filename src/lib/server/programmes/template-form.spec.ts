/** The template editor: fields read into a template by the one schema, per-field errors, nothing changed on bad input, audited, applied to new sessions. */
import { describe, expect, it } from 'vitest';
import { freshDb } from '$lib/testing/stores';
import type { Database } from '../db/store';
import * as access from '../accounts/access';
import * as members from '../accounts/members';
import * as accounts from '../accounts/accounts';
import * as audit from '../accounts/audit';
import * as sessions from '../sessions';
import * as programmes from './programmes';
import { DEFAULT_TEMPLATE, templateOf, type SessionTemplate } from './template';
import { keyFor, readTemplateForm } from './template-form';

const GOOD = 'Sungai Mahakam pagi berkabut 7';

/** The form's fields as the page fills them from a template (the same names the editor's inputs carry). */
function fieldsOf(t: SessionTemplate): Record<string, string> {
	const f: Record<string, string> = {
		'voting.budget': String(t.voting.budget),
		'voting.cap': String(t.voting.cap),
		'voting.target': t.voting.target,
		minutesLanguage: t.minutesLanguage,
		timeZone: t.timeZone,
		retentionMonths: t.retentionMonths == null ? '' : String(t.retentionMonths),
		minutesMinGroup: t.minutesMinGroup == null ? '' : String(t.minutesMinGroup)
	};
	if (t.allowAnonymous) f.allowAnonymous = 'on';
	if (t.keepInstitutions) f.keepInstitutions = 'on';
	t.kinds.forEach((k, i) => Object.assign(f, { [`kinds.${i}.key`]: k.key, [`kinds.${i}.label`]: k.label, [`kinds.${i}.labelEn`]: k.labelEn ?? '' }));
	t.groups.forEach((g, i) => Object.assign(f, { [`groups.${i}.key`]: g.key, [`groups.${i}.labelId`]: g.labelId, [`groups.${i}.labelEn`]: g.labelEn }));
	t.agenda.forEach((a, i) => Object.assign(f, { [`agenda.${i}.time`]: a.time, [`agenda.${i}.activity`]: a.activity }));
	for (const name of ['office', 'address', 'phone', 'email', 'website'] as const) f[`letterhead.${name}`] = t.letterhead?.[name] ?? '';
	return f;
}

async function organizer(db: Database, name = 'DPMD Kaltim', login = 'admin@kaltim.go.id') {
	const { account, token } = await accounts.createAdminWithSetupLink(db, { organization: name, login, name: 'Admin' });
	await accounts.completeLink(db, token, { name: 'Admin', password: GOOD });
	return (await access.membership(db, account.id))!;
}

describe('readTemplateForm', () => {
	it('reads back the template it was filled from, unchanged', () => {
		const read = readTemplateForm(fieldsOf(DEFAULT_TEMPLATE), DEFAULT_TEMPLATE);
		expect(read).toEqual({ ok: true, template: DEFAULT_TEMPLATE });
	});

	it('takes edited fields, leaves blank rows out, keys new rows from their label and keeps the logo', () => {
		const current: SessionTemplate = { ...DEFAULT_TEMPLATE, letterhead: { office: 'DPMD', logo: 'data:image/png;base64,iVBORw0KGgo=' }, phaseKinds: { writing: ['kendala', 'peluang'] } };
		const f = fieldsOf(current);
		Object.assign(f, {
			'agenda.0.time': '09.00',
			'agenda.0.activity': 'Pembukaan',
			'agenda.1.time': '',
			'agenda.1.activity': '',
			'agenda.2.time': '10.00',
			'agenda.2.activity': 'Diskusi kelompok',
			'kinds.1.label': '', // Peluang cleared: removed
			'kinds.1.labelEn': '',
			'kinds.9.key': '',
			'kinds.9.label': 'Usulan Desa',
			'kinds.9.labelEn': '',
			minutesLanguage: 'en',
			timeZone: 'Asia/Jayapura',
			retentionMonths: '6',
			'letterhead.office': 'Bappeda Kaltim'
		});
		const read = readTemplateForm(f, current);
		if (!read.ok) throw new Error(JSON.stringify(read.errors));
		expect(read.template.agenda).toEqual([
			{ time: '09.00', activity: 'Pembukaan' },
			{ time: '10.00', activity: 'Diskusi kelompok' }
		]);
		expect(read.template.kinds.map((k) => k.key)).toEqual(['kendala', 'rekomendasi', 'usulan_desa']);
		expect(read.template.phaseKinds).toEqual({ writing: ['kendala'] });
		expect(read.template.letterhead).toEqual({ office: 'Bappeda Kaltim', logo: current.letterhead!.logo });
		expect([read.template.minutesLanguage, read.template.timeZone, read.template.retentionMonths]).toEqual(['en', 'Asia/Jayapura', 6]);
	});

	it('names each bad field by its input, row numbers as the form has them', () => {
		const f = fieldsOf(DEFAULT_TEMPLATE);
		Object.assign(f, {
			'agenda.0.time': '',
			'agenda.0.activity': '',
			'agenda.4.time': '13.00',
			'agenda.4.activity': '', // a time without an activity
			'kinds.0.label': 'x'.repeat(41),
			'kinds.5.key': '',
			'kinds.5.label': 'Kendala!', // its key would be new, fine; but the label duplicates nothing
			'voting.budget': 'lima',
			'voting.cap': '',
			minutesLanguage: 'fr',
			retentionMonths: '0'
		});
		const read = readTemplateForm(f, DEFAULT_TEMPLATE);
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(read.errors).toEqual({
			'agenda.4.activity': 'required',
			'kinds.0.label': 'too_long',
			'voting.budget': 'not_number',
			'voting.cap': 'required',
			minutesLanguage: 'bad_choice',
			retentionMonths: 'too_small'
		});
		// What was typed comes back, to be shown again.
		expect(read.values['voting.budget']).toBe('lima');
	});

	it('refuses a template without any kind, and two rows with one key', () => {
		const f = fieldsOf(DEFAULT_TEMPLATE);
		for (const i of [0, 1, 2]) f[`kinds.${i}.label`] = f[`kinds.${i}.labelEn`] = '';
		const none = readTemplateForm(f, DEFAULT_TEMPLATE);
		expect(!none.ok && none.errors).toEqual({ kinds: 'too_small' });
		const twice = fieldsOf(DEFAULT_TEMPLATE);
		twice['groups.1.key'] = twice['groups.0.key'];
		const dup = readTemplateForm(twice, DEFAULT_TEMPLATE);
		expect(!dup.ok && dup.errors).toEqual({ groups: 'duplicate' });
	});

	it('makes keys the schema accepts, unique', () => {
		const taken = new Set(['kendala']);
		expect(keyFor('Kendala', taken, 'jenis')).toBe('kendala_2');
		expect(keyFor('Peluang & Potensi Ekonomi', taken, 'jenis')).toBe('peluang_potensi_ekonomi');
		expect(keyFor('!!!', taken, 'jenis')).toBe('jenis');
	});
});

describe('programmes.editTemplate', () => {
	it('saves the edited template, audits the fields that changed, and new sessions start from it', async () => {
		const db = await freshDb();
		const admin = await organizer(db);
		const programme = await programmes.createProgramme(db, admin, { name: 'FGD UMKM', theme: '', template: DEFAULT_TEMPLATE });
		const edited = { ...DEFAULT_TEMPLATE, agenda: [{ time: '09.00', activity: 'Pembukaan oleh Bupati' }], minutesLanguage: 'en' as const };
		await programmes.editTemplate(db, admin, programme.id, edited, '10.0.0.1');
		expect((await programmes.programmeFor(db, admin, programme.id)).template).toEqual(edited);
		const entry = (await audit.list(db, admin.organizationId)).find((e) => e.action === 'programme.template_edited');
		expect(entry).toMatchObject({ subject: 'FGD UMKM', detail: 'agenda, minutesLanguage' });
		const created = await programmes.createSession(db, admin, { title: 'FGD Paser', startsAt: '2026-03-01T09:00', venue: '', regionCode: '', programmeId: programme.id });
		const row = (await sessions.byCode(db, created.code))!;
		expect(templateOf(row as never).agenda).toEqual(edited.agenda);
		expect(row.minutes_language).toBe('en');
	});

	it('refuses a facilitator and another organization, changing nothing', async () => {
		const db = await freshDb();
		const admin = await organizer(db);
		const invite = await members.invite(db, admin, { login: 'fasil', role: 'facilitator' });
		const facilitator = (await access.membership(db, (await accounts.completeLink(db, invite, { name: 'Fasil', password: GOOD })).id))!;
		const stranger = await organizer(db, 'Bappeda Lain', 'lain@contoh.go.id');
		const programme = await programmes.createProgramme(db, admin, { name: 'FGD UMKM', theme: '', template: DEFAULT_TEMPLATE });
		const edited = { ...DEFAULT_TEMPLATE, minutesLanguage: 'en' as const };
		await expect(programmes.editTemplate(db, facilitator, programme.id, edited)).rejects.toThrow(access.AccessDenied);
		await expect(programmes.editTemplate(db, stranger, programme.id, edited)).rejects.toThrow(access.AccessDenied);
		expect((await programmes.programmeFor(db, admin, programme.id)).template).toEqual(DEFAULT_TEMPLATE);
	});
});
