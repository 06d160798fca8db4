import { describe, expect, it } from 'vitest';
import { LIMITS } from '../domain/defaults';
import { commandId, commandSchema, createSessionSchema, envelopeSchema, joinCode, joinSchema, socketAuthSchema, syncSchema } from './schemas';

const add = (text: unknown, extra: Record<string, unknown> = {}) =>
	commandSchema.safeParse({ type: 'item.add', kind: 'kendala', text, ...extra });
const token = 'AbCdEfGhIjKlMnOpQrStUv'; // 22 base64url characters
const join = (overrides: Record<string, unknown>) =>
	joinSchema.safeParse({ token, name: 'Siti', group: 'pemerintah', consent: true, ...overrides });

describe('item text', () => {
	it('is trimmed and normalised to NFC', () => {
		expect(add('  Jalan rusak \n')).toMatchObject({ success: true, data: { text: 'Jalan rusak' } });
		const decomposed = 'Kafe\u0301'; // e + combining acute accent
		expect(add(decomposed)).toMatchObject({ data: { text: 'Kaf\u00e9' } });
	});

	it('keeps inner newlines and tabs', () => {
		expect(add('Baris satu\nBaris\tdua')).toMatchObject({ data: { text: 'Baris satu\nBaris\tdua' } });
	});

	it('refuses empty and whitespace-only text', () => {
		for (const text of ['', '   ', '\n\t  \n']) expect(add(text).success).toBe(false);
	});

	it(`allows ${LIMITS.itemText} characters and refuses more`, () => {
		expect(add('a'.repeat(LIMITS.itemText)).success).toBe(true);
		expect(add(`  ${'a'.repeat(LIMITS.itemText)}  `).success).toBe(true); // measured after trimming
		expect(add('a'.repeat(LIMITS.itemText + 1)).success).toBe(false);
	});

	it('refuses control characters', () => {
		for (const c of ['\u0000', '\u0007', '\u001b', '\u007f']) expect(add(`awal${c}akhir`).success).toBe(false);
	});

	it('must be a string', () => {
		for (const text of [42, null, ['a'], { text: 'a' }]) expect(add(text).success).toBe(false);
	});
});

describe('commands', () => {
	it('default anonymous to false', () => {
		expect(add('Isi').data).toEqual({ type: 'item.add', kind: 'kendala', text: 'Isi', anonymous: false });
	});

	it('refuse unknown command types and missing fields', () => {
		expect(commandSchema.safeParse({ type: 'item.vote', itemId: 'x' }).success).toBe(false);
		expect(commandSchema.safeParse({ text: 'tanpa jenis' }).success).toBe(false);
		expect(commandSchema.safeParse({ type: 'item.edit', text: 'tanpa itemId' }).success).toBe(false);
		expect(commandSchema.safeParse(null).success).toBe(false);
	});

	it('refuse wrong types', () => {
		expect(add('Isi', { anonymous: 'true' }).success).toBe(false);
		expect(add('Isi', { kind: 'Kendala Besar' }).success).toBe(false);
		expect(commandSchema.safeParse({ type: 'item.delete', itemId: 7 }).success).toBe(false);
		expect(commandSchema.safeParse({ type: 'session.settings', allowAnonymous: 1 }).success).toBe(false);
	});

	it('validate kinds in settings: at least one, unique keys, bounded count', () => {
		const kind = (k: string) => ({ key: k, label: k.toUpperCase() });
		const settings = (kinds: unknown) => commandSchema.safeParse({ type: 'session.settings', kinds });
		expect(settings([kind('a'), kind('b')]).success).toBe(true);
		expect(settings([]).success).toBe(false);
		expect(settings([kind('a'), kind('a')]).success).toBe(false);
		expect(settings(Array.from({ length: LIMITS.kinds + 1 }, (_, i) => kind(`k${i}`))).success).toBe(false);
		expect(settings([{ key: 'a', label: '   ' }]).success).toBe(false);
	});
});

describe('minutes details', () => {
	const details = (fields: Record<string, unknown>) => commandSchema.safeParse({ type: 'session.details', details: fields });

	it('store start and end as HH:mm, typed with a dot or a colon, and accept empty to clear', () => {
		expect(details({ startTime: '9.05', endTime: ' 12:30 ' })).toMatchObject({ data: { details: { startTime: '09:05', endTime: '12:30' } } });
		expect(details({ endTime: '' })).toMatchObject({ success: true, data: { details: { endTime: '' } } });
		for (const endTime of ['24:00', '12:60', 'pukul 12', '12', '12:3']) expect(details({ endTime }).success, endTime).toBe(false);
	});

	it('bound the office fields: number, ranks, place, tembusan and at most five paraf boxes', () => {
		const office = { number: '005/214/DPMD/X/2025', chairRank: 'Pembina (IV/a)', signingPlace: 'Tenggarong', copies: ['Bupati'], paraf: ['Kasubbag'] };
		expect(details(office).success).toBe(true);
		expect(details({ paraf: ['a', 'b', 'c', 'd', 'e', 'f'] }).success).toBe(false);
		expect(details({ paraf: [''] }).success).toBe(false);
		expect(details({ number: 'x'.repeat(101) }).success).toBe(false);
		expect(details({ copies: Array.from({ length: 21 }, () => 'Bupati') }).success).toBe(false);
	});
});

describe('envelope and sync', () => {
	it('accept client ids of 8 to 64 url-safe characters', () => {
		for (const id of ['abcd1234', 'x'.repeat(64), '3f1c9a7e-2b4d-4c6e-8f00-123456789abc', 'A_b-C_d-']) {
			expect(commandId.safeParse(id).success, id).toBe(true);
		}
	});

	it('refuse bad client ids', () => {
		for (const id of ['', 'short', 'x'.repeat(65), 'has space!', 'semi;colon', 'ünïcode1', 12345678]) {
			expect(commandId.safeParse(id).success, String(id)).toBe(false);
		}
		expect(envelopeSchema.safeParse({ id: 'short', command: { type: 'session.close' } }).success).toBe(false);
		expect(envelopeSchema.safeParse({ id: 'abcd1234', command: { type: 'session.close' } }).success).toBe(true);
	});

	it('sync needs a whole, non-negative lastSeq', () => {
		expect(syncSchema.safeParse({ lastSeq: 0 }).success).toBe(true);
		for (const lastSeq of [-1, 1.5, '3', null]) expect(syncSchema.safeParse({ lastSeq }).success).toBe(false);
	});
});

describe('join codes and socket auth', () => {
	it('are trimmed and upper-cased', () => {
		expect(joinCode.parse(' k7hm3x ')).toBe('K7HM3X');
	});

	it('refuse codes of the wrong length or with symbols', () => {
		for (const code of ['', 'K7HM3', 'K7HM3XY', 'K7-M3X', 'K7HM 3X', 123456]) expect(joinCode.safeParse(code).success).toBe(false);
	});

	it('accept each role with what it must present', () => {
		expect(socketAuthSchema.safeParse({ role: 'presenter', code: 'k7hm3x' }).data).toEqual({ role: 'presenter', code: 'K7HM3X' });
		expect(socketAuthSchema.safeParse({ role: 'participant', code: 'K7HM3X', token }).success).toBe(true);
		expect(socketAuthSchema.safeParse({ role: 'facilitator', code: 'K7HM3X', key: 'kunci' }).success).toBe(true);
	});

	it('refuse unknown roles and missing secrets', () => {
		expect(socketAuthSchema.safeParse({ role: 'admin', code: 'K7HM3X' }).success).toBe(false);
		expect(socketAuthSchema.safeParse({ role: 'participant', code: 'K7HM3X' }).success).toBe(false);
		expect(socketAuthSchema.safeParse({ role: 'participant', code: 'K7HM3X', token: 'pendek' }).success).toBe(false);
		expect(socketAuthSchema.safeParse({ role: 'facilitator', code: 'K7HM3X' }).success).toBe(false);
		expect(socketAuthSchema.safeParse({ role: 'facilitator', code: 'K7HM3X', key: 'k'.repeat(101) }).success).toBe(false);
	});
});

describe('join', () => {
	it('accepts a good join, trimming the name and defaulting the institution', () => {
		expect(join({ name: '  Siti Aminah ' }).data).toEqual({
			token,
			name: 'Siti Aminah',
			group: 'pemerintah',
			institution: '',
			position: '',
			sex: '',
			consent: true
		});
	});

	it('takes jabatan and L/P when given, and never requires them', () => {
		expect(join({ position: ' Kepala Seksi ', sex: 'P' }).data).toMatchObject({ position: 'Kepala Seksi', sex: 'P' });
		expect(join({ sex: '' }).success).toBe(true);
		for (const sex of ['W', 'l', 'laki-laki', 1]) expect(join({ sex }).success, String(sex)).toBe(false);
		expect(join({ position: 'x'.repeat(121) }).success).toBe(false);
	});

	it('needs consent to be literally true', () => {
		for (const consent of [false, 'true', 1, 'yes', undefined, null]) {
			const result = join({ consent });
			expect(result.success, String(consent)).toBe(false);
			expect(result.error?.issues[0]).toMatchObject({ path: ['consent'], message: 'consent_required' });
		}
	});

	it('refuses tokens that are too short or not base64url', () => {
		for (const bad of ['a'.repeat(21), 'a'.repeat(65), `${'a'.repeat(21)}+`, `${'a'.repeat(21)}=`]) expect(join({ token: bad }).success).toBe(false);
	});

	it('bounds the name and institution', () => {
		expect(join({ name: 'n'.repeat(LIMITS.name + 1) }).success).toBe(false);
		expect(join({ name: ' ' }).success).toBe(false);
		expect(join({ institution: 'i'.repeat(LIMITS.institution + 1) }).success).toBe(false);
	});
});

describe('create session', () => {
	const base = { title: 'FGD RPJMD', startsAt: '2025-10-24T09:00' };

	it('fills defaults: WITA, Indonesian minutes, anonymous posting allowed', () => {
		expect(createSessionSchema.parse(base)).toMatchObject({
			timeZone: 'Asia/Makassar',
			minutesLanguage: 'id',
			allowAnonymous: true,
			organizers: [],
			theme: ''
		});
	});

	it('refuses a bad start time, an unknown zone and too many organizers', () => {
		expect(createSessionSchema.safeParse({ ...base, startsAt: '24-10-2025 09:00' }).success).toBe(false);
		expect(createSessionSchema.safeParse({ ...base, timeZone: 'Asia/Tokyo' }).success).toBe(false);
		const organizers = Array.from({ length: LIMITS.organizers + 1 }, (_, i) => `Dinas ${i}`);
		expect(createSessionSchema.safeParse({ ...base, organizers }).success).toBe(false);
		expect(createSessionSchema.safeParse({ ...base, title: '  ' }).success).toBe(false);
	});
});
