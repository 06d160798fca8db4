import { describe, expect, it } from 'vitest';
import { fromDisposition } from '../client/minutes-download';
import { contentDisposition, fileResponse } from './evidence.server';

describe('evidence downloads', () => {
	it('name the file safely for every browser, and the page reads the exact name back', () => {
		const header = contentDisposition('Berita acara "rapat" Ø.pdf');
		expect(header).toBe(`attachment; filename="Berita acara _rapat_ _.pdf"; filename*=UTF-8''Berita%20acara%20%22rapat%22%20%C3%98.pdf`);
		expect(fromDisposition(header)).toBe('Berita acara "rapat" Ø.pdf');
		expect(fromDisposition('attachment; filename="notulen.pdf"')).toBe('notulen.pdf');
		expect(fromDisposition('inline')).toBeNull();
	});

	it('are attachments of their stored type, never sniffed or cached', async () => {
		const response = fileResponse({ name: 'foto.jpg', type: 'jpeg', contentType: 'image/jpeg', data: Buffer.from([0xff, 0xd8, 0xff]) });
		expect(Object.fromEntries(response.headers)).toMatchObject({
			'content-type': 'image/jpeg',
			'content-length': '3',
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		});
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="foto.jpg"/);
		expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0xff, 0xd8, 0xff]);
	});
});
