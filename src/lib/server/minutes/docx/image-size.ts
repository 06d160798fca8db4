/**
 * The pixel size of a PNG or JPEG from its header, without decoding it: Word needs the size an
 * image is shown at, and the letterhead is built synchronously.
 */

export interface PixelSize {
	width: number;
	height: number;
}

/** PNG: width and height follow the IHDR tag at bytes 16–23. JPEG: the first start-of-frame marker. Null when unreadable. */
export function pixelSize(bytes: Buffer): PixelSize | null {
	if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
	if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
	let at = 2;
	while (at + 9 < bytes.length) {
		if (bytes[at] !== 0xff) return null;
		const marker = bytes[at + 1];
		// SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame's size.
		if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
			return { width: bytes.readUInt16BE(at + 7), height: bytes.readUInt16BE(at + 5) };
		}
		at += 2 + bytes.readUInt16BE(at + 2);
	}
	return null;
}

/** `size` scaled to fit inside a `box` × `box` square, keeping its proportions; the square itself when unknown. */
export function fitInBox(size: PixelSize | null, box: number): PixelSize {
	if (!size || !size.width || !size.height) return { width: box, height: box };
	const scale = box / Math.max(size.width, size.height);
	return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}
