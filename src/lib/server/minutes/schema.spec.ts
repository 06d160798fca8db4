/**
 * docs/minutes.schema.json is the published contract of the JSON minutes: these specs build
 * the minutes through the same call the download route uses and check that the schema
 * accepts them exactly (it is closed, so a field added to the model without the schema fails
 * here), and that it still rejects what it should.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../domain/types';
import { documentedFgd } from '$lib/testing/documented-fgd';
import { facilitatedFgd, newFgd, withOfficeDetails, type Fgd } from '$lib/testing/fgd';
import { render } from './index';
import { SCHEMA_VERSION } from './json';

const SCHEMA_PATH = fileURLToPath(new URL('../../../../docs/minutes.schema.json', import.meta.url));
const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));

/** RFC 3339 date-time, as `Date.prototype.toISOString` and the log write it (ajv-formats is not installed). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function compile(): ValidateFunction {
	// strict: a typo'd keyword or a contradictory type in the schema throws here instead of being ignored.
	const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
	ajv.addFormat('date-time', { type: 'string', validate: (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)) });
	return ajv.compile(schema);
}

const validate = compile();

const describeErrors = (errors: ErrorObject[] | null | undefined) =>
	(errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('\n');

/** Validates and, on failure, puts ajv's errors in the assertion message. */
function expectValid(document: unknown) {
	const ok = validate(document);
	expect(ok, describeErrors(validate.errors)).toBe(true);
}

async function minutesJson(db: Fgd['db'], sessionId: string, lang: Locale) {
	const rendered = await render(db, sessionId, 'json', lang);
	expect(rendered.contentType).toBe('application/json');
	expect(typeof rendered.body).toBe('string');
	return JSON.parse(rendered.body as string) as Record<string, unknown>;
}

describe('docs/minutes.schema.json', () => {
	it('is a draft 2020-12 schema for the current schema version', () => {
		expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
		expect(schema.properties.schemaVersion.const).toBe(SCHEMA_VERSION);
		expect(schema.additionalProperties).toBe(false);
	});

	for (const lang of ['id', 'en'] as const) {
		it(`accepts the minutes of a facilitated FGD (${lang})`, async () => {
			const fgd = await withOfficeDetails(await facilitatedFgd());
			const document = await minutesJson(fgd.db, fgd.session.id, lang);
			expectValid(document);
			// The fixture exercises the optional parts, so the schema is checked against real content.
			expect(document).toMatchObject({
				schemaVersion: 2,
				lang,
				session: { status: 'closed', closedOnAnotherDay: false, endTime: lang === 'id' ? '12.30 WITA' : '12:30 WITA' },
				details: { number: '005/214/DPMD/X/2025', chair: { rank: 'Pembina Tk. I (IV/b)' }, copies: [expect.any(String), expect.any(String)], paraf: ['Kasubbag Umum', 'Kabid PEM'] },
				signOff: { place: 'Tenggarong' },
				recommendations: { kind: 'rekomendasi', answers: { kind: 'kendala' } }
			});
			expect((document.actionPlan as unknown[]).length).toBeGreaterThan(0);
			expect((document.items as { anonymous: boolean }[]).some((i) => i.anonymous)).toBe(true);
		});

		it(`accepts the minutes with jabatan, L/P, people staff added and photos (${lang})`, async () => {
			const fgd = await documentedFgd(lang);
			const document = await minutesJson(fgd.db, fgd.session.id, lang);
			expectValid(document);
			expect(document).toMatchObject({ attendance: { bySex: { L: 1, P: 1 } }, documentation: [{ no: 1 }, { no: 2 }] });
			expect(JSON.stringify(document)).not.toMatch(/base64|\/9j\//);
		});

		it(`accepts the minutes of a fresh session with no items (${lang})`, async () => {
			const fgd = await newFgd(lang);
			const document = await minutesJson(fgd.db, fgd.session.id, lang);
			expectValid(document);
			expect(document).toMatchObject({
				items: [],
				themes: [],
				actionPlan: [],
				links: [],
				session: { status: 'open', closedAt: null, endTime: null, closedOnAnotherDay: false },
				details: { number: '', copies: [], paraf: [] }
			});
		});
	}

	describe('rejects documents that are not version 2 minutes', () => {
		async function valid() {
			const fgd = await facilitatedFgd();
			return minutesJson(fgd.db, fgd.session.id, 'en');
		}

		it('with an unknown top-level field', async () => {
			expect(validate({ ...(await valid()), participants: [] })).toBe(false);
			expect(validate.errors).toContainEqual(
				expect.objectContaining({ keyword: 'additionalProperties', params: { additionalProperty: 'participants' } })
			);
		});

		it('with another schema version', async () => {
			expect(validate({ ...(await valid()), schemaVersion: 1 })).toBe(false);
			expect(validate.errors).toContainEqual(expect.objectContaining({ instancePath: '/schemaVersion', keyword: 'const' }));
		});

		it('with a missing section, an unknown language or a participant id on an item', async () => {
			const document = await valid();
			const withoutSignOff = { ...document };
			delete withoutSignOff.signOff;
			expect(validate(withoutSignOff)).toBe(false);
			expect(validate({ ...document, lang: 'fr' })).toBe(false);
			const [first, ...rest] = document.items as Record<string, unknown>[];
			expect(validate({ ...document, items: [{ ...first, authorId: 'p1' }, ...rest] })).toBe(false);
		});

		it('with a signer missing the pangkat/golongan field, or paraf that are not text', async () => {
			const document = await valid();
			const details = document.details as Record<string, Record<string, unknown>>;
			const { rank: _rank, ...chair } = details.chair;
			expect(validate({ ...document, details: { ...details, chair } })).toBe(false);
			expect(validate({ ...document, details: { ...details, paraf: [1] } })).toBe(false);
		});

		it('with an author on an anonymous item', async () => {
			const document = await valid();
			const items = (document.items as Record<string, unknown>[]).map((i) =>
				i.anonymous ? { ...i, author: { name: 'X', institution: '', group: 'komunitas', groupLabel: 'Community' } } : i
			);
			expect(validate({ ...document, items })).toBe(false);
		});
	});
});
