import { beforeAll, describe, expect, it } from 'vitest';
import { facilitatedFgd, sampleFgd } from '$lib/testing/fgd';
import { buildMinutes, type Minutes } from '../model';
import { rupiah } from './actions';

const NOW = new Date('2025-10-24T04:30:00Z');

let fgd: Awaited<ReturnType<typeof facilitatedFgd>>;
let id: Minutes;
let en: Minutes;

beforeAll(async () => {
	fgd = await facilitatedFgd();
	id = await buildMinutes(fgd.db, fgd.session.id, 'id', NOW);
	en = await buildMinutes(fgd.db, fgd.session.id, 'en', NOW);
});

describe('details and sign-off', () => {
	it('carries who ran the meeting, its basis, aims, agenda and conclusions', async () => {
		expect(id.details).toMatchObject({
			chair: { name: 'Ir. Bambang Sutrisno, M.Si.', position: 'Kepala DPMD Kutai Kartanegara', nip: '19700512 199803 1 004' },
			facilitator: 'Nur Aini',
			speakers: ['Dr. Andi Pratama (Universitas Contoh)', 'Kepala Bidang UMKM Dinas Koperasi'],
			minuteTaker: { name: 'Rudi Hartono', position: 'Staf Bidang Ekonomi', nip: '19900303 201503 1 002' },
			basis: 'Surat undangan Nomor 005/123/DPMD/2025'
		});
		expect(id.details.agenda[0]).toEqual({ time: '09.00–09.15', activity: 'Pembukaan dan sambutan' });
		expect(id.details.conclusions).toContain('Forum koordinasi CSR dan OPD dibentuk.');
	});

	it('gives empty fields, not missing ones, when nothing was filled in', async () => {
		const plain = await sampleFgd();
		const { details } = await buildMinutes(plain.db, plain.session.id, 'id', NOW);
		expect(details).toEqual({
			number: '',
			chair: { name: '', position: '', rank: '', nip: '' },
			facilitator: '',
			speakers: [],
			minuteTaker: { name: '', position: '', rank: '', nip: '' },
			basis: '',
			aims: '',
			agenda: [],
			conclusions: '',
			copies: [],
			paraf: []
		});
	});

	it('closes at a time of the day and signs at the region on the session date', async () => {
		expect(id.session.closedTime).toBe('12.15 WITA');
		expect(en.session.closedTime).toBe('12:15 WITA');
		expect(id.signOff).toEqual({ place: 'Kutai Kartanegara', date: '24 Oktober 2025' });
		expect(en.signOff.date).toBe('24 October 2025');
	});
});

describe('proceedings', () => {
	it('takes the timeline from the logged phase changes, in the session zone', async () => {
		expect(id.proceedings.timeline.map((t) => `${t.time} — ${t.label}`)).toEqual([
			'10.15 WITA — Penulisan masukan secara mandiri',
			'10.40 WITA — Klarifikasi dan pengelompokan tema',
			'11.00 WITA — Pemungutan suara prioritas',
			'11.20 WITA — Pembahasan tema prioritas',
			'11.45 WITA — Penyusunan rencana tindak lanjut',
			'12.15 WITA — Penutupan'
		]);
		expect(en.proceedings.timeline[0]).toMatchObject({ time: '10:15 WITA', phase: 'writing', label: 'Silent writing' });
	});

	it('groups notes by phase and attributes a quote as name – institution – group', async () => {
		expect(id.proceedings.phases.map((p) => [p.phase, p.notes.map((n) => [n.kind, n.time])])).toEqual([
			['grouping', [['note', '10.45 WITA']]],
			['discussion', [['quote', '11.25 WITA']]]
		]);
		const quote = en.proceedings.phases[1].notes[0];
		expect(quote).toMatchObject({
			text: 'Kami siap memfasilitasi akses KUR bagi kelompok usaha.',
			attribution: 'Siti Rahmawati – Dinas Koperasi dan UKM – Government'
		});
		expect(JSON.stringify(quote)).not.toContain(fgd.people.siti.id);
	});
});

describe('action plan', () => {
	it('prints every field, resolves a merged issue to its target and masks phones', async () => {
		expect(id.actionPlan).toHaveLength(1);
		expect(id.actionPlan[0]).toMatchObject({
			no: 1,
			issues: [{ id: fgd.ids.modal, text: 'Akses modal usaha sulit tanpa agunan' }],
			recommendation: { id: fgd.ids.kredit },
			activity: 'Pelatihan dan pendampingan akses KUR',
			output: '40 pelaku UMKM terdampingi',
			indicator: '30 UMKM memperoleh KUR pada 2026',
			picText: 'Siti Rahmawati – Dinas Koperasi dan UKM – Pemerintah (OPD / kecamatan / desa)',
			partners: 'Bank daerah; Universitas Contoh',
			timeframe: 'Triwulan I–II 2026',
			funding: 'APBD',
			cost: 150_000_000,
			costText: 'Rp 150.000.000',
			status: 'berjalan',
			statusLabel: 'Berjalan',
			remarks: 'Kontak bank 0812-xxxx-xx32'
		});
		expect(en.actionPlan[0]).toMatchObject({ costText: 'Rp 150,000,000', statusLabel: 'In progress' });
	});

	it('formats Rupiah without decimals and a missing estimate as a dash', async () => {
		expect(rupiah(2_500_000, 'id')).toBe('Rp 2.500.000');
		expect(rupiah(0, 'en')).toBe('Rp 0');
		expect(rupiah(null, 'id')).toBe('–');
	});
});
