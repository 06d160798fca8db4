/**
 * The attachments of the notulen beyond the item list: the daftar hadir as offices fill it
 * (jabatan, and L/P where the office reports by gender), the dokumentasi (photos, listed here
 * without their bytes), and the lampiran list that names what is attached.
 */
import type { PhotoView, Sex } from '../../../domain/types';
import { maskPhones } from '../mask';
import type { MinutesPerson } from './source';

/** A line of the daftar hadir. */
export interface MinutesAttendee extends MinutesPerson {
	/** Jabatan; '' when not given. */
	position: string;
	/** 'L' or 'P'; '' when not given (it is optional). */
	sex: Sex | '';
	/** Written into the daftar hadir by staff: no phone, and no consent given on one. */
	addedByStaff: boolean;
	/** Joined on a phone, then removed by the facilitator: the minutes say so, with the reason. */
	removed?: { reason: string };
}

/** Attendance by sex, for offices that report it; `notGiven` counts those who left it empty. */
export interface SexCounts {
	L: number;
	P: number;
	notGiven: number;
}

/** A photo of the dokumentasi; the renderers that print images fetch its bytes by `id`. */
export interface MinutesPhoto {
	/** 1-based, as the caption numbers it ("Foto 1"). */
	no: number;
	id: string;
	caption: string;
	/** Pixels of the stored (upright, resized) JPEG. */
	width: number;
	height: number;
}

/** One entry of the lampiran list, in the order the attachments follow. */
export interface MinutesAttachment {
	key: 'attendance' | 'items' | 'documentation';
	/** People, items or photos attached. */
	count: number;
}

/** Null when nobody gave their sex: then the minutes print no L/P column and no counts. */
export function sexCountsOf(attendees: MinutesAttendee[]): SexCounts | null {
	if (!attendees.some((p) => p.sex)) return null;
	const count = (sex: Sex | '') => attendees.filter((p) => p.sex === sex).length;
	return { L: count('L'), P: count('P'), notGiven: count('') };
}

export function documentationOf(photos: PhotoView[]): MinutesPhoto[] {
	return photos.map((p, i) => ({ no: i + 1, id: p.id, caption: maskPhones(p.caption), width: p.width, height: p.height }));
}

/** The daftar hadir and the item list are always attached (each says so when empty); photos when there are any. */
export function attachmentsOf(people: number, items: number, photos: number): MinutesAttachment[] {
	const list: MinutesAttachment[] = [
		{ key: 'attendance', count: people },
		{ key: 'items', count: items }
	];
	if (photos) list.push({ key: 'documentation', count: photos });
	return list;
}
