/**
 * Test helpers stay out of the product: no source file other than a spec (or a helper here)
 * may import from src/lib/testing or from vitest, so none of it can reach a bundle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const TESTING = join(ROOT, 'src/lib/testing');
const SOURCE = /\.(ts|js|svelte)$/;
const SPEC = /\.spec\.ts$/;

/** Every module specifier the file imports: static, side-effect, re-export and dynamic imports. */
function specifiers(source: string): string[] {
	const found = source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g);
	return [...found].map((m) => m[1]);
}

/** What in `source` (the text of the file at `path`) a production file may not import. */
export function forbiddenImports(path: string, source: string): string[] {
	return specifiers(source).filter((specifier) => {
		if (specifier === 'vitest' || specifier.startsWith('vitest/') || specifier.startsWith('@vitest/')) return true;
		if (specifier === '$lib/testing' || specifier.startsWith('$lib/testing/')) return true;
		if (!specifier.startsWith('.')) return false;
		const target = resolve(dirname(path), specifier);
		return target === TESTING || target.startsWith(`${TESTING}/`);
	});
}

function productionFiles(): string[] {
	const files: string[] = [];
	for (const top of ['src', 'server']) {
		for (const name of readdirSync(join(ROOT, top), { recursive: true, encoding: 'utf8' })) {
			const path = join(ROOT, top, name);
			if (SOURCE.test(path) && !SPEC.test(path) && !path.startsWith(`${TESTING}/`)) files.push(path);
		}
	}
	return files;
}

describe('production code', () => {
	it('imports neither the test helpers nor vitest', () => {
		const files = productionFiles();
		expect(files.length).toBeGreaterThan(100);
		const offending = files.flatMap((path) => forbiddenImports(path, readFileSync(path, 'utf8')).map((s) => `${relative(ROOT, path)}: ${s}`));
		expect(offending).toEqual([]);
	});

	it('the check itself catches every way of importing them', () => {
		const path = join(ROOT, 'src/lib/server/items.ts');
		const offending = [
			"import { vi } from 'vitest';",
			"import { addItem } from '../testing/server';",
			"import { item } from '$lib/testing/board';",
			"export { random } from '../testing/random';",
			"const fgd = await import('../testing/fgd');",
			"import '../testing';"
		];
		for (const line of offending) expect(forbiddenImports(path, line), line).toHaveLength(1);
		for (const line of ["import { sql } from './db/statements';", "import { x } from './testing-utils';", "import { z } from 'zod';"])
			expect(forbiddenImports(path, line), line).toEqual([]);
	});
});
