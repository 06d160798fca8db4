/**
 * The appendix's item table and the action plan get their cells from one place, so the
 * Markdown, PDF and DOCX print an item without a theme, or an empty plan field, the same way:
 * as a dash, never as a blank that reads like a lost value (the PDF used to print blanks where
 * the DOCX printed dashes).
 */
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { facilitatedFgd } from '$lib/testing/fgd';
import { renderDocx } from './docx';
import { actionPlanCells, EMPTY_CELL, itemListCells } from './labels';
import { renderMarkdown } from './markdown';
import { renderPdf } from './pdf';
import { WORDS } from './md/words';
import { buildMinutes } from './model';

const NOW = new Date('2025-10-24T06:00:00Z');

async function minutesWithBlanks() {
	const fgd = await facilitatedFgd('id');
	const minutes = await buildMinutes(fgd.db, fgd.session.id, 'id', NOW);
	const plan = minutes.actionPlan[0];
	return { ...minutes, actionPlan: [{ ...plan, partners: '', remarks: '', output: '' }] };
}

describe('itemListCells and actionPlanCells', async () => {
	const minutes = await minutesWithBlanks();
	const rows = itemListCells(minutes, WORDS.id);
	const unthemed = rows.find((r) => r[2] === EMPTY_CELL && r[5] === EMPTY_CELL)!;

	it('prints a dash for an item in no theme and for a kind that was not put to a vote', async () => {
		const item = minutes.items[Number(unthemed[0]) - 1];
		expect(item.themeId).toBeNull();
		expect(item.votes).toBeNull();
		// The dash stands only where there is nothing: themed and voted items keep their values.
		expect(rows.some((r) => r[2] !== EMPTY_CELL)).toBe(true);
		expect(rows.some((r) => /^\d+$/.test(r[5]))).toBe(true);
	});

	it('numbers the items in order and keeps every one', async () => {
		expect(rows.map((r) => r[0])).toEqual(minutes.items.map((_, i) => String(i + 1)));
	});

	it('prints a dash for each empty action-plan field and keeps the filled ones', async () => {
		const [row] = actionPlanCells(minutes);
		expect(row).toHaveLength(WORDS.id.actionTable.length);
		const at = (header: string) => row[WORDS.id.actionTable.indexOf(header)];
		expect(at('Mitra')).toBe(EMPTY_CELL);
		expect(at('Keterangan')).toBe(EMPTY_CELL);
		expect(at('Kegiatan')).toBe(minutes.actionPlan[0].activity);
	});

	it('reaches the Markdown, the PDF and the DOCX as the same cells', async () => {
		const md = renderMarkdown(minutes);
		expect(md).toContain(`| ${unthemed[1]} | – | ${unthemed[3]} |`);
		const zip = await JSZip.loadAsync(await renderDocx(minutes));
		const xml = await zip.file('word/document.xml')!.async('string');
		const texts = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
		const at = texts.lastIndexOf(unthemed[3]);
		expect(at).toBeGreaterThan(0);
		expect(texts[at - 1]).toBe(EMPTY_CELL);
		const proxy = await getDocumentProxy(new Uint8Array(await renderPdf(minutes, 'a4')));
		const { text } = await extractText(proxy, { mergePages: true });
		expect(text).toContain(`${unthemed[0]} ${unthemed[1]} – ${unthemed[3]}`);
	});
});
