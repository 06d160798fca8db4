/** The daftar hadir (jabatan, L/P, people staff wrote in), the dokumentasi and the lampiran list, in every format. */
import JSZip from 'jszip';
import sharp from 'sharp';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentedFgd } from '$lib/testing/documented-fgd';
import { render } from './index';
import { renderMarkdown } from './markdown';
import { buildMinutes, type Minutes } from './model';

const NOW = new Date('2025-10-24T04:30:00Z');
let fgd: Awaited<ReturnType<typeof documentedFgd>>;
let minutes: Minutes;

beforeAll(async () => {
	fgd = await documentedFgd();
	minutes = await buildMinutes(fgd.db, fgd.session.id, 'id', NOW);
});

describe('the model', () => {
	it('lists the people staff wrote in with the rest, marked, and counts L/P when any was given', async () => {
		const { attendance } = minutes;
		expect(attendance.total).toBe(7);
		expect(attendance.participants.at(-2)).toMatchObject({ name: 'Nur Aisyah', position: 'Reporter', sex: 'P', addedByStaff: false });
		expect(attendance.participants.at(-1)).toMatchObject({ name: 'Pak Amir', position: 'Kepala Desa', sex: 'L', addedByStaff: true });
		expect(attendance.bySex).toEqual({ L: 1, P: 1, notGiven: 5 });
		expect(attendance.byGroup.find((g) => g.group === 'komunitas')?.count).toBe(2);
	});

	it('lists the photos without their bytes, captions masked, and names every attachment', async () => {
		expect(minutes.documentation).toEqual([
			{ no: 1, id: fgd.photos.opening.id, caption: 'Pembukaan FGD oleh Kepala DPMD', width: 1600, height: 960 },
			{ no: 2, id: fgd.photos.groupWork.id, caption: 'Diskusi kelompok, HP 0812-xxxx-xx90', width: 1200, height: 1600 }
		]);
		expect(minutes.attachments).toEqual([
			{ key: 'attendance', count: 7 },
			{ key: 'items', count: 4 },
			{ key: 'documentation', count: 2 }
		]);
	});

	it('keeps a phone participant the facilitator removed, marked with the reason, in every format', async () => {
		const own = await documentedFgd();
		const nur = await own.db.selectFrom('participants').select('id').where('name', '=', 'Nur Aisyah').executeTakeFirstOrThrow();
		await own.run('facilitator', { type: 'participant.remove', participantId: nur.id, reason: 'Nama palsu' });
		const after = await buildMinutes(own.db, own.session.id, 'id', NOW);
		expect(after.attendance.participants.find((p) => p.name === 'Nur Aisyah')).toMatchObject({ removed: { reason: 'Nama palsu' } });
		expect(renderMarkdown(after)).toContain('dikeluarkan oleh fasilitator: Nama palsu');
		const english = await buildMinutes(own.db, own.session.id, 'en', NOW);
		expect(renderMarkdown(english)).toContain('removed by the facilitator: Nama palsu');
	});

	it('drops a removed attendee and a removed photo', async () => {
		const own = await documentedFgd();
		const amir = await own.db.selectFrom('participants').select('id').where('name', '=', 'Pak Amir').executeTakeFirstOrThrow();
		await own.run('facilitator', { type: 'attendee.remove', participantId: amir.id });
		await own.run('facilitator', { type: 'photo.remove', photoId: own.photos.opening.id });
		const after = await buildMinutes(own.db, own.session.id, 'id', NOW);
		expect(after.attendance.participants.map((p) => p.name)).not.toContain('Pak Amir');
		expect(after.attendance.bySex).toEqual({ L: 0, P: 1, notGiven: 5 });
		expect(after.documentation.map((p) => [p.no, p.caption])).toEqual([[1, 'Diskusi kelompok, HP 0812-xxxx-xx90']]);
	});
});

describe('Markdown', () => {
	it('gives jabatan and L/P columns, the counts, the staff marker, the photo list and the lampiran list', async () => {
		const md = renderMarkdown(minutes);
		expect(md).toContain('Laki-laki 1 orang, perempuan 1 orang, tidak diisi 5 orang.');
		expect(md).toContain('| No | Nama | Jabatan | Instansi | Kelompok | L/P | Tanda tangan |');
		expect(md).toContain('| 6 | Nur Aisyah | Reporter | Radio Tenggarong | Media | P |  |');
		expect(md).toContain('| 7 | Pak Amir (ditambahkan oleh panitia) | Kepala Desa | Desa Loa Ipuh |');
		expect(md).toContain('### Dokumentasi\n\n- Foto 1. Pembukaan FGD oleh Kepala DPMD\n- Foto 2. Diskusi kelompok, HP 0812-xxxx-xx90');
		const list = md.slice(md.indexOf('Lampiran:'), md.indexOf('## Lampiran'));
		expect(list).toContain('1. Daftar hadir (7 orang)\n2. Daftar masukan dan hasil pemungutan suara (4 masukan)\n3. Dokumentasi (2 foto)');
	});

	it('prints no L/P column where nobody gave it', async () => {
		const plain = await buildMinutes(fgd.db, fgd.session.id, 'en', NOW);
		const withoutSex = { ...plain, attendance: { ...plain.attendance, bySex: null } };
		const md = renderMarkdown(withoutSex);
		expect(md).toContain('| No | Name | Position | Institution | Group | Signature |');
		expect(md).not.toContain('M/F');
	});
});

describe('PDF and DOCX', () => {
	it('the PDF ends with a Dokumentasi of two photos on a page, captioned, after the daftar hadir', async () => {
		const file = await render(fgd.db, fgd.session.id, 'pdf', 'id');
		const proxy = await getDocumentProxy(new Uint8Array(file.body as Uint8Array));
		const { text } = await extractText(proxy, { mergePages: false });
		const pages = text.map((t) => t.replace(/\s+/g, ' '));
		const last = pages.at(-1)!;
		expect(last).toContain('Dokumentasi');
		expect(last).toContain('Foto 1. Pembukaan FGD oleh Kepala DPMD');
		expect(last).toContain('Foto 2. Diskusi kelompok, HP 0812-xxxx-xx90');
		expect(pages.join(' ')).toContain('ditambahkan oleh panitia');
		// Both photos are embedded as JPEGs (pdfkit passes them through: DCTDecode), without their EXIF.
		const bytes = Buffer.from(file.body as Uint8Array).toString('latin1');
		expect(bytes.match(/\/Filter \/DCTDecode/g)).toHaveLength(2);
		expect(bytes).not.toContain('KameraUji');
	});

	it('the DOCX carries both photos as images, two to a page, captioned under a Dokumentasi heading', async () => {
		const file = await render(fgd.db, fgd.session.id, 'docx', 'id');
		const zip = await JSZip.loadAsync(file.body as Uint8Array);
		const xml = await zip.file('word/document.xml')!.async('string');
		const documentation = xml.slice(xml.lastIndexOf('Dokumentasi'));
		expect(documentation).toContain('Foto 1. Pembukaan FGD oleh Kepala DPMD');
		expect(documentation).toContain('Foto 2. Diskusi kelompok, HP 0812-xxxx-xx90');
		expect(documentation.match(/<pic:pic/g)).toHaveLength(2);
		expect(xml).toContain('(ditambahkan oleh panitia)');
		const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
		const jpegs = await Promise.all(media.map(async (f) => (await zip.file(f)!.async('nodebuffer')).subarray(0, 3).toString('hex')));
		expect(jpegs.filter((magic) => magic === 'ffd8ff')).toHaveLength(2);
		// Each photo is scaled to half a page at most: two fit on one.
		const extents = [...documentation.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"/g)].map((m) => Number(m[2]) / 914400);
		expect(extents.every((inches) => inches < 4.6)).toBe(true);
		const meta = await sharp(await zip.file(media.find((f) => f.endsWith('.jpg') || f.endsWith('.jpeg'))!)!.async('nodebuffer')).metadata();
		expect(meta.exif).toBeUndefined();
	});
});
