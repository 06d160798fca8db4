/**
 * Test photos: real JPEGs as a phone camera writes them, with EXIF (camera, GPS position and an
 * orientation), and a PNG with transparency. Imported only by `*.spec.ts` files.
 */
import sharp from 'sharp';

/**
 * A landscape JPEG, `width` × `height`, red with a blue band down its left quarter, stored
 * sideways with EXIF orientation 6 ("turn 90° clockwise to view"): upright, the band is on top.
 */
export async function cameraJpeg(width = 4000, height = 3000): Promise<Buffer> {
	const band = { create: { width: Math.round(width / 4), height, channels: 3 as const, background: { r: 0, g: 0, b: 255 } } };
	return sharp({ create: { width, height, channels: 3, background: { r: 220, g: 20, b: 20 } } })
		.composite([{ input: band, left: 0, top: 0 }])
		.jpeg({ quality: 90 })
		.withExif({
			IFD0: { Make: 'KameraUji', Model: 'HP Notulis 1', Copyright: 'Siti Aminah' },
			IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '0/1 30/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 9/1 0/1' }
		})
		.withMetadata({ orientation: 6 })
		.toBuffer();
}

/** A half-transparent PNG, to prove it lands on white paper rather than black. */
export async function transparentPng(width = 400, height = 300): Promise<Buffer> {
	return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
}

/** Colour of one pixel, as [r, g, b]. */
export async function pixel(image: Buffer, left: number, top: number): Promise<number[]> {
	return [...(await sharp(image).extract({ left, top, width: 1, height: 1 }).removeAlpha().raw().toBuffer())];
}
