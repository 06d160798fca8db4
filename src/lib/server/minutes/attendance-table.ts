/**
 * The daftar hadir as every printed format lays it out: which columns (L/P only when someone
 * gave it), and what each cell says. Renderers choose only the widths, by column key.
 */
import type { MinutesAttendance, MinutesAttendee } from './model';
import type { Words } from './md/words';

export type AttendanceColumn = 'no' | 'name' | 'position' | 'institution' | 'group' | 'sex' | 'signature';

const ALL: AttendanceColumn[] = ['no', 'name', 'position', 'institution', 'group', 'sex', 'signature'];

export function attendanceColumns(attendance: MinutesAttendance): AttendanceColumn[] {
	return attendance.bySex ? ALL : ALL.filter((c) => c !== 'sex');
}

/**
 * One cell. The name of someone staff wrote in carries the marker on a line of its own, so the
 * list never suggests they consented on a phone. The signature cell stays empty, for the pen.
 */
export function attendanceCell(p: MinutesAttendee, index: number, column: AttendanceColumn, words: Words): string {
	switch (column) {
		case 'no':
			return String(index + 1);
		case 'name':
			if (p.removed) return `${p.name}\n(${words.removed(p.removed.reason)})`;
			return p.addedByStaff ? `${p.name}\n(${words.addedByStaff})` : p.name;
		case 'position':
			return p.position;
		case 'institution':
			return p.institution;
		case 'group':
			return p.groupLabel;
		case 'sex':
			return p.sex ? words.sexValue[p.sex] : '';
		case 'signature':
			return '';
	}
}

/** The header row and the body, as text. */
export function attendanceTable(attendance: MinutesAttendance, words: Words): { columns: AttendanceColumn[]; header: string[]; rows: string[][] } {
	const columns = attendanceColumns(attendance);
	return {
		columns,
		header: columns.map((c) => words.peopleColumns[c]),
		rows: attendance.participants.map((p, i) => columns.map((c) => attendanceCell(p, i, c, words)))
	};
}

/** "Laki-laki 7 orang, perempuan 4 orang." under the list's heading; null when nobody gave it. */
export function sexCountsLine(attendance: MinutesAttendance, words: Words): string | null {
	const counts = attendance.bySex;
	return counts && words.sexCounts(counts.L, counts.P, counts.notGiven);
}
