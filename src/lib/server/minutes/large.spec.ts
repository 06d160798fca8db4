// @sqlite-only: it checks how a minutes model is rendered; building the model from storage runs on both engines (minutes/model.spec.ts, json.spec.ts, sections/).
/**
 * A large session through every format: 1,000 items, 300 participants, 30 action rows. It checks
 * the output is complete, so a slow path cannot hide a truncated file; how long each format takes
 * is measured by `npm run bench -- --only export`.
 */
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCsv } from './csv';
import { renderDocx } from './docx';
import { newFgd, type Fgd } from '$lib/testing/fgd';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { buildMinutes, type Minutes } from './model';
import { renderXlsx } from './xlsx';

const GROUPS = ['pemerintah', 'akademisi', 'dunia_usaha', 'csr', 'komunitas', 'media', 'lainnya'];
const KINDS = ['kendala', 'peluang', 'rekomendasi'];
const WORDS = ['akses modal', 'jalan desa', 'pemasaran daring', 'pelatihan', 'air bersih', 'lahan bekas tambang', 'koperasi', 'CSR'];

let fgd: Fgd;
let minutes: Minutes;

beforeAll(async () => {
	fgd = await newFgd();
	const people: Awaited<ReturnType<typeof fgd.join>>[] = [];
	for (let i = 0; i < 300; i++) people.push(await fgd.join(`Peserta ${i + 1}`, GROUPS[i % GROUPS.length], `Instansi ${i % 40}`));
	await fgd.run('facilitator', { type: 'phase.set', phase: 'writing' });
	const ids: string[] = [];
	for (let i = 0; i < 1000; i++)
		ids.push(await fgd.post(people[i % 300], KINDS[i % 3], `Masukan ${i + 1}: ${WORDS[i % WORDS.length]} perlu ditangani bersama`, i % 10 === 0));
	await fgd.run('facilitator', { type: 'phase.set', phase: 'voting' });
	for (const [i, who] of people.entries()) {
		await fgd.run(who, { type: 'vote.set', targetId: ids[(i * 7) % 60], count: 3 });
		await fgd.run(who, { type: 'vote.set', targetId: ids[(i * 11 + 2) % 90], count: 2 });
	}
	await fgd.run('facilitator', { type: 'phase.set', phase: 'action' });
	for (let i = 0; i < 30; i++) {
		const row = { activity: `Kegiatan ${i + 1}`, issueItemIds: [ids[i * 3]], recommendationId: ids[i * 3 + 2], cost: 1_000_000 * (i + 1), funding: 'APBD' };
		await fgd.run('minutetaker', { type: 'action.save', row });
	}
	minutes = await buildMinutes(fgd.db, fgd.session.id, 'id');
}, 120_000);

describe('a large session', { timeout: 60_000 }, () => {
	it('builds the model', async () => {
		const model = await buildMinutes(fgd.db, fgd.session.id, 'id');
		expect(model.items).toHaveLength(1000);
		expect(model.attendance.total).toBe(300);
		expect(model.actionPlan).toHaveLength(30);
	});

	it('renders Markdown, JSON and CSV in full', async () => {
		expect(renderMarkdown(minutes).match(/^\| \d+ \| (Kendala|Peluang|Rekomendasi) \|/gm)).toHaveLength(1000);
		expect(JSON.parse(renderJson(minutes)).items).toHaveLength(1000);
		expect(renderCsv(minutes).trim().split('\r\n')).toHaveLength(1001);
	});

	it('renders the XLSX in full', async () => {
		const zip = await JSZip.loadAsync(await renderXlsx(minutes));
		const items = await zip.file('xl/worksheets/sheet3.xml')!.async('string');
		expect(items.match(/<row /g)).toHaveLength(1001);
		const plan = await zip.file('xl/worksheets/sheet7.xml')!.async('string');
		expect(plan.match(/<row /g)).toHaveLength(31);
	});

	it('renders the DOCX in full', async () => {
		const zip = await JSZip.loadAsync(await renderDocx(minutes));
		const xml = await zip.file('word/document.xml')!.async('string');
		expect(xml).toContain('Masukan 1000: ');
		expect(xml).toContain('Peserta 300');
		expect(xml).toContain('Kegiatan 30');
		expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(2);
	});
});
