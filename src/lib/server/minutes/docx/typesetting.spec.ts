// @sqlite-only: it checks how a minutes model is rendered; building the model from storage runs on both engines (minutes/model.spec.ts, json.spec.ts, sections/).
/**
 * The DOCX as Word and LibreOffice set it: columns at least as wide as their longest word in
 * Arial (a word of 48.9 pt in a 45.9 pt cell breaks in Word too) or hyphenated at a syllable,
 * the logo in its own proportions, daftar hadir rows that never split and leave room to sign,
 * and, through LibreOffice where it is installed, no broken word, no overlap and no blank page.
 */
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellTexts } from '$lib/testing/cell-texts';
import { documentedFgd } from '$lib/testing/documented-fgd';
import { LOGO_PIXELS, lateFgd } from '$lib/testing/late-fgd';
import { brokenLineEnds, docxToPdf, hasLibreOffice, overlapping, runsOf } from '$lib/testing/typesetting';
import { photoBytes } from '..';
import { pieces } from '../fit/hyphenate';
import { arialWidth } from '../fit/metrics';
import { WORDS } from '../md/words';
import { buildMinutes, type Minutes } from '../model';
import type { Paper } from '../paper';
import { renderDocx } from '.';

const NOW = new Date('2025-10-26T01:00:00Z');
const CASES = [
	['id', 'a4'],
	['id', 'f4'],
	['en', 'a4'],
	['en', 'f4']
] as const;

const made = new Map<string, { minutes: Minutes; docx: Buffer; xml: string }>();

beforeAll(async () => {
	for (const lang of ['id', 'en'] as const) {
		const fgd = await lateFgd(lang);
		const minutes = await buildMinutes(fgd.db, fgd.session.id, lang, NOW);
		for (const paper of ['a4', 'f4'] as Paper[]) {
			const docx = await renderDocx(minutes, { paper });
			const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
			made.set(`${lang}-${paper}`, { minutes, docx, xml });
		}
	}
}, 120_000);

/** A cell's text with Word's soft hyphens as U+00AD, and its font size in points. */
function cellsOf(row: string): { text: string; size: number; bold: boolean; upright: boolean }[] {
	return [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, tc]) => ({
		text: [...tc.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:softHyphen\/>/g)].map((m) => (m[0] === '<w:softHyphen/>' ? '\u00ad' : m[1])).join(''),
		size: Number(/<w:sz w:val="(\d+)"/.exec(tc)?.[1] ?? 22) / 2,
		bold: tc.includes('<w:b/>'),
		upright: tc.includes('w:textDirection')
	}));
}

/** Words of fixed-layout table cells wider than their column, in Arial, less the cells' 8 pt of padding. */
function tooWide(xml: string): string[] {
	const found: string[] = [];
	for (const [table] of xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)) {
		if (!table.includes('<w:tblLayout w:type="fixed"/>')) continue;
		const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]) / 20);
		for (const [row] of table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)) {
			cellsOf(row).forEach(({ text, size, bold, upright }, col) => {
				if (upright) return;
				for (const word of text.split(/\s+/).filter(Boolean)) {
					const parts = word.includes('\u00ad') ? pieces(word.replace(/\u00ad/g, '')).map((p, i, all) => (i < all.length - 1 ? `${p}-` : p)) : [word];
					for (const part of parts) if (arialWidth(part, size, bold) + 8 > grid[col]) found.push(`${word} (${arialWidth(part, size, bold).toFixed(1)} pt in ${(grid[col] - 8).toFixed(1)} pt)`);
				}
			});
		}
	}
	return found;
}

describe.each(CASES)('DOCX typesetting (%s, %s)', (lang, paper) => {
	const get = () => made.get(`${lang}-${paper}`)!;

	it('sizes every column of a table for its longest word in Arial, or hyphenates it', async () => {
		const { xml } = get();
		expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
		expect(tooWide(xml)).toEqual([]);
	});

	it('keeps the logo in the uploaded proportions', async () => {
		const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(get().xml)!;
		expect(Number(cx) / Number(cy)).toBeCloseTo(LOGO_PIXELS.width / LOGO_PIXELS.height, 2);
	});

	it('keeps each daftar hadir row whole on a page, at least 1 cm tall', async () => {
		const signature = WORDS[lang].peopleColumns.signature;
		const table = [...get().xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([t]) => t).find((t) => t.includes(`>${signature}<`))!;
		const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map(([r]) => r).filter((r) => !r.includes('<w:tblHeader/>'));
		expect(rows.length).toBeGreaterThan(3);
		for (const row of rows) {
			expect(row).toContain('<w:cantSplit/>');
			expect(Number(/<w:trHeight w:val="(\d+)"/.exec(row)?.[1])).toBeGreaterThanOrEqual(567);
		}
	});
});

const office = hasLibreOffice();

describe.skipIf(!office)('DOCX as LibreOffice prints it', () => {
	it.each(CASES)('%s on %s: no broken word in a cell, no text over text, no blank last page', async (lang, paper) => {
		const { minutes, docx } = made.get(`${lang}-${paper}`)!;
		const pages = await runsOf(docxToPdf(docx));
		expect(brokenLineEnds(pages, cellTexts(minutes))).toEqual([]);
		expect(overlapping(pages).map(([a, b]) => `p${a.page}: "${a.text}" × "${b.text}"`)).toEqual([]);
		expect(bodyText(pages[pages.length - 1], lang)).not.toEqual([]);
	}, 180_000);

	it('ends the minutes with their dokumentasi, with no blank page after it', async () => {
		const fgd = await documentedFgd('id');
		const minutes = await buildMinutes(fgd.db, fgd.session.id, 'id', NOW);
		const pages = await runsOf(docxToPdf(await renderDocx(minutes, { photos: await photoBytes(fgd.db, fgd.session.id, minutes) })));
		expect(bodyText(pages[pages.length - 1], 'id').join(' ')).toContain('Diskusi kelompok');
	}, 180_000);
});

/** A page's text less what every page carries: the draft mark, the page number, the footer, the paraf. */
function bodyText(runs: { text: string }[], lang: 'id' | 'en'): string[] {
	const furniture = lang === 'id' ? /^(DRAF|Halaman \d|Notulen ini dibuat|Paraf)/ : /^(DRAFT|Page \d|These minutes were|Initials)/;
	return runs.map((r) => r.text.trim()).filter((t) => t && !furniture.test(t));
}

if (!office) console.warn('libreoffice is not installed: the DOCX-through-LibreOffice checks are skipped.');
