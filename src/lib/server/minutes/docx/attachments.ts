/** The DOCX daftar hadir, dokumentasi (two photos to a page, captioned) and lampiran list. */
import { AlignmentType, HeadingLevel, ImageRun, Paragraph, TextRun, type FileChild } from 'docx';
import { attendanceTable, sexCountsLine, type AttendanceColumn } from '../attendance-table';
import type { Minutes, MinutesPhoto } from '../model';
import { numbered, para, placeholder, table, type Frame } from './blocks';

/** Relative column widths. */
const WEIGHTS: Record<AttendanceColumn, number> = { no: 1.7, name: 5.3, position: 4.4, institution: 5, group: 4.2, sex: 1.5, signature: 3.6 };

/** A row of the daftar hadir is at least 1 cm tall, room for a signature (567 twips). */
const SIGNING_ROW = 567;

export function attendanceList(frame: Frame, { attendance }: Minutes): FileChild[] {
	const { words } = frame;
	if (!attendance.participants.length) return [placeholder(words.noPeople)];
	const counts = sexCountsLine(attendance, words);
	const list = attendanceTable(attendance, words);
	const weights = list.columns.map((c) => WEIGHTS[c]);
	return [...(counts ? [para(counts)] : []), table(frame, list.header, list.rows, { weights, right: [0], size: 18, minRowHeight: SIGNING_ROW })];
}

/** "Lampiran:" and what is attached, below the signatures. */
export function attachmentsSection(frame: Frame, { attachments }: Minutes): FileChild[] {
	const { words } = frame;
	const title = new Paragraph({ spacing: { before: 360 }, keepNext: true, children: [new TextRun({ text: words.attachmentsTitle, bold: true })] });
	return [title, ...attachments.map((a, i) => numbered(i + 1, words.attachment[a.key](a.count)))];
}

/** Twips per pixel at Word's 96 dpi. */
const TWIPS_PER_PX = 15;
/** Kept out of the two photo slots of a page: the heading (first page), two captions and the spacing. */
const RESERVED = 2200;

/** A page of its own, two photos to a page, each as large as half the page allows, its caption below. */
export function documentationSection(frame: Frame, minutes: Minutes): FileChild[] {
	const { documentation } = minutes;
	if (!documentation.length) return [];
	const heading = new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore: true, children: [new TextRun(frame.words.headings.documentation)] });
	return [heading, ...documentation.flatMap((photo, i) => photoParagraphs(frame, photo, i > 0 && i % 2 === 0))];
}

function photoParagraphs(frame: Frame, photo: MinutesPhoto, newPage: boolean): Paragraph[] {
	const { words } = frame;
	const caption = words.photo(photo.no, photo.caption);
	// A page is portrait: without its height, assume A4's proportions.
	const height = frame.height ?? Math.round(frame.width * 1.55);
	const room = { width: frame.width / TWIPS_PER_PX, height: (height - RESERVED) / 2 / TWIPS_PER_PX };
	const scale = Math.min(room.width / photo.width, room.height / photo.height);
	const size = { width: Math.floor(photo.width * scale), height: Math.floor(photo.height * scale) };
	const jpeg = frame.photos?.(photo.id);
	const image = jpeg
		? [new ImageRun({ type: 'jpg', data: jpeg, transformation: size, altText: { name: caption, description: caption, title: caption } })]
		: [new TextRun({ text: words.photoMissing, italics: true, color: '666666' })];
	return [
		new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, pageBreakBefore: newPage, spacing: { before: 120, after: 80 }, children: image }),
		new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: caption, size: 20 })] })
	];
}
