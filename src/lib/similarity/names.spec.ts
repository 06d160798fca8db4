import { describe, expect, it } from 'vitest';
import { SAMPLE_ITEMS } from '$lib/testing/sample-cards';
import { suggestGroups } from './groups';
import { themeName } from './names';
import { createIndex } from './search';

const index = createIndex(SAMPLE_ITEMS);
const groups = suggestGroups(index);
const entries = (ids: string[]) => ids.map((id) => SAMPLE_ITEMS.find((e) => e.id === id)!);
const nameOf = (id: string) => themeName(index, entries(groups.find((g) => g.includes(id))!));

describe('themeName', () => {
	it('names a group by a noun phrase from its own words, not a list of keywords', () => {
		expect(nameOf('digital-1')).toBe('Pemasaran digital');
		// "bekas tambang" is "pascatambang" in the thesaurus, and income-1 ("setelah tambang
		// berhenti") now says it too, so the fish farming all three cards share names the group.
		expect(nameOf('lahan-1')).toBe('Budidaya ikan');
		expect(nameOf('modal-1')).toBe('Akses modal usaha');
		expect(nameOf('csr-1')).toBe('Program CSR perusahaan');
		for (const group of groups) expect(themeName(index, entries(group))).not.toContain(',');
	});

	it('never starts with a verb or a word of lack, and keeps at most three words', () => {
		const cards = [
			{ id: '1', text: 'Belum memanfaatkan pemasaran digital untuk produk desa' },
			{ id: '2', text: 'memanfaatkan pemasaran digital lewat medsos' }
		];
		expect(themeName(createIndex(cards), cards)).toBe('Pemasaran digital');
		const long = [
			{ id: '1', text: 'Jaringan irigasi tersier desa rusak' },
			{ id: '2', text: 'Perbaikan jaringan irigasi tersier desa' }
		];
		expect(themeName(createIndex(long), long)).toBe('Jaringan irigasi tersier');
	});

	it('prefers the words this group shares over words the whole board uses', () => {
		// "UMKM" is on many cards; "manajemen" only on these two.
		expect(nameOf('skill-1')).toBe('Manajemen usaha');
	});

	it('keeps acronyms as typed and capitalises a lower-case start', () => {
		const cards = [
			{ id: 'a', text: 'koordinasi CSR belum jalan' },
			{ id: 'b', text: 'forum koordinasi CSR tiap triwulan' }
		];
		expect(themeName(createIndex(cards), cards)).toBe('Koordinasi CSR');
	});

	it('gives an empty name when the items share no word that can head one', () => {
		const cards = [
			{ id: 'x', text: 'Sulit sekali' },
			{ id: 'y', text: 'Belum ada' }
		];
		expect(themeName(createIndex(cards), cards)).toBe('');
	});
});
