// @sqlite-only: it checks how a minutes model is rendered; building the model from storage runs on both engines (minutes/model.spec.ts, json.spec.ts, sections/).
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { newFgd } from '$lib/testing/fgd';
import { buildMinutes } from '../model';
import { renderPdf } from '.';

const GROUPS = ['pemerintah', 'akademisi', 'dunia_usaha', 'csr', 'komunitas', 'media', 'lainnya'];
const KINDS = ['kendala', 'peluang', 'rekomendasi'];

/** A ballroom-sized FGD: 300 people, 1,000 cards, 30 action rows. */
async function largeFgd() {
	const fgd = await newFgd();
	const people: Awaited<ReturnType<typeof fgd.join>>[] = [];
	for (let i = 0; i < 300; i++) people.push(await fgd.join(`Peserta ${i + 1}`, GROUPS[i % GROUPS.length], `Instansi ${i % 40}`));
	const items: string[] = [];
	for (let i = 0; i < 1000; i++)
		items.push(await fgd.post(people[i % 300], KINDS[i % 3], `Masukan nomor ${i + 1} tentang penguatan UMKM di desa lingkar tambang`, i % 10 === 0));
	for (let i = 0; i < 30; i++) {
		const row = {
			activity: `Kegiatan tindak lanjut ${i + 1}`,
			output: 'Keluaran',
			indicator: 'Indikator',
			pic: { name: `Penanggung Jawab ${i + 1}`, institution: 'Dinas', group: 'pemerintah' },
			partners: 'Mitra',
			timeframe: '2026',
			funding: 'APBD',
			cost: 1_000_000 * (i + 1),
			status: 'rencana' as const,
			remarks: '',
			issueItemIds: [items[i * 3]],
			recommendationId: items[i * 3 + 2]
		};
		await fgd.run('minutetaker', { type: 'action.save', row });
	}
	return fgd;
}

describe('a large session', () => {
	it('renders every participant, item and action row', { timeout: 120_000 }, async () => {
		const fgd = await largeFgd();
		const bytes = await renderPdf(await buildMinutes(fgd.db, fgd.session.id, 'id'), 'a4');
		const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
		const all = text.replace(/\s+/g, ' ');
		expect(all).toContain('Masukan nomor 1000 tentang');
		expect(all).toContain('Peserta 300');
		expect(all).toContain('Kegiatan tindak lanjut 30');
		expect(all).toContain(`Halaman ${totalPages} dari ${totalPages}`);
		expect(totalPages).toBeGreaterThan(20);
	});
});
