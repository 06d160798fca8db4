import { describe, expect, it } from 'vitest';
import { sampleFgd } from './fixture';
import { renderJson, type MinutesDocument } from './json';
import { buildMinutes } from './model';

const NOW = new Date('2025-10-24T04:30:00Z');

function json(lang: 'id' | 'en', fgd = sampleFgd()) {
	const text = renderJson(buildMinutes(fgd.db, fgd.session.id, lang, NOW));
	return { text, document: JSON.parse(text) as MinutesDocument };
}

describe('renderJson', () => {
	it('starts with the schema version, the time it was made and its language', () => {
		const { document } = json('en');
		expect(Object.keys(document)).toEqual(['schemaVersion', 'generatedAt', 'lang', 'session', 'attendance', 'findings']);
		expect(document).toMatchObject({ schemaVersion: 1, generatedAt: '2025-10-24T04:30:00.000Z', lang: 'en' });
		expect(document.session.title).toBe('FGD Penguatan UMKM Pascatambang');
	});

	it('labels groups and kinds in the chosen language', () => {
		const { document } = json('id');
		expect(document.attendance.byGroup[0]).toEqual({ group: 'pemerintah', label: 'Pemerintah (OPD / kecamatan / desa)', count: 2 });
		expect(document.findings.map((f) => f.label)).toEqual(['Kendala', 'Peluang', 'Rekomendasi']);
		expect(document.findings[0].items[0].attribution).toBe(
			'Siti Rahmawati – Dinas Koperasi dan UKM – Pemerintah (OPD / kecamatan / desa)'
		);
	});

	it('says nothing about who wrote an anonymous item', () => {
		const fgd = sampleFgd();
		const { text, document } = json('id', fgd);
		const item = document.findings[0].items.find((i) => i.anonymous)!;
		expect(item).toMatchObject({ author: null, attribution: 'anonim' });
		// Rini wrote only that item: her name may appear once, in the attendance list, and her id never.
		expect(text.split('Rini Anggraini').length - 1).toBe(1);
		expect(JSON.stringify(document.findings)).not.toContain('Rini');
		expect(text).not.toContain(fgd.people.rini.id);
	});

	it('masks phones and leaves deleted items out', () => {
		const { text } = json('id');
		expect(text).toContain('Koperasi Amplang, WA 0812-xxxx-xx90');
		expect(text).not.toContain('3456');
		expect(text).not.toContain('kemudian dihapus');
	});
});
