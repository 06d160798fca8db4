// @sqlite-only: it checks how a minutes model is rendered; building the model from storage runs on both engines (minutes/model.spec.ts, json.spec.ts, sections/).
/**
 * The PDF as an office reads it before signing, in both languages and on both papers: no word
 * broken mid-syllable without a hyphen in a table cell, no text printed over other text (a
 * note's dated stamp that wraps used to run into the next note), the action plan on a
 * landscape page, and a closing on another day written with its date in full before "pukul".
 */
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellTexts } from '$lib/testing/cell-texts';
import { lateFgd } from '$lib/testing/late-fgd';
import { brokenLineEnds, overlapping, runsOf, type Run } from '$lib/testing/typesetting';
import { buildMinutes, type Minutes } from '../model';
import type { Paper } from '../paper';
import { renderPdf } from '.';

const CASES = [
	['id', 'a4'],
	['id', 'f4'],
	['en', 'a4'],
	['en', 'f4']
] as const;

interface Printed {
	minutes: Minutes;
	pages: Run[][];
	sizes: [number, number][];
	text: string;
}

const printed = new Map<string, Printed>();

beforeAll(async () => {
	for (const lang of ['id', 'en'] as const) {
		const fgd = await lateFgd(lang);
		const minutes = await buildMinutes(fgd.db, fgd.session.id, lang, new Date('2025-10-26T01:00:00Z'));
		for (const paper of ['a4', 'f4'] as Paper[]) {
			const bytes = await renderPdf(minutes, paper);
			const proxy = await getDocumentProxy(new Uint8Array(bytes));
			const sizes: [number, number][] = [];
			for (let n = 1; n <= proxy.numPages; n++) {
				const [, , width, height] = (await proxy.getPage(n)).view;
				sizes.push([width, height]);
			}
			const { text } = await extractText(proxy, { mergePages: true });
			printed.set(`${lang}-${paper}`, { minutes, pages: await runsOf(bytes), sizes, text: text.replace(/\s+/g, ' ') });
		}
	}
}, 120_000);

describe.each(CASES)('PDF typesetting (%s, %s)', (lang, paper) => {
	const get = () => printed.get(`${lang}-${paper}`)!;

	it('breaks no table-cell word mid-syllable without a hyphen', async () => {
		const { pages, minutes } = get();
		expect(brokenLineEnds(pages, cellTexts(minutes))).toEqual([]);
	});

	it('prints no text over other text', async () => {
		const pairs = overlapping(get().pages).map(([a, b]) => `p${a.page}: "${a.text}" × "${b.text}"`);
		expect(pairs).toEqual([]);
	});

	it('sets the action plan on a landscape page and the rest in portrait', async () => {
		const { pages, sizes, minutes } = get();
		const heading = minutes.lang === 'id' ? 'Rencana Tindak Lanjut' : 'Follow-up Action Plan';
		const at = pages.findIndex((runs) => runs.some((r) => r.text.includes(heading)));
		expect(at).toBeGreaterThan(0);
		expect(sizes[at][0]).toBeGreaterThan(sizes[at][1]);
		expect(sizes[0][0]).toBeLessThan(sizes[0][1]);
	});

	it('writes a closing on another day with its date in full, then "pukul" and the time', async () => {
		const { text } = get();
		if (lang === 'id') expect(text).toContain('Diskusi ditutup pada 25 Oktober 2025 pukul 22.01 WITA.');
		else expect(text).toContain('The discussion closed on 25 October 2025 at 22:01 WITA.');
		expect(text).not.toMatch(/pukul \d{1,2} [A-Z]/);
		expect(text).not.toMatch(/\b\d{1,2} (Des|Okt|Dec|Oct) \d{4}/);
	});
});
