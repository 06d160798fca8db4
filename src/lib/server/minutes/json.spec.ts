import { describe, expect, it } from 'vitest';
import { facilitatedFgd, sampleFgd } from '$lib/testing/fgd';
import { renderJson, type MinutesDocument } from './json';
import { buildMinutes } from './model';

const NOW = new Date('2025-10-24T04:30:00Z');

async function json(lang: 'id' | 'en', given?: Awaited<ReturnType<typeof sampleFgd>>) {
	const fgd = given ?? (await sampleFgd());
	const text = renderJson(await buildMinutes(fgd.db, fgd.session.id, lang, NOW));
	return { text, document: JSON.parse(text) as MinutesDocument };
}

describe('renderJson', () => {
	it('starts with the schema version, the time it was made and its language', async () => {
		const { document } = await json('en');
		expect(Object.keys(document)).toEqual([
			'schemaVersion',
			'generatedAt',
			'lang',
			'session',
			'details',
			'attendance',
			'privacy',
			'proceedings',
			'themes',
			'findings',
			'matrix',
			'votes',
			'recommendations',
			'links',
			'actionPlan',
			'signOff',
			'items',
			'documentation',
			'attachments'
		]);
		expect(document).toMatchObject({ schemaVersion: 2, generatedAt: '2025-10-24T04:30:00.000Z', lang: 'en' });
		expect(document.session.title).toBe('FGD Penguatan UMKM Pascatambang');
	});

	it('labels groups and kinds in the chosen language', async () => {
		const { document } = await json('id');
		expect(document.attendance.byGroup[0]).toEqual({ group: 'pemerintah', label: 'Pemerintah (OPD / kecamatan / desa)', shortLabel: 'Pemerintah', count: 2 });
		expect(document.findings.map((f) => f.label)).toEqual(['Kendala', 'Peluang']);
		expect(document.recommendations?.label).toBe('Rekomendasi');
		expect(document.findings[0].groups[0].items[0].attribution).toBe(
			'Siti Rahmawati – Dinas Koperasi dan UKM – Pemerintah (OPD / kecamatan / desa)'
		);
	});

	it('says nothing about who wrote an anonymous item', async () => {
		const fgd = await sampleFgd();
		const { text, document } = await json('id', fgd);
		const item = document.items.find((i) => i.anonymous)!;
		expect(item).toMatchObject({ author: null, attribution: 'anonim' });
		// Rini wrote only that item: her name may appear once, in the attendance list, and her id never.
		expect(text.split('Rini Anggraini').length - 1).toBe(1);
		expect(JSON.stringify({ ...document, attendance: null })).not.toContain('Rini');
		expect(text).not.toContain(fgd.people.rini.id);
	});

	it('masks phones and leaves deleted items out', async () => {
		const { text } = await json('id');
		expect(text).toContain('Koperasi Amplang, WA 0812-xxxx-xx90');
		expect(text).not.toContain('3456');
		expect(text).not.toContain('kemudian dihapus');
	});

	it('carries every result of the facilitation, in both languages', async () => {
		const fgd = await facilitatedFgd();
		const text = renderJson(await buildMinutes(fgd.db, fgd.session.id, 'en', NOW));
		const document = JSON.parse(text) as MinutesDocument;
		expect(document.details.chair.nip).toBe('19700512 199803 1 004');
		expect(document.proceedings.timeline.map((t) => t.phase)).toEqual(['writing', 'grouping', 'voting', 'discussion', 'action', 'closed']);
		expect(document.proceedings.phases.flatMap((p) => p.notes.map((n) => n.kind))).toEqual(['note', 'quote']);
		expect(document.themes.map((t) => t.name)).toEqual(['Permodalan', 'Pemasaran']);
		expect(document.votes.targets[0].byGroup.find((g) => g.group === 'pemerintah')).toEqual({ group: 'pemerintah', label: 'Government', shortLabel: 'Government', count: 3 });
		expect(document.links).toContainEqual({ recommendationId: fgd.ids.kredit, targetId: fgd.ids.modal });
		expect(document.actionPlan[0]).toMatchObject({ cost: 150000000, costText: 'Rp 150,000,000', status: 'berjalan' });
		expect(document.signOff).toEqual({ place: 'Kutai Kartanegara', date: '24 October 2025' });
		const id = JSON.parse(renderJson(await buildMinutes(fgd.db, fgd.session.id, 'id', NOW))) as MinutesDocument;
		expect(id.proceedings.timeline[0].label).toBe('Penulisan masukan secara mandiri');
		expect(id.actionPlan[0].statusLabel).toBe('Berjalan');
	});

	it('names no participant by id, never says who placed which dot, and drops hidden and merged items', async () => {
		const fgd = await facilitatedFgd();
		const text = renderJson(await buildMinutes(fgd.db, fgd.session.id, 'id', NOW));
		for (const person of Object.values(fgd.people)) expect(text).not.toContain(person.id);
		expect(text).not.toContain('participantId');
		for (const gone of ['Jual pulsa', 'Modal usaha sulit diakses', fgd.ids.spam, fgd.ids.duplicate]) expect(text).not.toContain(gone);
	});
});
