import { describe, expect, it } from 'vitest';
import { sampleFgd } from '$lib/testing/fgd';
import { escapeLine, escapeMarkdown, renderMarkdown } from './markdown';
import { buildMinutes } from './model';
import { section } from '$lib/testing/markdown';

const NOW = new Date('2025-10-24T04:30:00Z');

async function markdown(lang: 'id' | 'en', given?: Awaited<ReturnType<typeof sampleFgd>>) {
	const fgd = given ?? (await sampleFgd());
	return renderMarkdown(await buildMinutes(fgd.db, fgd.session.id, lang, NOW));
}

const headings = (md: string) => md.split('\n').filter((line) => line.startsWith('#'));


const count = (text: string, part: string) => text.split(part).length - 1;

describe('renderMarkdown', () => {
	it('prints every section of the notulen in the official order, in Bahasa Indonesia', async () => {
		expect(headings(await markdown('id'))).toEqual([
			'# NOTULEN FOCUS GROUP DISCUSSION',
			'## Identitas Kegiatan',
			'## Dasar dan Tujuan',
			'## Susunan Acara',
			'## Jalannya Diskusi',
			'### Linimasa',
			'### Catatan dan Kutipan',
			'## Pokok Hasil Diskusi',
			'### Kendala',
			'### Peluang',
			'### Masukan per Kelompok Pemangku Kepentingan',
			'### Suara per Kelompok Pemangku Kepentingan',
			'## Kesimpulan dan Kesepakatan',
			'## Rekomendasi',
			'## Rencana Tindak Lanjut',
			'## Penutup',
			'## Pengesahan',
			'## Lampiran',
			'### Daftar Hadir',
			'### Daftar Masukan dan Hasil Pemungutan Suara'
		]);
	});

	it('prints the same sections in English', async () => {
		expect(headings(await markdown('en'))).toEqual([
			'# MINUTES OF THE FOCUS GROUP DISCUSSION',
			'## Event Details',
			'## Basis and Aims',
			'## Agenda',
			'## Proceedings',
			'### Timeline',
			'### Notes and Quotes',
			'## Key Findings',
			'### Constraints',
			'### Opportunities',
			'### Contributions by Stakeholder Group',
			'### Votes by Stakeholder Group',
			'## Conclusions and Agreements',
			'## Recommendations',
			'## Follow-up Action Plan',
			'## Closing',
			'## Sign-off',
			'## Attachments',
			'### Attendance List',
			'### Contributions and Vote Results'
		]);
	});

	it('keeps the outline of an empty session, saying what was not filled in', async () => {
		const md = await markdown('id');
		expect(section(md, '## Dasar dan Tujuan')).toBe('\n*Belum diisi.*\n');
		expect(section(md, '## Susunan Acara')).toBe('\n*Belum diisi.*\n');
		expect(section(md, '### Linimasa')).toContain('*Perpindahan tahap diskusi tidak tercatat.*');
		expect(section(md, '### Suara per Kelompok Pemangku Kepentingan')).toContain('*Tidak ada pemungutan suara.*');
		expect(section(md, '## Rencana Tindak Lanjut')).toContain('*Belum ada rencana tindak lanjut.*');
		expect(section(md, '## Penutup')).toContain('Diskusi masih berlangsung saat notulen ini dibuat.');
		expect(section(md, '## Pengesahan')).toContain('(..............................)');
	});

	it('gives the event details with an Indonesian date and the time zone', async () => {
		const md = await markdown('id');
		expect(md).toContain('- **Hari/Tanggal:** Jumat, 24 Oktober 2025');
		expect(md).toContain('- **Waktu:** pukul 09.00 WITA – selesai');
		expect(md).toContain('- **Penyelenggara:** DPMD Kutai Kartanegara; Yayasan Mitra Hijau');
		expect(md).toContain('- **Jumlah peserta:** 5 orang');
	});

	it('marks minutes of an open session as provisional, and a closed one with its closing time', async () => {
		const fgd = await sampleFgd();
		expect(await markdown('id', fgd)).toContain('- **Status:** Berlangsung (notulen sementara)');
		await fgd.run('facilitator', { type: 'session.close' });
		expect(await markdown('id', fgd)).toMatch(/- \*\*Status:\*\* Selesai, ditutup \d+ [A-Z][a-z]{3,} \d{4} pukul \d{2}\.\d{2} WITA\n/);
		expect(await markdown('en', fgd)).toMatch(/- \*\*Status:\*\* Closed on \d+ [A-Z][a-z]{2,} \d{4} at \d{2}:\d{2} WITA\n/);
	});

	it('counts participants by stakeholder group in the event details, zero groups included', async () => {
		const id = section(await markdown('id'), '## Identitas Kegiatan');
		expect(id).toContain('| Pemerintah (OPD / kecamatan / desa) | 2 |');
		expect(id).toContain('| Akademisi / Perguruan Tinggi | 1 |');
		expect(id).toContain('| Media | 0 |');
		expect(id).toContain('| **Total** | **5** |');
		const en = section(await markdown('en'), '## Event Details');
		expect(en).toContain('| Government | 2 |');
		expect(en).toContain('| Business / MSMEs | 1 |');
	});

	it('attaches the attendance list with an empty signature column', async () => {
		const id = section(await markdown('id'), '### Daftar Hadir');
		expect(id).toContain('| No | Nama | Jabatan | Instansi | Kelompok | Tanda tangan |');
		expect(id).toContain('| 3 | Dewi Lestari | – | Universitas Contoh | Akademisi / Perguruan Tinggi |  |');
		expect(section(await markdown('en'), '### Attendance List')).toContain('| No | Name | Position | Institution | Group | Signature |');
	});

	it('lists an item under its kind with name – institution – group', async () => {
		const md = await markdown('id');
		const kendala = section(md, '### Kendala');
		expect(kendala).toContain('1. Akses modal usaha sulit tanpa agunan\\');
		expect(kendala).toContain('*Oleh: Siti Rahmawati – Dinas Koperasi dan UKM – Pemerintah (OPD / kecamatan / desa)*');
		expect(section(md, '### Peluang')).not.toContain('Akses modal');
		expect(section(await markdown('en'), '### Opportunities')).toContain(
			'*By: Dewi Lestari – Universitas Contoh – Academia*'
		);
	});

	it('shows an anonymous item as anonim and names its author only in the attendance list', async () => {
		const fgd = await sampleFgd();
		const md = await markdown('id', fgd);
		expect(section(md, '### Kendala')).toContain(
			'2. Program CSR dan program dinas berjalan sendiri-sendiri\\\n   *Oleh: anonim*'
		);
		expect(section(await markdown('en', fgd), '### Constraints')).toContain('*By: anonymous*');
		expect(count(md, 'Rini Anggraini')).toBe(1);
		expect(section(md, '## Pokok Hasil Diskusi')).not.toContain('Rini');
		expect(md).not.toContain('Kelompok Tani Sejahtera –');
	});

	it('masks phone numbers in institutions and item text', async () => {
		const md = await markdown('id');
		expect(md).toContain('Koperasi Amplang, WA 0812-xxxx-xx90');
		expect(md).toContain('Hubungi pengurus di +62 81x xxxx xx78 untuk pelatihan');
		expect(md).not.toMatch(/3456|1234 56/);
	});

	it('leaves deleted items out', async () => {
		expect(await markdown('id')).not.toContain('kemudian dihapus');
	});

	it('prints user text as text: no headings, links, HTML or lists can be injected', async () => {
		const fgd = await sampleFgd();
		const mallory = await fgd.join('<b>Mallory</b> [x](http://evil.example)', 'lainnya', '| a | b |');
		await fgd.post(mallory, 'rekomendasi', '# Judul palsu\n1. daftar\n- butir\n[klik](http://evil.example) <script>x</script> ~~coret~~ **tebal** `kode` &amp;');
		const md = await markdown('id', fgd);
		expect(headings(md)).toEqual(headings(await markdown('id')));
		expect(md).not.toMatch(/(?<!\\)[<[]/);
		expect(md).toContain('| \\<b\\>Mallory\\</b\\> \\[x\\](http://evil.example) | – | \\| a \\| b \\| | Lainnya |');
		expect(section(md, '## Rekomendasi')).toContain(
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
	it('keeps ordinary Indonesian text readable', async () => {
		expect(escapeMarkdown('Rp 1.500.000 (per bulan), 46% PDRB; UMKM–CSR')).toBe(
			'Rp 1.500.000 (per bulan), 46% PDRB; UMKM–CSR'
		);
	});

	it('escapes block markers only where a line starts', async () => {
		expect(escapeLine('- a')).toBe('\\- a');
		expect(escapeLine('  + a')).toBe('\\+ a');
		expect(escapeLine('=== a')).toBe('\\=== a');
		expect(escapeLine('12) a')).toBe('12\\) a');
		expect(escapeLine('a - b + c')).toBe('a - b + c');
		expect(escapeMarkdown('09.00 WITA')).toBe('09.00 WITA');
	});

	it('joins lines, so a caller on one line stays on one line', async () => {
		expect(escapeMarkdown('a\n\n# b')).toBe('a \\# b');
	});
});
