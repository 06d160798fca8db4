import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pdfOfSize, smallPdf } from '$lib/testing/evidence';
import { cameraJpeg, transparentPng } from '$lib/testing/photos';
import { cleanName, EvidenceRefused, MAX_EVIDENCE_BYTES, MAX_FILES_PER_UPDATE, prepare, prepareAll, sniffEvidence } from './evidence-file';

const refusal = (promise: Promise<unknown>) => promise.then(() => 'accepted', (e: unknown) => (e instanceof EvidenceRefused ? e.reason : `threw ${String(e)}`));
const upload = (name: string, bytes: Buffer) => ({ name, size: bytes.length, bytes: async () => new Uint8Array(bytes) });

describe('evidence file types, read from the bytes', () => {
	it('knows a PDF, a JPEG and a PNG by their first bytes, whatever the name says', async () => {
		expect(sniffEvidence(smallPdf())).toBe('pdf');
		expect(sniffEvidence(await cameraJpeg(40, 30))).toBe('jpeg');
		expect(sniffEvidence(await transparentPng(40, 30))).toBe('png');
		expect(sniffEvidence(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
		expect(sniffEvidence(Buffer.from('PK\x03\x04 a docx'))).toBeNull();
		expect(sniffEvidence(Buffer.from('%PD'))).toBeNull();
	});

	it('keeps a PDF byte for byte, named as a PDF even when its name said otherwise', async () => {
		const pdf = smallPdf();
		const ready = await prepare('C:\\Users\\pic\\laporan kegiatan.png', pdf);
		expect(ready.type).toBe('pdf');
		expect(ready.name).toBe('laporan kegiatan.pdf');
		expect(Buffer.compare(ready.data, pdf)).toBe(0);
	});

	it('refuses anything else, even named .pdf, and a photo that does not decode', async () => {
		expect(await refusal(prepare('surat.pdf', Buffer.from('<svg onload=alert(1)>')))).toBe('wrong_type');
		expect(await refusal(prepare('kosong.pdf', Buffer.alloc(0)))).toBe('wrong_type');
		expect(await refusal(prepare('rusak.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])))).toBe('unreadable');
	});

	it('re-encodes photos through the dokumentasi pipeline: JPEG, upright, small, without EXIF or GPS', async () => {
		const camera = await cameraJpeg(4000, 3000);
		expect((await sharp(camera).metadata()).exif).toBeDefined();
		const ready = await prepare('IMG_2024.JPG', camera);
		expect(ready).toMatchObject({ type: 'jpeg', name: 'IMG_2024.jpg' });
		const meta = await sharp(ready.data).metadata();
		expect(meta).toMatchObject({ format: 'jpeg', width: 1200, height: 1600 });
		expect(meta.exif).toBeUndefined();
		expect(ready.data.includes(Buffer.from('KameraUji'))).toBe(false);
		const png = await prepare('denah.png', await transparentPng());
		expect(png).toMatchObject({ type: 'jpeg', name: 'denah.jpg' });
		expect((await sharp(png.data).metadata()).format).toBe('jpeg');
	});
});

describe('evidence file limits', () => {
	it('takes a file of exactly the limit and refuses one byte more', async () => {
		expect(MAX_EVIDENCE_BYTES).toBe(10 * 1024 * 1024);
		expect((await prepare('besar.pdf', pdfOfSize(MAX_EVIDENCE_BYTES))).data.length).toBe(MAX_EVIDENCE_BYTES);
		expect(await refusal(prepare('besar.pdf', pdfOfSize(MAX_EVIDENCE_BYTES + 1)))).toBe('too_large');
	});

	it('checks every file of an update before taking any: too many, or one too large, refuses them all', async () => {
		const pdf = smallPdf();
		const four = Array.from({ length: MAX_FILES_PER_UPDATE + 1 }, (_, i) => upload(`${i}.pdf`, pdf));
		expect(await refusal(prepareAll(four))).toBe('too_many');
		let read = 0;
		const counted = (name: string, bytes: Buffer) => ({ ...upload(name, bytes), bytes: async () => (read++, new Uint8Array(bytes)) });
		expect(await refusal(prepareAll([counted('a.pdf', pdf), counted('b.pdf', pdfOfSize(MAX_EVIDENCE_BYTES + 1))]))).toBe('too_large');
		expect(read).toBe(0);
		expect(await refusal(prepareAll([upload('a.pdf', pdf), upload('b.txt', Buffer.from('teks'))]))).toBe('wrong_type');
	});

	it('skips the empty part a browser sends for a file input left empty', async () => {
		expect(await prepareAll([{ name: '', size: 0, bytes: async () => new Uint8Array() }])).toEqual([]);
		expect((await prepareAll([upload('a.pdf', smallPdf()), { name: '', size: 0, bytes: async () => new Uint8Array() }])).length).toBe(1);
	});
});

describe('evidence file names', () => {
	it('drop paths, control and quoting characters, and end in the stored type', () => {
		expect(cleanName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
		expect(cleanName('Surat "undangan"\r\n<b>.PDF', 'pdf')).toBe('Surat undangan b.pdf');
		expect(cleanName('foto.PNG', 'jpeg')).toBe('foto.jpg');
		expect(cleanName('', 'pdf')).toBe('bukti.pdf');
		expect(cleanName('\u202egpj.exe', 'jpeg')).toBe('gpj.exe.jpg');
		expect(cleanName('x'.repeat(500), 'pdf').length).toBeLessThanOrEqual(120);
	});
});
