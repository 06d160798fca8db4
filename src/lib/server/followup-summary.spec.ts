/** The WhatsApp summary with the real follow-up words (the domain module takes them as data). */
import { describe, expect, it } from 'vitest';
import { track, type ProgressUpdate } from '../domain/followup';
import { whatsappSummary } from '../domain/followup-summary';
import type { ActionRow } from '../domain/types';
import { followup as en } from '../i18n/en/followup';
import { followup as id } from '../i18n/id/followup';

const SESSION = { id: 's1', code: 'ABCDEF', title: 'FGD UMKM Kukar', region: 'Kutai Kartanegara', timeZone: 'Asia/Makassar' };
const row = (over: Partial<ActionRow>): ActionRow => ({
	id: 'r1',
	position: 0,
	issueItemIds: [],
	recommendationId: null,
	activity: '',
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
});
const update = (at: string, status: ProgressUpdate['status'], note = ''): ProgressUpdate => ({ id: at, at, by: 'pic', status, note, evidenceUrl: null, files: [] });
const tracked = (input: { row: ActionRow; updates?: ProgressUpdate[] }, now: string) => track({ session: SESSION, updates: [], ...input }, new Date(now));

describe('the WhatsApp summary', () => {
	const rows = [
		tracked({ row: row({ id: 'a', activity: 'Pelatihan akses KUR' }) }, '2026-08-01T00:00:00Z'),
		tracked(
			{
				row: row({ id: 'b', activity: 'Pendataan UMKM', pic: { name: '', institution: 'Bappeda', group: '' } }),
				updates: [update('2026-07-20T01:00:00Z', 'selesai', 'Data 312 UMKM terkumpul')]
			},
			'2026-08-01T00:00:00Z'
		)
	];

	it('counts, lists the overdue and the latest updates, in Indonesian', () => {
		const text = whatsappSummary(rows, id, { title: 'FGD UMKM Kukar', locale: 'id', today: '2026-08-01' });
		expect(text).toBe(
			[
				'*Tindak lanjut FGD: FGD UMKM Kukar* (per 1 Agu 2026)',
				'2 kegiatan: 1 selesai, 0 berjalan, 1 rencana, 0 tertunda; 1 terlambat.',
				'',
				'*Terlambat:*',
				'• Pelatihan akses KUR (Dinas Koperasi dan UKM), batas 30 Jun 2026, Rencana',
				'',
				'*Pembaruan terakhir:*',
				'• Pendataan UMKM (Bappeda): Selesai, 20 Jul 2026: Data 312 UMKM terkumpul'
			].join('\n')
		);
	});

	it('in English, and says when nothing was updated; long lists are cut', () => {
		const text = whatsappSummary([rows[0], rows[0], rows[0]], en, { title: 'T', locale: 'en', today: '2026-08-01', limit: 2 });
		expect(text).toContain('*FGD follow-up: T* (as of 1 Aug 2026)');
		expect(text).toContain('3 activities: 0 done, 0 in progress, 3 planned, 0 on hold; 3 overdue.');
		expect(text).toContain('…and 1 more');
		expect(text).toContain('No updates yet.');
	});
});
