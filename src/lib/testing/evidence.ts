/**
 * Test evidence files: a small real PDF (one page, text drawn), and bytes of any size that start
 * like a PDF. Imported only by `*.spec.ts` files.
 */

/** A minimal one-page PDF with its cross-reference table, as any PDF reader opens it. */
export function smallPdf(text = 'Daftar hadir pelatihan KUR'): Buffer {
	const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
	];
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((o, i) => {
		offsets.push(body.length);
		body += `${i + 1} 0 obj\n${o}\nendobj\n`;
	});
	const xref = body.length;
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
}

/** `size` bytes that open with a PDF's signature: a file too large, or just at the limit. */
export function pdfOfSize(size: number): Buffer {
	const bytes = Buffer.alloc(size, 0x20);
	bytes.write('%PDF-1.4\n', 0, 'latin1');
	return bytes;
}
