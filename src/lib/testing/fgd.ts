/**
 * A small FGD for the minutes specs, built through the same verbs the app uses
 * (sessions.create, participants.join, commands.execute) on a fresh store of this run's engine.
 * Commands are parsed first, as the socket handler does, so schema defaults apply.
 */
import { vi } from 'vitest';
import type { z } from 'zod';
import type { ParticipantView } from '../domain/types';
import type { commandSchema } from '../realtime/schemas';
import { engineOf, insertionOrder } from '../server/db/store';
import { createSession, joinParticipant, must, newToken } from './server';
import { freshStore } from './stores';

export async function newFgd(minutesLanguage: 'id' | 'en' = 'id') {
	const store = await freshStore();
	const db = store.db;
	const created = await createSession(db, {
		title: 'FGD Penguatan UMKM Pascatambang',
		theme: 'UMKM di wilayah terdampak tambang',
		startsAt: '2025-10-24T09:00',
		timeZone: 'Asia/Makassar',
		venue: 'Hotel Contoh, Samarinda',
		organizers: ['DPMD Kutai Kartanegara', 'Yayasan Mitra Hijau'],
		region: 'Kutai Kartanegara',
		minutesLanguage
	});
	const session = created.row;
	// Five people in four groups: these minutes show every group apart, as a facilitator may choose
	// (minutesMinGroup 1), so the specs see each column. The default fold has a spec of its own.
	await db.updateTable('sessions').set({ details: JSON.stringify({ minutesMinGroup: 1 }) }).where('id', '=', session.id).execute();

	const join = async (name: string, group: string, institution = ''): Promise<ParticipantView> =>
		(await joinParticipant(db, created, name, newToken(), group, institution)).view;

	const run = async (who: ParticipantView | 'facilitator' | 'minutetaker', command: z.input<typeof commandSchema>): Promise<string | undefined> => {
		const identity =
			who === 'facilitator' || who === 'minutetaker'
				? created[who]
				: { sessionId: session.id, code: session.code, role: 'participant' as const, participantId: who.id };
		const { result } = await must(db, identity, command);
		return result.ok ? result.itemId : undefined;
	};

	const post = async (who: ParticipantView, kind: string, text: string, anonymous = false): Promise<string> =>
		(await run(who, { type: 'item.add', kind, text, anonymous }))!;

	return { db, store, session, join, post, run };
}

export type Fgd = Awaited<ReturnType<typeof newFgd>>;

/** Five people in four groups, an item of each kind, one anonymous item and one deleted item. */
export async function sampleFgd(minutesLanguage: 'id' | 'en' = 'id') {
	const fgd = await newFgd(minutesLanguage);
	const siti = await fgd.join('Siti Rahmawati', 'pemerintah', 'Dinas Koperasi dan UKM');
	const yusuf = await fgd.join('Yusuf Hidayat', 'pemerintah', 'Kecamatan Loa Kulu');
	const dewi = await fgd.join('Dewi Lestari', 'akademisi', 'Universitas Contoh');
	const hendra = await fgd.join('Hendra Wijaya', 'dunia_usaha', 'Koperasi Amplang, WA 0812-3456-7890');
	const rini = await fgd.join('Rini Anggraini', 'komunitas', 'Kelompok Tani Sejahtera');

	await fgd.post(siti, 'kendala', 'Akses modal usaha sulit tanpa agunan');
	await fgd.post(dewi, 'peluang', 'Lahan bekas tambang untuk agrowisata');
	await fgd.post(rini, 'kendala', 'Program CSR dan program dinas berjalan sendiri-sendiri', true);
	await fgd.post(hendra, 'rekomendasi', 'Hubungi pengurus di +62 813 1234 5678 untuk pelatihan');
	const removed = await fgd.post(yusuf, 'peluang', 'Teks yang kemudian dihapus');
	await fgd.run(yusuf, { type: 'item.delete', itemId: removed });
	return { ...fgd, people: { siti, yusuf, dewi, hendra, rini } };
}

/** Sets the clock to a time of the session's day (WITA), e.g. `at('10:15')`, so logged times are known. */
const at = (time: string) => vi.setSystemTime(new Date(`2025-10-24T${time}:00+08:00`));

/**
 * The sample FGD run through every phase, from 09.05 to 12.15 WITA: details filled in, two
 * themes, a duplicate merged, an off-topic item hidden after it drew dots, a vote, linked
 * recommendations (one anonymous), a note and a quote, an action row, and the close
 * (left out with `close: false`, for provisional minutes with everything in them).
 */
export async function facilitatedFgd(minutesLanguage: 'id' | 'en' = 'id', { close = true } = {}) {
	vi.useFakeTimers({ toFake: ['Date'] });
	try {
		at('09:05');
		const fgd = await sampleFgd(minutesLanguage);
		const { siti, yusuf, dewi, hendra, rini } = fgd.people;
		const visible = await fgd.db
			.selectFrom('items')
			.select('id')
			.where('session_id', '=', fgd.session.id)
			.where('status', '=', 'visible')
			.orderBy(insertionOrder(engineOf(fgd.db)))
			.execute();
		const [modal, lahan, , pelatihan] = visible.map((r) => r.id);
		await fgd.run('facilitator', { type: 'session.details', details: DETAILS });

		at('10:15');
		await fgd.run('facilitator', { type: 'phase.set', phase: 'writing' });
		const duplicate = await fgd.post(yusuf, 'kendala', 'Modal usaha sulit diakses pelaku UMKM');
		const pemasaran = await fgd.post(hendra, 'kendala', 'Pemasaran produk masih terbatas di pasar lokal');
		const kredit = await fgd.post(dewi, 'rekomendasi', 'Skema kredit lunak berbasis kelompok dengan pendampingan kampus');
		const forum = await fgd.post(rini, 'rekomendasi', 'Forum koordinasi CSR dan OPD setiap triwulan', true);
		const spam = await fgd.post(yusuf, 'peluang', 'Jual pulsa murah, hubungi saya');

		at('10:40');
		await fgd.run('facilitator', { type: 'phase.set', phase: 'grouping' });
		const permodalan = await themeId(fgd, 'Permodalan');
		const pasar = await themeId(fgd, 'Pemasaran');
		await fgd.run('facilitator', { type: 'item.merge', targetId: modal, sourceIds: [duplicate] });
		await fgd.run('facilitator', { type: 'item.theme', itemId: modal, themeId: permodalan });
		await fgd.run('facilitator', { type: 'item.theme', itemId: pemasaran, themeId: pasar });
		at('10:45');
		await fgd.run('minutetaker', { type: 'note.add', text: 'Dua masukan tentang akses modal digabung.' });

		at('11:00');
		await fgd.run('facilitator', { type: 'phase.set', phase: 'voting' });
		const dots: [ParticipantView, string, number][] = [
			[siti, kredit, 3], [siti, modal, 2], [dewi, kredit, 2], [dewi, pemasaran, 1], [dewi, forum, 2],
			[hendra, pelatihan, 2], [hendra, modal, 1], [hendra, pemasaran, 2], [rini, kredit, 2], [rini, modal, 1],
			// Yusuf's dots all go to the item hidden afterwards: he must not count as a voter.
			[yusuf, spam, 3]
		];
		for (const [who, targetId, count] of dots) await fgd.run(who, { type: 'vote.set', targetId, count });
		at('11:10');
		await fgd.run('facilitator', { type: 'item.hide', itemId: spam, reason: 'Di luar topik' });

		at('11:20');
		await fgd.run('facilitator', { type: 'phase.set', phase: 'discussion' });
		await fgd.run('facilitator', { type: 'link.set', recommendationId: kredit, targetId: modal, linked: true });
		await fgd.run('facilitator', { type: 'link.set', recommendationId: kredit, targetId: lahan, linked: true });
		await fgd.run('facilitator', { type: 'link.set', recommendationId: forum, targetId: pemasaran, linked: true });
		at('11:25');
		const speaker = { participantId: siti.id, name: siti.name, institution: siti.institution, group: siti.group };
		await fgd.run('minutetaker', { type: 'note.add', text: 'Kami siap memfasilitasi akses KUR bagi kelompok usaha.', speaker });

		at('11:45');
		await fgd.run('facilitator', { type: 'phase.set', phase: 'action' });
		await fgd.run('minutetaker', { type: 'action.save', row: { ...ACTION, issueItemIds: [modal, duplicate], recommendationId: kredit } });

		at('12:15');
		if (close) await fgd.run('facilitator', { type: 'phase.set', phase: 'closed' });
		return { ...fgd, ids: { modal, duplicate, lahan, pelatihan, pemasaran, kredit, forum, spam, permodalan, pasar } };
	} finally {
		vi.useRealTimers();
	}
}

async function themeId(fgd: Fgd, name: string): Promise<string> {
	await fgd.run('facilitator', { type: 'theme.create', name });
	const row = await fgd.db.selectFrom('themes').select('id').where('session_id', '=', fgd.session.id).where('name', '=', name).executeTakeFirstOrThrow();
	return row.id;
}

const DETAILS = {
	chair: 'Ir. Bambang Sutrisno, M.Si.',
	chairPosition: 'Kepala DPMD Kutai Kartanegara',
	chairNip: '19700512 199803 1 004',
	facilitatorName: 'Nur Aini',
	speakers: ['Dr. Andi Pratama (Universitas Contoh)', 'Kepala Bidang UMKM Dinas Koperasi'],
	minuteTaker: 'Rudi Hartono',
	minuteTakerPosition: 'Staf Bidang Ekonomi',
	minuteTakerNip: '19900303 201503 1 002',
	basis: 'Surat undangan Nomor 005/123/DPMD/2025',
	aims: 'Menghimpun kendala, peluang dan rekomendasi penguatan UMKM pascatambang.',
	agenda: [
		{ time: '09.00–09.15', activity: 'Pembukaan dan sambutan' },
		{ time: '09.15–12.00', activity: 'Diskusi kelompok terarah' },
		{ time: '12.00–12.15', activity: 'Penutupan' }
	],
	conclusions: '1. Akses permodalan menjadi prioritas.\n2. Forum koordinasi CSR dan OPD dibentuk.'
};

const ACTION = {
	activity: 'Pelatihan dan pendampingan akses KUR',
	output: '40 pelaku UMKM terdampingi',
	indicator: '30 UMKM memperoleh KUR pada 2026',
	pic: { name: 'Siti Rahmawati', institution: 'Dinas Koperasi dan UKM', group: 'pemerintah' },
	partners: 'Bank daerah; Universitas Contoh',
	timeframe: 'Triwulan I–II 2026',
	funding: 'APBD',
	cost: 150_000_000,
	status: 'berjalan' as const,
	remarks: 'Kontak bank 0812-9876-5432'
};

/**
 * What an office adds for filing the minutes: a document number, the actual start and end, each
 * signer's pangkat/golongan, the place of signing, the tembusan and the paraf boxes. Sent as the
 * minute-taker's page sends it (times typed the Indonesian way and the other).
 */
export const OFFICE_DETAILS = {
	number: '005/214/DPMD/X/2025',
	startTime: '09.05',
	endTime: '12:30',
	chairRank: 'Pembina Tk. I (IV/b)',
	minuteTakerRank: 'Penata Muda (III/a)',
	signingPlace: 'Tenggarong',
	copies: ['Bupati Kutai Kartanegara (sebagai laporan)', 'Kepala Bappeda Kutai Kartanegara'],
	paraf: ['Kasubbag Umum', 'Kabid PEM']
};

export async function withOfficeDetails<T extends Fgd>(fgd: T): Promise<T> {
	await fgd.run('minutetaker', { type: 'session.details', details: OFFICE_DETAILS });
	return fgd;
}
