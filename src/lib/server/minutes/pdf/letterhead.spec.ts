// @sqlite-only: it checks how a minutes model is rendered; building the model from storage runs on both engines (minutes/model.spec.ts, json.spec.ts, sections/).
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { sampleFgd } from '$lib/testing/fgd';
import { buildMinutes, type MinutesLetterhead } from '../model';
import { renderPdf } from '.';

/** A 1 × 1 PNG, enough to prove the logo is placed without failing the document. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const PNG = `data:image/png;base64,${PNG_BASE64}`;
const head = (office: string[], more: Partial<MinutesLetterhead> = {}): MinutesLetterhead => ({ office, address: '', phone: '', email: '', website: '', logo: null, ...more });

async function textOf(bytes: Buffer) {
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
	return text.replace(/\s+/g, ' ');
}

describe('letterhead', async () => {
	const fgd = await sampleFgd();
	const minutes = async () => await buildMinutes(fgd.db, fgd.session.id, 'id');

	it('falls back to the organizers when the model has none', async () => {
		expect((await minutes()).letterhead?.office).toEqual(['DPMD KUTAI KARTANEGARA', 'YAYASAN MITRA HIJAU']);
		expect(await textOf(await renderPdf(await minutes()))).toMatch(/^DPMD KUTAI KARTANEGARA YAYASAN MITRA HIJAU NOTULEN/);
	});

	it('prints the office, address and contacts the model carries, with its logo', async () => {
		const withHead = await minutes();
		withHead.letterhead = head(['PEMERINTAH KABUPATEN KUTAI KARTANEGARA', 'DINAS PEMBERDAYAAN MASYARAKAT DAN DESA'], {
			address: 'Jl. Contoh No. 1, Tenggarong',
			phone: '(0541) 000000',
			email: 'dpmd@contoh.go.id',
			logo: { type: 'png', base64: PNG_BASE64 }
		});
		const text = await textOf(await renderPdf(withHead));
		expect(text).toMatch(/^PEMERINTAH KABUPATEN KUTAI KARTANEGARA DINAS PEMBERDAYAAN MASYARAKAT DAN DESA Jl\. Contoh No\. 1, Tenggarong/);
		expect(text).toContain('Telp. (0541) 000000 · E-mail: dpmd@contoh.go.id');
	});

	it('prints the letterhead the facilitator saved on the session, as the DOCX does', async () => {
		const fgd = await sampleFgd();
		const office = 'PEMERINTAH KABUPATEN KUTAI KARTANEGARA\nDINAS PEMBERDAYAAN MASYARAKAT DAN DESA';
		await fgd.run('facilitator', { type: 'session.details', details: { letterhead: { office, website: 'dpmd.example.go.id', logo: PNG } } });
		const saved = await buildMinutes(fgd.db, fgd.session.id, 'id');
		expect(saved.letterhead).toMatchObject({ office: office.split('\n'), logo: { type: 'png', base64: PNG_BASE64 } });
		const text = await textOf(await renderPdf(saved));
		expect(text).toMatch(/^PEMERINTAH KABUPATEN KUTAI KARTANEGARA DINAS PEMBERDAYAAN MASYARAKAT DAN DESA dpmd\.example\.go\.id NOTULEN/);
	});

	it('survives an unreadable logo', async () => {
		const broken = await minutes();
		broken.letterhead = head(['DINAS CONTOH'], { logo: { type: 'png', base64: 'AAAA' } });
		expect(await textOf(await renderPdf(broken))).toMatch(/^DINAS CONTOH NOTULEN/);
	});
});
