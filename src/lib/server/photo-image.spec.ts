import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cameraJpeg, pixel, transparentPng } from '$lib/testing/photos';
import { LONG_EDGE, MAX_UPLOAD_BYTES, normalise, PhotoRefused, sniff } from './photo-image';

const near = (actual: number[], expected: number[]) => actual.every((v, i) => Math.abs(v - expected[i]) < 40);

describe('sniff', () => {
	it('reads the type from the first bytes, whatever the file claims to be', () => {
		expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
		expect(sniff(Buffer.from('\x89PNG\r\n\x1a\n....', 'latin1'))).toBe('png');
		expect(sniff(Buffer.from('GIF89a'))).toBeNull();
		expect(sniff(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
		expect(sniff(Buffer.from([0xff, 0xd8]))).toBeNull();
	});
});

describe('normalise', () => {
	it('drops every piece of EXIF (camera, GPS), turns the photo upright and shrinks it', async () => {
		const original = await cameraJpeg(4000, 3000);
		expect((await sharp(original).metadata()).exif).toBeDefined();
		expect(original.includes('KameraUji')).toBe(true);

		const { jpeg, width, height } = await normalise(original);
		const meta = await sharp(jpeg).metadata();
		expect(meta).toMatchObject({ format: 'jpeg', width, height });
		expect(meta.exif).toBeUndefined();
		expect(meta.orientation).toBeUndefined();
		expect(jpeg.includes('KameraUji')).toBe(false);
		expect(jpeg.includes('Exif')).toBe(false);
		// Orientation 6 turned it to portrait: 3000 × 4000 → 1200 × 1600, the blue band now on top.
		expect([width, height]).toEqual([1200, LONG_EDGE]);
		expect(near(await pixel(jpeg, 600, 10), [0, 0, 255])).toBe(true);
		expect(near(await pixel(jpeg, 600, 1500), [220, 20, 20])).toBe(true);
	});

	it('never enlarges a small photo, and puts a transparent PNG on white', async () => {
		const { jpeg, width, height } = await normalise(await transparentPng(400, 300));
		expect([width, height]).toEqual([400, 300]);
		expect((await sharp(jpeg).metadata()).format).toBe('jpeg');
		expect(near(await pixel(jpeg, 10, 10), [255, 255, 255])).toBe(true);
	});

	it('refuses what is not a JPEG or PNG, a broken image, and anything over the size limit', async () => {
		const refusal = (bytes: Uint8Array) => normalise(bytes).then(
			() => null,
			(error: unknown) => (error instanceof PhotoRefused ? error.reason : error)
		);
		expect(await refusal(Buffer.from('GIF89a\x01\x00\x01\x00'))).toBe('not_an_image');
		expect(await refusal(Buffer.from('<svg onload="alert(1)"/>'))).toBe('not_an_image');
		expect(await refusal(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 7)]))).toBe('unreadable');
		const huge = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(MAX_UPLOAD_BYTES)]);
		expect(await refusal(huge)).toBe('too_large');
	});
});
