import { describe, expect, it } from 'vitest';
import {
	countRows,
	evidenceSizeProblem,
	evidenceUrlOk,
	filterChoices,
	filterRows,
	isOverdue,
	todayIn,
	track,
	type ProgressUpdate,
	type TrackInput
} from './followup';
import type { ActionRow } from './types';

const SESSION = { id: 's1', code: 'ABCDEF', title: 'FGD UMKM Kukar', region: 'Kutai Kartanegara', timeZone: 'Asia/Makassar' };

function row(over: Partial<ActionRow> = {}): ActionRow {
	return {
		id: 'r1',
		position: 0,
		issueItemIds: [],
		recommendationId: null,
		activity: 'Pelatihan akses KUR',
		output: '',
		indicator: '',
		pic: { name: 'Siti', institution: 'Dinas Koperasi dan UKM', group: 'pemerintah' },
		partners: '',
		timeframe: 'Triwulan I–II 2026',
		funding: 'APBD',
		cost: null,
		status: 'rencana',
		remarks: '',
		...over
	};
}
const update = (at: string, status: ProgressUpdate['status'], note = '', by: ProgressUpdate['by'] = 'pic'): ProgressUpdate => ({
	id: at,
	at,
	by,
	status,
	note,
	evidenceUrl: null,
	files: []
});
const tracked = (input: Partial<TrackInput> & { row?: ActionRow }, now = '2026-03-01T00:00:00Z') =>
	track({ session: SESSION, updates: [], row: row(), ...input }, new Date(now));

describe('status and overdue', () => {
	it('starts from the plan status and takes the latest update, in any order', () => {
		expect(tracked({}).status).toBe('rencana');
		const r = tracked({
			row: row({ status: 'berjalan' }),
			updates: [update('2026-02-01T02:00:00Z', 'selesai'), update('2026-01-10T02:00:00Z', 'tertunda')]
		});
		expect(r.status).toBe('selesai');
		expect(r.lastUpdated).toBe('2026-02-01T02:00:00Z');
		expect(r.updates.map((u) => u.status)).toEqual(['selesai', 'tertunda']);
	});

	it('is last updated when the row was saved, until a progress update arrives', () => {
		expect(tracked({ savedAt: '2025-10-20T03:00:00Z' }).lastUpdated).toBe('2025-10-20T03:00:00Z');
		expect(tracked({}).lastUpdated).toBeNull();
	});

	it('is overdue once the deadline day has passed where the session is, unless done', () => {
		expect(isOverdue('2026-06-30', 'berjalan', '2026-06-30')).toBe(false);
		expect(isOverdue('2026-06-30', 'berjalan', '2026-07-01')).toBe(true);
		expect(isOverdue('2026-06-30', 'tertunda', '2026-07-01')).toBe(true);
		expect(isOverdue('2026-06-30', 'selesai', '2026-07-01')).toBe(false);
		expect(isOverdue(null, 'rencana', '2099-01-01')).toBe(false);
		// 30 June 16:30 UTC is already 1 July 00:30 in Makassar (UTC+8).
		expect(todayIn('Asia/Makassar', new Date('2026-06-30T16:30:00Z'))).toBe('2026-07-01');
		expect(tracked({}, '2026-06-30T16:30:00Z').overdue).toBe(true);
		expect(tracked({}, '2026-06-30T15:30:00Z').overdue).toBe(false);
		expect(tracked({ updates: [update('2026-06-01T00:00:00Z', 'selesai')] }, '2026-08-01T00:00:00Z').overdue).toBe(false);
		expect(tracked({ row: row({ timeframe: 'Belum ditentukan' }) }, '2030-01-01T00:00:00Z').overdue).toBe(false);
	});
});

describe('filters over rows of many sessions', () => {
	const other = { ...SESSION, id: 's2', code: 'GHJKMN', region: 'Paser' };
	const rows = [
		tracked({ row: row({ id: 'a' }) }, '2026-08-01T00:00:00Z'),
		tracked({ row: row({ id: 'b', pic: { name: '', institution: 'dinas koperasi  dan UKM.', group: '' }, funding: 'apbd ' }) }),
		tracked({ row: row({ id: 'c', pic: { name: '', institution: 'Bappeda', group: '' }, funding: 'Dana Desa' }), updates: [update('2026-02-01T00:00:00Z', 'berjalan')] }),
		track({ session: other, row: row({ id: 'd', pic: { name: '', institution: 'Bappeda', group: '' }, funding: 'CSR/PPM' }), updates: [] }, new Date('2026-01-01'))
	];
	const ids = (list: { row: ActionRow }[]) => list.map((r) => r.row.id);

	it('by institution as people type it, funding, status, overdue and region', () => {
		expect(ids(filterRows(rows, {}))).toEqual(['a', 'b', 'c', 'd']);
		expect(ids(filterRows(rows, { institution: 'Dinas Koperasi dan UKM' }))).toEqual(['a', 'b']);
		expect(ids(filterRows(rows, { funding: 'APBD' }))).toEqual(['a', 'b']);
		expect(ids(filterRows(rows, { status: 'berjalan' }))).toEqual(['c']);
		expect(ids(filterRows(rows, { status: 'rencana', institution: 'Bappeda' }))).toEqual(['d']);
		expect(ids(filterRows(rows, { status: 'overdue' }))).toEqual(['a']);
		expect(ids(filterRows(rows, { region: 'Paser' }))).toEqual(['d']);
	});

	it('offers each institution and funding source once', () => {
		expect(filterChoices(rows)).toEqual({
			institutions: ['Bappeda', 'Dinas Koperasi dan UKM'],
			fundings: ['APBD', 'CSR/PPM', 'Dana Desa'],
			regions: ['Kutai Kartanegara', 'Paser']
		});
		expect(countRows(rows)).toEqual({ total: 4, overdue: 1, byStatus: { rencana: 3, berjalan: 1, selesai: 0, tertunda: 0 } });
	});
});

describe('evidence links', () => {
	it('take http(s) addresses only', () => {
		expect(evidenceUrlOk('https://drive.google.com/file/d/abc')).toBe(true);
		expect(evidenceUrlOk('http://dpmd.kukarkab.go.id/surat.pdf')).toBe(true);
		expect(evidenceUrlOk('javascript:alert(1)')).toBe(false);
		expect(evidenceUrlOk('data:text/html,hi')).toBe(false);
		expect(evidenceUrlOk('drive.google.com/x')).toBe(false);
		expect(evidenceUrlOk(`https://x.id/${'a'.repeat(500)}`)).toBe(false);
	});
});

describe('evidence files chosen on a page', () => {
	it('are refused before sending when one is too large or there are too many; empty inputs do not count', () => {
		const mb = 1024 * 1024;
		expect(evidenceSizeProblem([])).toBeNull();
		expect(evidenceSizeProblem([{ size: 10 * mb }, { size: 0 }, { size: 1 }, { size: 1 }])).toBeNull();
		expect(evidenceSizeProblem([{ size: 10 * mb + 1 }])).toBe('file_too_large');
		expect(evidenceSizeProblem([{ size: 1 }, { size: 1 }, { size: 1 }, { size: 1 }])).toBe('file_too_many');
	});
});
