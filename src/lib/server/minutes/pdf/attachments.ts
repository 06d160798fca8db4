/** The PDF daftar hadir, dokumentasi (two photos to a page, captioned) and lampiran list. */
import { attendanceTable, sexCountsLine, type AttendanceColumn } from '../attendance-table';
import type { Minutes, MinutesPhoto, PhotoBytes } from '../model';
import type { Words } from '../md/words';
import type { Column, Layout } from './layout';

/** Shares of the table's width per column. */
const WIDTHS: Record<AttendanceColumn, number> = { no: 0.5, name: 2.6, position: 2, institution: 2.4, group: 1.9, sex: 0.55, signature: 1.7 };
/** A row of the daftar hadir is at least 1 cm tall: room for a signature. */
const SIGNING_ROW = 28;

export function attendanceList(layout: Layout, minutes: Minutes, words: Words) {
	const { attendance } = minutes;
	if (!attendance.participants.length) return layout.paragraph(words.noPeople, { italic: true });
	const counts = sexCountsLine(attendance, words);
	if (counts) {
		layout.paragraph(counts);
		layout.doc.moveDown(0.3);
	}
	const table = attendanceTable(attendance, words);
	const columns: Column[] = table.columns.map((c, i) => ({
		header: table.header[i],
		width: WIDTHS[c],
		align: c === 'no' ? 'right' : c === 'sex' ? 'center' : 'left'
	}));
	// Room in every row for a wet signature.
	layout.table(columns, table.rows, { minRowHeight: SIGNING_ROW });
}

/** "Lampiran:" and what is attached, below the signatures. */
export function attachmentsSection(layout: Layout, { attachments }: Minutes, words: Words) {
	layout.ensure(30 + attachments.length * 14);
	layout.doc.moveDown(1);
	layout.font('bold').text(words.attachmentsTitle, layout.left, layout.doc.y, { width: layout.width });
	attachments.forEach((a, i) => layout.hanging(`${i + 1}.`, words.attachment[a.key](a.count)));
}

/** Kept free at the foot of the last photo page, so the document's closing line fits there too. */
const FOOT = 28;
const GAP = 6;

/** A page of its own, two photos to a page, each as large as its half allows, its caption below. */
export function documentationSection(layout: Layout, minutes: Minutes, words: Words, photos?: PhotoBytes) {
	const { documentation } = minutes;
	if (!documentation.length) return;
	const { doc } = layout;
	doc.addPage();
	layout.heading(words.headings.documentation, 2);
	let top = doc.y;
	documentation.forEach((photo, i) => {
		if (i > 0 && i % 2 === 0) {
			doc.addPage();
			top = doc.y;
		}
		const half = (layout.bottom - FOOT - top) / 2;
		const slotTop = i % 2 === 0 ? top : top + half;
		const bottom = drawPhoto(layout, photo, words, photos?.(photo.id), slotTop, half);
		doc.x = layout.left;
		doc.y = i === documentation.length - 1 ? bottom : slotTop + half;
	});
}

/** Draws one photo centred at the top of its slot and its caption under it; returns the caption's bottom. */
function drawPhoto(layout: Layout, photo: MinutesPhoto, words: Words, jpeg: Buffer | undefined, top: number, slot: number): number {
	const { doc } = layout;
	const caption = words.photo(photo.no, photo.caption);
	layout.font('regular', 9);
	const room = { width: layout.width, height: slot - doc.heightOfString(caption, { width: layout.width }) - 3 * GAP };
	const scale = Math.min(room.width / photo.width, room.height / photo.height);
	const box = { x: 0, width: photo.width * scale, height: photo.height * scale };
	box.x = layout.left + (layout.width - box.width) / 2;
	if (!placeImage(layout, jpeg, top, box)) {
		layout.font('regular', 9).fillColor('#555555').text(words.photoMissing, box.x, top + box.height / 2 - 5, { width: box.width, align: 'center' });
	}
	doc.rect(box.x, top, box.width, box.height).lineWidth(0.5).strokeColor('#999999').stroke();
	layout.font('regular', 9).fillColor('black').text(caption, layout.left, top + box.height + GAP, { width: layout.width, align: 'center' });
	return doc.y;
}

/** False when there is no image or pdfkit cannot read it: an unreadable photo must not cost the whole document. */
function placeImage(layout: Layout, jpeg: Buffer | undefined, top: number, box: { x: number; width: number; height: number }): boolean {
	if (!jpeg) return false;
	try {
		layout.doc.image(jpeg, box.x, top, { width: box.width, height: box.height });
		return true;
	} catch {
		return false;
	}
}
