// @sqlite-only: it checks how a minutes model is rendered; building the model from storage runs on both engines (minutes/model.spec.ts, json.spec.ts, sections/).
/** The DOCX's language, draft mark, paraf boxes, header and sign-off, read back from the package. */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { facilitatedFgd, sampleFgd, withOfficeDetails } from '$lib/testing/fgd';
import { buildMinutes } from '../model';
import { renderDocx } from './index';

const NOW = new Date('2025-10-24T04:30:00Z');
/** Each test renders whole documents; on a busy machine that takes seconds. */
const SLOW = 30_000;

/** The package's parts by name, as text. */
async function partsOf(fgd: Awaited<ReturnType<typeof sampleFgd>>, lang: 'id' | 'en'): Promise<Map<string, string>> {
	const zip = await JSZip.loadAsync(await renderDocx(await buildMinutes(fgd.db, fgd.session.id, lang, NOW)));
	const names = Object.keys(zip.files).filter((name) => name.endsWith('.xml'));
	return new Map(await Promise.all(names.map(async (name) => [name, await zip.file(name)!.async('string')] as [string, string])));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** The text of every paragraph, one a line. */
const textOf = (xml: string) =>
	[...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
		.map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1].replace(/&(\w+);/g, (_, n: string) => ENTITIES[n])).join(''))
		.join('\n');

const partsNamed = (parts: Map<string, string>, pattern: RegExp) => [...parts].filter(([name]) => pattern.test(name)).map(([, xml]) => xml);

describe('DOCX language', { timeout: SLOW }, () => {
	it('declares Indonesian or British English as the document language, so Word checks the right spelling', async () => {
		const fgd = await sampleFgd();
		expect((await partsOf(fgd, 'id')).get('word/styles.xml')).toMatch(/<w:rPrDefault>[\s\S]*<w:lang w:val="id-ID"/);
		expect((await partsOf(fgd, 'en')).get('word/styles.xml')).toMatch(/<w:rPrDefault>[\s\S]*<w:lang w:val="en-GB"/);
	});
});

describe('DOCX of provisional minutes', { timeout: SLOW }, () => {
	it('puts the draft notice and a DRAF watermark in the header of every section', async () => {
		const parts = await partsOf(await withOfficeDetails(await facilitatedFgd('id', { close: false })), 'id');
		const document = parts.get('word/document.xml')!;
		const sections = document.match(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)!;
		// Portrait, the landscape action plan, portrait again: each names a header.
		expect(sections).toHaveLength(3);
		for (const section of sections) expect(section).toMatch(/<w:headerReference w:type="default"/);
		const headers = partsNamed(parts, /^word\/header\d*\.xml$/);
		expect(headers.length).toBeGreaterThanOrEqual(1);
		for (const header of headers) {
			expect(textOf(header)).toContain('DRAF — notulen sementara, belum final');
			expect(header).toMatch(/<v:textpath [^>]*string="DRAF"/);
		}
		expect(textOf(document)).toContain('Notulen ini masih berupa draf dan belum final');
	});
});

describe('DOCX of closed minutes', { timeout: SLOW }, () => {
	it('has no draft header', async () => {
		const parts = await partsOf(await facilitatedFgd(), 'en');
		expect(parts.get('word/document.xml')).not.toMatch(/<w:headerReference/);
		for (const xml of parts.values()) expect(xml).not.toMatch(/DRAFT?\b/);
	});

	it('prints the number under the title, the time range, the signers’ pangkat/golongan and the tembusan', async () => {
		const document = textOf((await partsOf(await withOfficeDetails(await facilitatedFgd()), 'id')).get('word/document.xml')!);
		expect(document).toContain('NOTULEN FOCUS GROUP DISCUSSION\nNomor: 005/214/DPMD/X/2025');
		expect(document).toContain(': pukul 09.05 – 12.30 WITA');
		expect(document).toContain('Tenggarong, 24 Oktober 2025');
		expect(document).toContain('Ir. Bambang Sutrisno, M.Si.\nPembina Tk. I (IV/b)\nNIP 19700512 199803 1 004');
		expect(document).toContain('Rudi Hartono\nPenata Muda (III/a)\nNIP 19900303 201503 1 002');
		expect(document).toContain('Tembusan:\n1. Bupati Kutai Kartanegara (sebagai laporan)\n2. Kepala Bappeda Kutai Kartanegara');
	});

	it('puts a paraf table in the footer of every section, and none when no paraf is asked for', async () => {
		const footers = partsNamed(await partsOf(await withOfficeDetails(await facilitatedFgd()), 'id'), /^word\/footer\d*\.xml$/);
		expect(footers).toHaveLength(3);
		for (const footer of footers) {
			expect(footer).toContain('<w:tbl>');
			expect(textOf(footer)).toMatch(/^Paraf\nKasubbag Umum\nKabid PEM\n/);
		}
		for (const footer of partsNamed(await partsOf(await facilitatedFgd(), 'id'), /^word\/footer\d*\.xml$/)) expect(footer).not.toContain('Paraf');
	});

	it('explains NIP once in English, and says which recommendation each action row carries out', async () => {
		const document = textOf((await partsOf(await facilitatedFgd(), 'en')).get('word/document.xml')!);
		expect(document.split('civil-servant identification number')).toHaveLength(2);
		expect(document).toContain('Issue\nRecommendation\nActivity');
		expect(document).toContain('Not yet linked to any constraint.');
	});
});
