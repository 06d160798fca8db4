import { describe, expect, it } from 'vitest';
import { myData as en } from './en/my-data';
import { myData as id } from './id/my-data';

const placeholders = (table: Record<string, string>) =>
	Object.entries(table).map(([key, value]) => [key, [...value.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort().join(',')]);

describe('"Data saya" text (loaded with its view)', () => {
	it('English has exactly the Indonesian keys, with the same placeholders', () => {
		expect(placeholders(en)).toEqual(placeholders(id));
	});
});
