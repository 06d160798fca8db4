/**
 * Text widths in the faces the documents name. The DOCX asks Word for Arial; Liberation Sans
 * has Arial's advance widths (it was made metric-compatible), so measuring with it sizes the
 * columns as Word and LibreOffice will set them. Where it is not installed, DejaVu Sans (which
 * the PDF embeds) stands in: it is wider than Arial, so the columns come out wide enough.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { FONTS } from '../pdf/fonts';

const LIBERATION = {
	regular: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
	bold: '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'
};

type Doc = InstanceType<typeof PDFDocument>;
let measurer: Doc | null = null;
const cache = new Map<string, number>();

/** The face files Arial is measured with: Liberation Sans, else DejaVu Sans. */
export function arialFaces(): { regular: string; bold: string } {
	return existsSync(LIBERATION.regular) && existsSync(LIBERATION.bold) ? LIBERATION : { regular: FONTS.regular, bold: FONTS.bold };
}

/** Width in points of `text` in Arial at `size` points (per-word cache, as columns are measured word by word). */
export function arialWidth(text: string, size: number, bold = false): number {
	const key = `${bold ? 'b' : 'r'}${text}`;
	let perPoint = cache.get(key);
	if (perPoint === undefined) {
		// A document that is never written out, only used for pdfkit's font measurements.
		measurer ??= new PDFDocument({ autoFirstPage: false });
		const faces = arialFaces();
		perPoint = measurer.font(bold ? faces.bold : faces.regular).fontSize(1000).widthOfString(text) / 1000;
		if (cache.size > 20_000) cache.clear();
		cache.set(key, perPoint);
	}
	return perPoint * size;
}
