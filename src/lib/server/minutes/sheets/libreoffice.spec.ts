// @sqlite-only: it checks how a minutes model is rendered; building the model from storage runs on both engines (minutes/model.spec.ts, json.spec.ts, sections/).
/**
 * The CSV opened by a real spreadsheet: LibreOffice converts each file to XLSX with `;` and
 * with `,` as the separator (formulas evaluated, as when a person opens it), and no cell may
 * come out as a formula or start like one. Skipped where LibreOffice Calc is not installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCsv } from '../csv';
import { sampleFgd } from '$lib/testing/fgd';
import { buildMinutes } from '../model';

const dir = mkdtempSync(join(tmpdir(), 'rembuk-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Whether LibreOffice with Calc is here: Writer alone answers --version but cannot open a CSV. */
function hasCalc(): boolean {
	if (spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status !== 0) return false;
	const probe = join(dir, 'probe');
	mkdirSync(probe);
	writeFileSync(join(probe, 'probe.csv'), 'a;b\n');
	const profile = pathToFileURL(join(probe, 'profile')).href;
	spawnSync('soffice', ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', 'xlsx', '--outdir', probe, join(probe, 'probe.csv')], { timeout: 120_000 });
	return existsSync(join(probe, 'probe.xlsx'));
}
const calc = hasCalc();
if (!calc) console.warn('LibreOffice Calc is not installed: the CSV-in-LibreOffice check is skipped.');

/** LibreOffice's CSV filter options: separator, text delimiter `"`, UTF-8 (76). */
const FILTERS = { semicolon: 'CSV:59,34,76', comma: 'CSV:44,34,76' };

/** Converts the files with one filter, each to `<name>-<filter>.xlsx`; a private profile lets specs run side by side. */
function convert(names: string[], filter: keyof typeof FILTERS): void {
	const out = join(dir, filter);
	const profile = pathToFileURL(join(dir, `profile-${filter}`)).href;
	const args = ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', 'xlsx', `--infilter=${FILTERS[filter]}`, '--outdir', out];
	const run = spawnSync('soffice', [...args, ...names.map((n) => join(dir, `${n}.csv`))], { encoding: 'utf8', timeout: 120_000 });
	if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr}`);
}

/** Every non-empty cell: its formula if it became one, else its text. */
async function cells(name: string, filter: keyof typeof FILTERS): Promise<{ text: string; formula: string | null }[]> {
	const book = new ExcelJS.Workbook();
	await book.xlsx.readFile(join(dir, filter, `${name}.xlsx`));
	const found: { text: string; formula: string | null }[] = [];
	book.worksheets[0].eachRow((row) =>
		row.eachCell((cell) => found.push({ text: String(cell.text), formula: cell.formula ?? null }))
	);
	return found;
}

describe.skipIf(!calc)('the CSV in LibreOffice', () => {
	it('makes no formula and no cell that starts like one, read with either separator', { timeout: 240_000 }, async () => {
		const fgd = await sampleFgd();
		const ani = await fgd.join('=Ani;+Budi', 'media', 'Radio Contoh');
		for (const text of ['Biaya naik;=2+3;', 'Biaya naik,=2+3,', 'Lihat;=HYPERLINK("http://evil.example";"klik")', '=1+1', 'Baris\n@SUM(A1)', 'Kutip,"=1+1"'])
			await fgd.post(ani, 'kendala', text);
		const minutes = await buildMinutes(fgd.db, fgd.session.id, 'id', new Date('2025-10-24T04:30:00Z'));
		writeFileSync(join(dir, 'excel.csv'), renderCsv(minutes, 'excel'));
		writeFileSync(join(dir, 'rfc4180.csv'), renderCsv(minutes, 'rfc4180'));
		// The control: the same kind of line unguarded does become a formula, so the check below can fail.
		writeFileSync(join(dir, 'control.csv'), '1;Biaya naik;=2+3;\r\n1,Biaya naik,=2+3,\r\n');
		for (const filter of ['semicolon', 'comma'] as const) convert(['excel', 'rfc4180', 'control'], filter);

		for (const filter of ['semicolon', 'comma'] as const) {
			expect((await cells('control', filter)).map((c) => c.formula)).toContain('2+3');
			for (const name of ['excel', 'rfc4180']) {
				const found = await cells(name, filter);
				expect(found.length).toBeGreaterThan(minutes.items.length);
				expect(found.filter((c) => c.formula !== null || /^(?:[\t\r]|\s*[=+\-@])/.test(c.text)), `${name} read with ${filter}`).toEqual([]);
			}
		}
		// Read with its own separator, the Indonesian-Excel file keeps the posted text in one cell.
		expect((await cells('excel', 'semicolon')).map((c) => c.text)).toContain("Biaya naik;'=2+3;'");
		expect((await cells('rfc4180', 'comma')).map((c) => c.text)).toContain("Biaya naik,'=2+3,'");
	});
});
