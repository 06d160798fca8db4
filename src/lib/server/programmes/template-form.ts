/**
 * The programme page's template editor, read: a plain form's fields (rows named like
 * `kinds.0.label`, `agenda.1.time`, `voting.budget`) become a SessionTemplate checked by the one
 * schema (realtime/schemas.ts sessionTemplateSchema), or per-field errors named by the same
 * input names, so the page shows each error beside its field. Pure: no database.
 */
import type { z } from 'zod';
import { sessionTemplateSchema } from '../../realtime/schemas';
import type { SessionTemplate } from './template';

/** Empty rows the editor offers beyond the template's own (a plain form cannot add rows). */
export const BLANK_ROWS = { kinds: 1, groups: 1, agenda: 2 } as const;

/** What went wrong with one field, named for the page's messages. */
export type FieldError = 'required' | 'too_long' | 'too_small' | 'too_big' | 'not_number' | 'bad_choice' | 'duplicate' | 'bad_value';

export type TemplateRead =
	| { ok: true; template: SessionTemplate }
	/** `errors`: input name (or a list's name) → what is wrong; `values`: what was typed, to show again. */
	| { ok: false; errors: Record<string, FieldError>; values: Record<string, string> };

type Fields = Record<string, string>;

/** The row numbers a list's fields use (`kinds.3.label` → 3), in order. */
function rowsOf(fields: Fields, list: string): number[] {
	const rows = new Set<number>();
	for (const name of Object.keys(fields)) {
		const m = new RegExp(`^${list}\\.(\\d{1,2})\\.`).exec(name);
		if (m) rows.add(Number(m[1]));
	}
	return [...rows].sort((a, b) => a - b);
}

/** A key for a new row, from its label: `Usulan Desa` → `usulan_desa`, unique among `taken`. */
export function keyFor(label: string, taken: Set<string>, fallback: string): string {
	const base =
		label
			.toLowerCase()
			.normalize('NFKD')
			.replace(/[^a-z0-9]+/g, '_')
			.replace(/^_+|_+$/g, '')
			.slice(0, 28) || fallback;
	let key = base;
	for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
	taken.add(key);
	return key;
}

/** A number field: digits become a number; anything else is left for the schema to refuse; '' is `empty`. */
function numberOf(text: string | undefined, empty: number | null | undefined): unknown {
	const t = (text ?? '').trim();
	if (!t) return empty;
	return /^\d{1,6}$/.test(t) ? Number(t) : t;
}

interface List<T> {
	values: T[];
	/** The form's row number of each value (blank rows are left out, so the schema's index differs). */
	rows: number[];
}

function list<T>(fields: Fields, name: string, columns: string[], make: (row: Record<string, string>) => T): List<T> {
	const out: List<T> = { values: [], rows: [] };
	for (const n of rowsOf(fields, name)) {
		const row = Object.fromEntries(columns.map((c) => [c, fields[`${name}.${n}.${c}`] ?? '']));
		// A row left blank is a row not used (the form always offers some).
		if (columns.every((c) => c === 'key' || !row[c].trim())) continue;
		out.values.push(make(row));
		out.rows.push(n);
	}
	return out;
}

/** Reads the editor's fields into a template; what the form does not carry (phase kinds, the logo) is kept from `current`. */
export function readTemplateForm(fields: Fields, current: SessionTemplate): TemplateRead {
	const kindKeys = new Set<string>();
	const kinds = list(fields, 'kinds', ['key', 'label', 'labelEn'], (r) => ({ key: r.key, label: r.label, labelEn: r.labelEn.trim() ? r.labelEn : undefined }));
	for (const k of kinds.values) if (k.key) kindKeys.add(k.key);
	for (const k of kinds.values) if (!k.key) k.key = keyFor(k.label, kindKeys, 'jenis');
	const groupKeys = new Set<string>();
	const groups = list(fields, 'groups', ['key', 'labelId', 'labelEn'], (r) => ({ key: r.key, labelId: r.labelId, labelEn: r.labelEn }));
	for (const g of groups.values) if (g.key) groupKeys.add(g.key);
	for (const g of groups.values) if (!g.key) g.key = keyFor(g.labelId, groupKeys, 'unsur');
	const agenda = list(fields, 'agenda', ['time', 'activity'], (r) => ({ time: r.time, activity: r.activity }));

	const office = ['office', 'address', 'phone', 'email', 'website'] as const;
	const letterhead: Record<string, string> = {};
	for (const f of office) if ((fields[`letterhead.${f}`] ?? '').trim()) letterhead[f] = fields[`letterhead.${f}`];
	const logo = fields['letterhead.removeLogo'] ? undefined : current.letterhead?.logo;
	if (logo) letterhead.logo = logo;

	const remaining = new Set(kinds.values.map((k) => k.key));
	const phaseKinds = Object.fromEntries(Object.entries(current.phaseKinds).map(([phase, keys]) => [phase, keys.filter((k) => remaining.has(k))]));

	const candidate = {
		kinds: kinds.values,
		groups: groups.values,
		agenda: agenda.values,
		voting: { budget: numberOf(fields['voting.budget'], undefined), cap: numberOf(fields['voting.cap'], undefined), target: fields['voting.target'] },
		letterhead: Object.keys(letterhead).length ? letterhead : null,
		minutesLanguage: fields.minutesLanguage,
		timeZone: fields.timeZone,
		allowAnonymous: fields.allowAnonymous === 'on',
		retentionMonths: numberOf(fields.retentionMonths, null),
		keepInstitutions: fields.keepInstitutions === 'on',
		phaseKinds,
		minutesMinGroup: numberOf(fields.minutesMinGroup, null)
	};
	const parsed = sessionTemplateSchema.safeParse(candidate);
	if (parsed.success) return { ok: true, template: parsed.data as SessionTemplate };
	const rows: Record<string, number[]> = { kinds: kinds.rows, groups: groups.rows, agenda: agenda.rows };
	const errors: Record<string, FieldError> = {};
	for (const issue of parsed.error.issues) {
		const name = fieldName(issue.path, rows);
		errors[name] ??= errorOf(issue);
	}
	const values = Object.fromEntries(Object.entries(fields).filter(([name]) => name !== 'letterhead.removeLogo').map(([k, v]) => [k, v.slice(0, 2000)]));
	return { ok: false, errors, values };
}

/** The input an issue belongs to: the schema's index in a list back to the form's row. */
function fieldName(path: PropertyKey[], rows: Record<string, number[]>): string {
	const [head, index, ...rest] = path.map(String);
	if (head in rows && index !== undefined && /^\d+$/.test(index)) {
		// A row's own key is made here or kept hidden: its trouble is told at the row's label.
		const column = rest[0] === 'key' ? (head === 'groups' ? 'labelId' : 'label') : rest.join('.');
		return [head, rows[head][Number(index)], column].filter((p) => p !== '').join('.');
	}
	return path.map(String).join('.');
}

function errorOf(issue: z.core.$ZodIssue): FieldError {
	switch (issue.code) {
		case 'too_small':
			return issue.origin === 'string' && issue.minimum === 1 ? 'required' : 'too_small';
		case 'too_big':
			return issue.origin === 'string' ? 'too_long' : 'too_big';
		case 'invalid_type':
			return issue.expected === 'number' && !/received undefined/.test(issue.message) ? 'not_number' : 'required';
		case 'invalid_value':
			return 'bad_choice';
		case 'custom':
			return /duplicate/.test(issue.message) ? 'duplicate' : 'bad_value';
		default:
			return 'bad_value';
	}
}
