/**
 * The layers stay apart: the domain (src/lib/domain) is plain TypeScript that imports only
 * itself and, for types, the realtime contract; the server modules (src/lib/server) import no
 * SvelteKit, and only the socket adapter (src/lib/server/realtime) imports socket.io. SvelteKit
 * is reached through the HTTP adapter, src/lib/http, which the routes call.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

interface Import {
	specifier: string;
	/** `import type …` / `export type …`: erased at build, so it pulls no code in. */
	typeOnly: boolean;
}

/** Every module the source imports: static, type-only, re-exported, side-effect and dynamic. */
export function importsOf(source: string): Import[] {
	const found: Import[] = [];
	// Outside braces the clause stays on one line, so an `export interface {…}` never swallows a later import.
	const clause = /^[ \t]*(?:import|export)(\s+type\b)?[ \t]+(?:[\w$*, \t]|\{[^}]*\})*?from\s*['"]([^'"]+)['"]/gm;
	for (const m of source.matchAll(clause)) found.push({ specifier: m[2], typeOnly: Boolean(m[1]) });
	for (const m of source.matchAll(/\bimport\s*\(?\s*['"]([^'"]+)['"]/g)) found.push({ specifier: m[1], typeOnly: false });
	return found;
}

const isSvelteKit = (specifier: string) => specifier.startsWith('@sveltejs/kit') || specifier.startsWith('$app/');
const isSocketIo = (specifier: string) => specifier.startsWith('socket.io');

/** What a domain module may not import: anything but its own folder, or the realtime contract for types. */
export function domainBreaks({ specifier, typeOnly }: Import): boolean {
	if (specifier === 'vitest') return false;
	if (specifier.startsWith('./')) return false;
	return !(typeOnly && specifier.startsWith('../realtime/'));
}

/** What a server module may not import; `path` is relative to src/lib/server. */
export function serverBreaks(path: string, { specifier }: Import): boolean {
	if (isSvelteKit(specifier)) return true;
	return isSocketIo(specifier) && !path.startsWith('realtime/');
}

function sources(folder: string): { path: string; source: string }[] {
	const dir = join(ROOT, 'src/lib', folder);
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.ts'))
		.map((name) => ({ path: name, source: readFileSync(join(dir, name), 'utf8') }));
}

describe('the layers', () => {
	it('the domain imports only itself, and the realtime contract for its types', () => {
		const files = sources('domain');
		expect(files.length).toBeGreaterThan(5);
		const breaks = files.flatMap(({ path, source }) => importsOf(source).filter(domainBreaks).map((i) => `${path}: ${i.specifier}`));
		expect(breaks).toEqual([]);
	});

	it('the server modules import no SvelteKit, and socket.io only in realtime/', () => {
		const files = sources('server');
		expect(files.length).toBeGreaterThan(50);
		const breaks = files.flatMap(({ path, source }) => importsOf(source).filter((i) => serverBreaks(path, i)).map((i) => `${path}: ${i.specifier}`));
		expect(breaks).toEqual([]);
	});

	it('SvelteKit is reached only through the HTTP adapter, which lives outside the server modules', () => {
		const users = sources('http').filter(({ source }) => importsOf(source).some((i) => isSvelteKit(i.specifier)));
		// The adapters are the http folder's server-only files; anything else there stays framework-free.
		expect(users.length).toBeGreaterThan(4);
		expect(users.filter((f) => !f.path.endsWith('.server.ts')).map((f) => f.path)).toEqual([]);
		expect(relative(join(ROOT, 'src/lib/server'), join(ROOT, 'src/lib/http')).startsWith('..')).toBe(true);
	});

	it('the check catches every way of importing', () => {
		const lines = [
			"import { json } from '@sveltejs/kit';",
			"import type { RequestEvent } from '@sveltejs/kit';",
			"import { page } from '$app/state';",
			"export { error } from '@sveltejs/kit';",
			"const kit = await import('@sveltejs/kit');",
			"import '@sveltejs/kit';",
			'import {\n\tServer\n} from "socket.io";'
		];
		for (const line of lines) expect(importsOf(line).filter((i) => serverBreaks('items.ts', i)), line).toHaveLength(1);
		expect(importsOf("import { Server } from 'socket.io';").filter((i) => serverBreaks('realtime/attach.ts', i))).toEqual([]);

		const domain = [
			"import { sql } from '../server/db/statements';",
			"import { commandSchema } from '../realtime/schemas';",
			"import types from '../realtime/schemas';",
			"import * as realtime from '../realtime/schemas';",
			"import { z } from 'zod';"
		];
		for (const line of domain) expect(importsOf(line).filter(domainBreaks), line).toHaveLength(1);
		for (const line of ["import type { Command } from '../realtime/schemas';", "import { PHASES } from './types';"])
			expect(importsOf(line).filter(domainBreaks), line).toEqual([]);
		const later = "export interface Shown {\n\ta: string;\n}\nimport { Server } from 'socket.io';";
		expect(importsOf(later)).toEqual([{ specifier: 'socket.io', typeOnly: false }]);
	});
});
