// @sqlite-only: it checks how a minutes model is rendered; building the model from storage runs on both engines (minutes/model.spec.ts, json.spec.ts, sections/).
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCsv } from '../csv';
import { facilitatedFgd, newFgd, sampleFgd } from '$lib/testing/fgd';
import { renderMarkdown } from '../markdown';
import { buildMinutes, type Minutes } from '../model';
import { renderXlsx } from '../xlsx';
import { renderDocx } from './index';

const NOW = new Date('2025-10-24T04:30:00Z');
const PNG_MAGIC = '89504e470d0a1a0a';
const LOGO = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

interface Opened {
	zip: JSZip;
	xml: string;
	/** Paragraphs in order: their style (or '') and their text. */
	paragraphs: { style: string; text: string }[];
}

async function open(buffer: Buffer): Promise<Opened> {
	const zip = await JSZip.loadAsync(buffer);
	const xml = await zip.file('word/document.xml')!.async('string');
	const paragraphs = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
		const body = m[1] ?? m[2];
		return { style: /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? '', text: textOf(body) };
	});
	return { zip, xml, paragraphs };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const textOf = (xml: string) =>
	[...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1].replace(/&(\w+);/g, (_, n: string) => ENTITIES[n])).join('');

/** The text under the heading `title` up to the next heading of the same or a higher level. */
function section({ paragraphs }: Opened, title: string): string {
	const start = paragraphs.findIndex((p) => p.style.startsWith('Heading') && p.text === title);
	expect(start, title).toBeGreaterThanOrEqual(0);
	const level = paragraphs[start].style;
	const end = paragraphs.findIndex((p, i) => i > start && p.style.startsWith('Heading') && p.style <= level);
	return paragraphs
		.slice(start + 1, end === -1 ? undefined : end)
		.map((p) => p.text)
		.join('\n');
}

/** The Markdown outline as Word styles: `##` is Heading 1, `###` Heading 2, `####` Heading 3. */
const outline = (md: string) =>
	md
		.split('\n')
		.filter((l) => /^#{2,4} /.test(l))
		.map((l) => `Heading${l.indexOf(' ') - 1} ${l.slice(l.indexOf(' ') + 1)}`);

let fgd: Awaited<ReturnType<typeof facilitatedFgd>>;
let minutes: { id: Minutes; en: Minutes };
let id: Opened;
let en: Opened;

beforeAll(async () => {
	fgd = await facilitatedFgd();
	minutes = { id: await buildMinutes(fgd.db, fgd.session.id, 'id', NOW), en: (await buildMinutes(fgd.db, fgd.session.id, 'en', NOW)) };
	id = await open(await renderDocx(minutes.id));
	en = await open(await renderDocx(minutes.en, { paper: 'f4' }));
});

describe('DOCX minutes', () => {
	it('has the sections of the Markdown minutes, in order, in Word heading styles (id and en)', async () => {
		for (const [doc, lang] of [[id, 'id'], [en, 'en']] as const) {
			const headings = doc.paragraphs.filter((p) => p.style.startsWith('Heading')).map((p) => `${p.style} ${p.text}`);
			expect(headings).toEqual(outline(renderMarkdown(minutes[lang])));
		}
		expect(en.paragraphs.find((p) => p.style === 'Heading1')?.text).toBe('Event Details');
		const styles = await id.zip.file('word/styles.xml')!.async('string');
		for (const style of ['Heading1', 'Heading2', 'Heading3']) expect(styles).toContain(`w:styleId="${style}"`);
	});

	it('lists the attendance with a signature column, one row per participant under a repeating header', async () => {
		const attendance = id.xml.slice(id.xml.indexOf('Daftar Hadir'), id.xml.indexOf('Daftar Masukan dan Hasil'));
		expect(attendance.match(/<w:tr>|<w:tr /g)).toHaveLength(minutes.id.attendance.total + 1);
		expect(attendance).toContain('<w:tblHeader/>');
		expect(textOf(attendance)).toContain('NoNamaJabatanInstansiKelompokTanda tangan');
		expect(section(id, 'Identitas Kegiatan')).toContain(': 5 orang');
	});

	it('shows a known item with its votes and a recommendation with the constraint it addresses', async () => {
		expect(section(id, 'Permodalan')).toContain(
			'1. Akses modal usaha sulit tanpa agunanOleh: Siti Rahmawati – Dinas Koperasi dan UKM – Pemerintah (OPD / kecamatan / desa); Yusuf Hidayat – Kecamatan Loa Kulu – Pemerintah (OPD / kecamatan / desa) · 4 suara · gabungan dari 2 masukan'
		);
		const recommendations = section(id, 'Rekomendasi');
		expect(recommendations).toContain('1. Skema kredit lunak berbasis kelompok dengan pendampingan kampus');
		expect(recommendations).toContain('Kendala yang dijawab: Akses modal usaha sulit tanpa agunan');
		expect(section(en, 'Recommendations')).toContain('Constraints addressed: Pemasaran produk masih terbatas di pasar lokal');
	});

	it('prints an action row with every field', async () => {
		const plan = section(id, 'Rencana Tindak Lanjut');
		const a = minutes.id.actionPlan[0];
		const fields = [a.activity, a.output, a.indicator, a.picText, a.partners, a.timeframe, a.funding, 'Rp 150.000.000', 'Berjalan', a.remarks];
		const recommendation = 'Skema kredit lunak berbasis kelompok dengan pendampingan kampus';
		expect(plan).toContain(['1', 'Akses modal usaha sulit tanpa agunan', recommendation, ...fields].join('\n'));
		expect(section(en, 'Follow-up Action Plan')).toContain('Rp 150,000,000\nIn progress');
	});

	it('keeps an anonymous author out of everything but the attendance list', async () => {
		for (const doc of [id, en]) {
			expect(doc.xml.split('Rini Anggraini')).toHaveLength(2);
			expect(doc.xml.split('Kelompok Tani')).toHaveLength(2);
		}
		expect(section(id, 'Daftar Hadir')).toContain('Rini Anggraini');
	});

	it('leaves room to sign for the chair and the minute-taker', async () => {
		const signOff = section(id, 'Pengesahan');
		// Roles and positions in one row, the room to sign and the names in the next, so the names line up.
		const roles = 'Kutai Kartanegara, 24 Oktober 2025\nMengetahui,\nPimpinan Rapat,\nKepala DPMD Kutai Kartanegara\n\nNotulis,\nStaf Bidang Ekonomi';
		const names = '\n\n\n\nIr. Bambang Sutrisno, M.Si.\nNIP 19700512 199803 1 004\n\n\n\n\nRudi Hartono\nNIP 19900303 201503 1 002';
		expect(signOff).toContain(`${roles}\n${names}`);
	});

	it('numbers the pages in the footer', async () => {
		const footers = await Promise.all(Object.keys(id.zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f)).map((f) => id.zip.file(f)!.async('string')));
		const footer = footers.join('');
		expect(footer).toMatch(/Halaman[\s\S]*PAGE[\s\S]*dari[\s\S]*NUMPAGES/);
		expect(textOf(footers.join(''))).toContain('Nomor telepon disamarkan');
	});

	it('sizes the page A4 by default and F4 (215 × 330 mm) on request', async () => {
		expect(id.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
		// 215 mm = 215 / 25.4 × 1440 twips = 12189; 330 mm = 18709.
		expect(en.xml).toMatch(/<w:pgSz w:w="12189" w:h="18709"/);
	});

	it('gives the action plan a landscape page of its own, between portrait ones', async () => {
		// Word closes a section with its properties (w:sectPr): the plan lies between the first and the second.
		const ends = [...id.xml.matchAll(/<w:sectPr\b/g)].map((m) => m.index);
		const orientations = [...id.xml.matchAll(/<w:pgSz [^>]*>/g)].map((m) => (m[0].includes('landscape') ? 'landscape' : 'portrait'));
		expect(orientations).toEqual(['portrait', 'landscape', 'portrait']);
		expect(id.xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
		const at = (text: string) => id.xml.indexOf(`>${text}</w:t>`);
		expect(at('Rekomendasi')).toBeLessThan(ends[0]);
		expect(at('Rencana Tindak Lanjut')).toBeGreaterThan(ends[0]);
		expect(at('Rencana Tindak Lanjut')).toBeLessThan(ends[1]);
		expect(at('Penutup')).toBeGreaterThan(ends[1]);
	});

	it('heads the narrow group columns with short labels turned upright, so no word breaks', async () => {
		const matrix = id.xml.slice(id.xml.indexOf('>Masukan per Kelompok Pemangku Kepentingan<'), id.xml.indexOf('>Suara per Kelompok Pemangku Kepentingan<'));
		const turned = [...matrix.matchAll(/<w:tc>(?:(?!<\/w:tc>)[\s\S])*?<w:textDirection w:val="btLr"\/>[\s\S]*?<\/w:tc>/g)].map((m) => textOf(m[0]));
		expect(turned.slice(0, 3)).toEqual(['Pemerintah', 'Akademisi', 'Dunia Usaha']);
		expect(turned.at(-1)).toBe('Total');
		expect(matrix).not.toContain('Pemerintah (OPD');
	});

	it('embeds the two charts as PNG images', async () => {
		const media = Object.keys(id.zip.files).filter((f) => f.startsWith('word/media/'));
		expect(media).toHaveLength(2);
		for (const file of media) {
			const png = await id.zip.file(file)!.async('nodebuffer');
			expect(png.subarray(0, 8).toString('hex')).toBe(PNG_MAGIC);
			expect(png.length).toBeGreaterThan(5_000);
		}
		expect(id.xml.match(/<w:drawing>/g)).toHaveLength(2);
	});

	it('puts the letterhead with its logo and a rule above the title', async () => {
		const small = await sampleFgd();
		const letterhead = { office: 'PEMERINTAH KABUPATEN KUTAI KARTANEGARA\nDINAS PEMBERDAYAAN MASYARAKAT DAN DESA', address: 'Jl. Contoh No. 1, Tenggarong', phone: '(0541) 661234', email: 'dpmd@example.go.id', website: 'dpmd.example.go.id', logo: `data:image/png;base64,${LOGO}` };
		await small.run('facilitator', { type: 'session.details', details: { letterhead } });
		const doc = await open(await renderDocx(await buildMinutes(small.db, small.session.id, 'id', NOW)));
		const top = doc.paragraphs.slice(0, 6).map((p) => p.text);
		expect(top.slice(1, 5)).toEqual([
			'PEMERINTAH KABUPATEN KUTAI KARTANEGARA',
			'DINAS PEMBERDAYAAN MASYARAKAT DAN DESA',
			'Jl. Contoh No. 1, Tenggarong',
			'Telp. (0541) 661234 · E-mail: dpmd@example.go.id · dpmd.example.go.id'
		]);
		expect(doc.xml.indexOf('PEMERINTAH KABUPATEN')).toBeLessThan(doc.xml.indexOf('NOTULEN FOCUS GROUP DISCUSSION'));
		expect(doc.xml).toMatch(/<w:bottom w:val="thickThinSmallGap"/);
		// No vote yet, so no vote chart: the logo and the attendance chart.
		const media = Object.keys(doc.zip.files).filter((f) => f.startsWith('word/media/'));
		const images = await Promise.all(media.map((f) => doc.zip.file(f)!.async('base64')));
		expect(images).toHaveLength(2);
		expect(images).toContain(LOGO);
	});

	it('renders a session nobody has joined yet, with every heading and its placeholders', async () => {
		const fresh = await newFgd();
		const minutes = await buildMinutes(fresh.db, fresh.session.id, 'id', NOW);
		expect(minutes.items).toHaveLength(0);
		const doc = await open(await renderDocx(minutes));
		expect(doc.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toContain('Lampiran');
		expect(section(doc, 'Daftar Hadir')).toBe('Belum ada peserta.');
		expect(doc.xml).not.toContain('landscape');
		expect((await renderXlsx(minutes)).subarray(0, 2).toString()).toBe('PK');
		expect(renderCsv(minutes)).toBe('\uFEFFNo;Jenis;Tema;Masukan;Oleh;Kelompok;Suara;Didukung (peserta)\r\n');
	});
});
