import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { board as enBoard } from './en/board';
import { phone as enJoin } from './en/phone';
import { staff as enStaff } from './en/staff';
import { board as idBoard } from './id/board';
import { phone as idJoin } from './id/phone';
import { followup as enFollowup } from './en/followup';
import { followup as idFollowup } from './id/followup';
import { staff as idStaff } from './id/staff';
import { org as idOrg } from './id/org';
import { org as enOrg } from './en/org';
import { i18n, loadMessages, t } from './index.svelte';

/** Everything a participant's phone reads: the join screen's table and the board's, side by side. */
const idPhone = { ...idJoin, ...idBoard };
const enPhone = { ...enJoin, ...enBoard };

type Tree = { [key: string]: string | Tree };

/** Every leaf key (`board.send`) with the `{{names}}` its text uses. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
	const out = new Map<string, string>();
	for (const [key, value] of Object.entries(tree)) {
		if (typeof value === 'string') out.set(prefix + key, [...value.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort().join(','));
		else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
	}
	return out;
}

const SRC = resolve(__dirname, '..', '..');

/**
 * Source files reachable from `entry` through relative and `$lib` imports (type-only ones skipped),
 * `import()` included: the participant page fetches its board that way.
 */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
	if (seen.has(entry)) return seen;
	seen.add(entry);
	const source = readFileSync(entry, 'utf8');
	const specifiers = [...source.matchAll(/^\s*import\s+(?!type\b)[^'"]*?['"]([^'"]+)['"]/gm), ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)];
	for (const m of specifiers) {
		const spec = m[1].startsWith('$lib') ? join(SRC, 'lib', m[1].slice(5)) : m[1].startsWith('.') ? resolve(dirname(entry), m[1]) : null;
		const file = spec && [spec, `${spec}.ts`, `${spec}.svelte.ts`].find((f) => existsSync(f) && /\.(ts|svelte)$/.test(f));
		if (file) reachable(file, seen);
	}
	return seen;
}

/** The literal keys a file passes to t(). */
const keysIn = (file: string) => [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*['`]([a-zA-Z]+\.[\w.]+)['`]/g)].map((m) => m[1]);

const allSources = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allSources(join(dir, e.name)) : /\.(svelte|ts)$/.test(e.name) && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : []));

describe('message tables', () => {
	it('English has exactly the Indonesian keys, with the same placeholders', () => {
		expect([...leaves(enPhone)]).toEqual([...leaves(idPhone)]);
		expect([...leaves(enStaff)]).toEqual([...leaves(idStaff)]);
		expect([...leaves(enFollowup)]).toEqual([...leaves(idFollowup)]);
		expect([...leaves(enOrg)]).toEqual([...leaves(idOrg)]);
	});

	it('the phone, board and staff tables share no top-level area (they are merged side by side)', () => {
		expect(Object.keys(idStaff).filter((area) => area in idPhone)).toEqual([]);
		expect(Object.keys(idBoard).filter((area) => area in idJoin)).toEqual([]);
		// The follow-up table is loaded under its own key (`followup.…`), beside both.
		expect('followup' in idPhone || 'followup' in idStaff).toBe(false);
		expect(Object.keys(idOrg).filter((area) => area in idPhone || area in idStaff || area === 'followup')).toEqual([]);
	});

	it('every key the source passes to t() exists', () => {
		const known = new Set([...leaves(idPhone).keys(), ...leaves(idStaff).keys(), ...leaves({ followup: idFollowup }).keys(), ...leaves(idOrg).keys()]);
		const used = allSources(SRC).flatMap((file) => keysIn(file).map((key) => `${file.slice(SRC.length)}: ${key}`));
		expect(used.length).toBeGreaterThan(300);
		expect(used.filter((entry) => !known.has(entry.split(': ')[1]))).toEqual([]);
	});

	it('what the participant page shows is all in the phone table, so a phone never loads the staff text', () => {
		const files = [...reachable(join(SRC, 'routes/j/[code]/+page.svelte')), ...reachable(join(SRC, 'routes/+layout.svelte')), ...reachable(join(SRC, 'routes/+error.svelte'))];
		expect(files.some((f) => f.endsWith('VotePanel.svelte'))).toBe(true);
		const phoneKeys = new Set(leaves(idPhone).keys());
		expect(files.flatMap((file) => keysIn(file)).filter((key) => !phoneKeys.has(key))).toEqual([]);
	});

	it("the PIC's update page needs only the phone text and the follow-up table, never the staff text", () => {
		const files = [...reachable(join(SRC, 'routes/t/[code]/[key]/+page.svelte'))];
		const known = new Set([...leaves(idPhone).keys(), ...leaves({ followup: idFollowup }).keys()]);
		const keys = files.flatMap((file) => keysIn(file));
		expect(keys.filter((key) => key.startsWith('followup.')).length).toBeGreaterThan(5);
		expect(keys.filter((key) => !known.has(key))).toEqual([]);
	});
});

describe('t', () => {
	it('interpolates, falls back to a default, then to the key', () => {
		i18n.use('id');
		expect(t('board.charsLeft', { count: 0 })).toBe('0 karakter tersisa');
		expect(t('errors.nope', { defaultValue: 'Ada masalah' })).toBe('Ada masalah');
		expect(t('errors.nope')).toBe('errors.nope');
	});

	it('switches language once its text is loaded, area by area', async () => {
		await loadMessages('en', 'phone');
		await loadMessages('en', 'board');
		i18n.use('en');
		expect(t('board.charsLeft', { count: 3 })).toBe(enPhone.board.charsLeft.replace('{{count}}', '3'));
		expect(t('home.createTitle')).toBe('home.createTitle');
		await loadMessages('en', 'staff');
		expect(t('home.createTitle')).toBe(enStaff.home.createTitle);
		await loadMessages('en', 'followup');
		expect(t('followup.statuses.berjalan')).toBe('In progress');
		expect(t('home.createTitle')).toBe(enStaff.home.createTitle);
		i18n.use('id');
	});
});
