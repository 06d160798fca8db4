/**
 * Reading a produced PDF as a reader sees it, for the typesetting specs: every run of text with
 * its box on the page (pdf.js, through unpdf), and the two defects an office cannot fix by hand —
 * text printed over text, and a table-cell line that ends inside a word without a hyphen.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocumentProxy } from 'unpdf';

export interface Run {
	page: number;
	text: string;
	/** Box in PDF points, origin bottom left. */
	left: number;
	right: number;
	bottom: number;
	top: number;
}

/** Every upright, non-empty text run of every page (the turned DRAF watermark is left out). */
export async function runsOf(pdf: Uint8Array | Buffer): Promise<Run[][]> {
	const proxy = await getDocumentProxy(new Uint8Array(pdf));
	const pages: Run[][] = [];
	for (let n = 1; n <= proxy.numPages; n++) {
		const content = await (await proxy.getPage(n)).getTextContent();
		const runs: Run[] = [];
		for (const item of content.items) {
			if (!('str' in item) || !item.str.trim()) continue;
			const [a, b, , d, e, f] = item.transform as number[];
			if (Math.abs(b) > 1e-6 || a <= 0) continue;
			const size = Math.abs(d);
			// Ascent and descent of a Latin face, as a share of the size.
			runs.push({ page: n, text: item.str, left: e, right: e + item.width, bottom: f - 0.2 * size, top: f + 0.75 * size });
		}
		pages.push(runs);
	}
	return pages;
}

/** Pairs of runs on one page whose boxes overlap by more than `tolerance` points both ways. */
export function overlapping(pages: Run[][], tolerance = 0.6): [Run, Run][] {
	const found: [Run, Run][] = [];
	for (const runs of pages) {
		for (let i = 0; i < runs.length; i++) {
			for (let j = i + 1; j < runs.length; j++) {
				const [p, q] = [runs[i], runs[j]];
				const wide = Math.min(p.right, q.right) - Math.max(p.left, q.left);
				const high = Math.min(p.top, q.top) - Math.max(p.bottom, q.bottom);
				if (wide > tolerance && high > tolerance) found.push([p, q]);
			}
		}
	}
	return found;
}

const LETTER = /[\p{L}\p{N}]/u;

/**
 * Runs that are a line of one of `cells` and end inside a word of it with no hyphen: "mema" of
 * "memanfaatkan", "Belum dit" of "Belum ditentukan". A run that ends in a hyphen broke at a
 * hyphenation point; a run found at a word's end in any cell is a whole line.
 */
export function brokenLineEnds(pages: Run[][], cells: string[]): string[] {
	const texts = cells.map((c) => c.replace(/\s+/g, ' '));
	const broken: string[] = [];
	for (const run of pages.flat()) {
		const line = run.text.trim();
		if (line.length < 3 || /[-\u00ad]$/.test(line)) continue;
		let seen = false;
		let whole = false;
		for (const text of texts) {
			for (let at = text.indexOf(line); at >= 0 && !whole; at = text.indexOf(line, at + 1)) {
				seen = true;
				const next = text[at + line.length];
				whole = next === undefined || !LETTER.test(next) || !LETTER.test(line[line.length - 1]);
			}
			if (whole) break;
		}
		if (seen && !whole) broken.push(line);
	}
	return broken;
}

/** Whether LibreOffice can be run here (it is optional on a developer's machine). */
export function hasLibreOffice(): boolean {
	try {
		execFileSync('libreoffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
		return true;
	} catch {
		return false;
	}
}

/** The DOCX as LibreOffice prints it: converted headless to PDF in a scratch folder. */
export function docxToPdf(docx: Buffer): Buffer {
	const dir = mkdtempSync(join(tmpdir(), 'rembuk-lo-'));
	try {
		writeFileSync(join(dir, 'minutes.docx'), docx);
		// A profile of its own, so a LibreOffice the developer has open does not take the job.
		const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
		execFileSync('libreoffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'minutes.docx')], { stdio: 'ignore', timeout: 120_000 });
		return readFileSync(join(dir, 'minutes.pdf'));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
