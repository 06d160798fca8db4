import { describe, expect, it } from 'vitest';
import { sampleFgd } from './fixture';
import { escapeLine, escapeMarkdown, renderMarkdown } from './markdown';
import { buildMinutes } from './model';

const NOW = new Date('2025-10-24T04:30:00Z');

function markdown(lang: 'id' | 'en', fgd = sampleFgd()) {
	return renderMarkdown(buildMinutes(fgd.db, fgd.session.id, lang, NOW));
}

const headings = (md: string) => md.split('\n').filter((line) => line.startsWith('#'));

/** The lines under `### <label>` up to the next heading. */
function section(md: string, heading: string): string {
	const lines = md.split('\n');
	const start = lines.indexOf(heading);
	expect(start, `heading ${heading}`).toBeGreaterThanOrEqual(0);
	const end = lines.findIndex((line, i) => i > start && line.startsWith('#'));
	return lines.slice(start + 1, end === -1 ? undefined : end).join('\n');
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('renderMarkdown', () => {
	it('prints the notulen headings in order, in Bahasa Indonesia', () => {
		expect(headings(markdown('id'))).toEqual([
			'# NOTULEN FOCUS GROUP DISCUSSION',
			'## Identitas Kegiatan',
			'## Daftar Hadir',
			'## Pokok Hasil Diskusi',
			'### Kendala',
			'### Peluang',
			'### Rekomendasi'
		]);
	});

	it('prints the same headings in English', () => {
		expect(headings(markdown('en'))).toEqual([
			'# MINUTES OF THE FOCUS GROUP DISCUSSION',
			'## Event Details',
			'## Attendance',
			'## Key Findings',
			'### Constraints',
			'### Opportunities',
			'### Recommendations'
		]);
	});

	it('gives the event details with an Indonesian date and the time zone', () => {
		const md = markdown('id');
		expect(md).toContain('- **Hari/Tanggal:** Jumat, 24 Oktober 2025');
		expect(md).toContain('- **Waktu:** 09.00 WITA');
		expect(md).toContain('- **Penyelenggara:** DPMD Kutai Kartanegara; Yayasan Mitra Hijau');
		expect(md).toContain('- **Jumlah peserta:** 5 orang');
	});

	it('marks minutes of an open session as provisional, and a closed one with its closing time', () => {
		const fgd = sampleFgd();
		expect(markdown('id', fgd)).toContain('- **Status:** Berlangsung (notulen sementara)');
		fgd.run('facilitator', { type: 'session.close' });
		expect(markdown('id', fgd)).toMatch(/- \*\*Status:\*\* Selesai, ditutup \d+ \w+ \d{4}, \d{2}\.\d{2} WITA\n/);
		expect(markdown('en', fgd)).toMatch(/- \*\*Status:\*\* Closed at \d+ \w+ \d{4}, \d{2}:\d{2} WITA\n/);
	});

	it('counts attendance by stakeholder group, zero groups included', () => {
		const id = section(markdown('id'), '## Daftar Hadir');
		expect(id).toContain('| Pemerintah (OPD / kecamatan / desa) | 2 |');
		expect(id).toContain('| Akademisi / Perguruan Tinggi | 1 |');
		expect(id).toContain('| Media | 0 |');
		expect(id).toContain('| **Total** | **5** |');
		expect(id).toContain('| 3 | Dewi Lestari | Universitas Contoh | Akademisi / Perguruan Tinggi |');
		const en = section(markdown('en'), '## Attendance');
		expect(en).toContain('| Government | 2 |');
		expect(en).toContain('| Business / MSMEs | 1 |');
	});

	it('lists an item under its kind with name – institution – group', () => {
		const md = markdown('id');
		const kendala = section(md, '### Kendala');
		expect(kendala).toContain('1. Akses modal usaha sulit tanpa agunan\\');
		expect(kendala).toContain('*Oleh: Siti Rahmawati – Dinas Koperasi dan UKM – Pemerintah (OPD / kecamatan / desa)*');
		expect(section(md, '### Peluang')).not.toContain('Akses modal');
		expect(section(markdown('en'), '### Opportunities')).toContain(
			'*By: Dewi Lestari – Universitas Contoh – Academia*'
		);
	});

	it('shows an anonymous item as anonim and names its author only in the attendance list', () => {
		const fgd = sampleFgd();
		const md = markdown('id', fgd);
		expect(section(md, '### Kendala')).toContain(
			'2. Program CSR dan program dinas berjalan sendiri-sendiri\\\n   *Oleh: anonim*'
		);
		expect(section(markdown('en', fgd), '### Constraints')).toContain('*By: anonymous*');
		expect(count(md, 'Rini Anggraini')).toBe(1);
		expect(section(md, '## Pokok Hasil Diskusi')).not.toContain('Rini');
		expect(md).not.toContain('Kelompok Tani Sejahtera –');
	});

	it('masks phone numbers in institutions and item text', () => {
		const md = markdown('id');
		expect(md).toContain('Koperasi Amplang, WA 0812-xxxx-xx90');
		expect(md).toContain('Hubungi pengurus di +62 81x xxxx xx78 untuk pelatihan');
		expect(md).not.toMatch(/3456|1234 56/);
	});

	it('leaves deleted items out', () => {
		expect(markdown('id')).not.toContain('kemudian dihapus');
	});

	it('prints user text as text: no headings, links, HTML or lists can be injected', () => {
		const fgd = sampleFgd();
		const mallory = fgd.join('<b>Mallory</b> [x](http://evil.example)', 'lainnya', '| a | b |');
		fgd.post(mallory, 'rekomendasi', '# Judul palsu\n1. daftar\n- butir\n[klik](http://evil.example) <script>x</script> ~~coret~~ **tebal** `kode` &amp;');
		const md = markdown('id', fgd);
		expect(headings(md)).toHaveLength(7);
		expect(md).not.toMatch(/(?<!\\)[<[]/);
		expect(md).toContain('| \\<b\\>Mallory\\</b\\> \\[x\\](http://evil.example) | \\| a \\| b \\| | Lainnya |');
		expect(section(md, '### Rekomendasi')).toContain(
			[
				'2. \\# Judul palsu\\',
				'   1\\. daftar\\',
				'   \\- butir\\',
				'   \\[klik\\](http://evil.example) \\<script\\>x\\</script\\> \\~\\~coret\\~\\~ \\*\\*tebal\\*\\* \\`kode\\` \\&amp;\\'
			].join('\n')
		);
	});
});

describe('escapeMarkdown', () => {
	it('keeps ordinary Indonesian text readable', () => {
		expect(escapeMarkdown('Rp 1.500.000 (per bulan), 46% PDRB; UMKM–CSR')).toBe(
			'Rp 1.500.000 (per bulan), 46% PDRB; UMKM–CSR'
		);
	});

	it('escapes block markers only where a line starts', () => {
		expect(escapeLine('- a')).toBe('\\- a');
		expect(escapeLine('  + a')).toBe('\\+ a');
		expect(escapeLine('=== a')).toBe('\\=== a');
		expect(escapeLine('12) a')).toBe('12\\) a');
		expect(escapeLine('a - b + c')).toBe('a - b + c');
		expect(escapeMarkdown('09.00 WITA')).toBe('09.00 WITA');
	});

	it('joins lines, so a caller on one line stays on one line', () => {
		expect(escapeMarkdown('a\n\n# b')).toBe('a \\# b');
	});
});
