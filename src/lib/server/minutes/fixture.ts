/**
 * A small FGD for the minutes specs, built through the same verbs the app uses
 * (sessions.create, participants.join, commands.execute) on an in-memory database.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { ParticipantView } from '../../domain/types';
import type { Command } from '../../realtime/contract';
import { createSessionSchema, joinSchema } from '../../realtime/schemas';
import * as commands from '../commands';
import { openDatabase } from '../db/database';
import * as participants from '../participants';
import * as sessions from '../sessions';

export function newFgd(minutesLanguage: 'id' | 'en' = 'id') {
	const db = openDatabase(':memory:');
	const created = sessions.create(
		db,
		createSessionSchema.parse({
			title: 'FGD Penguatan UMKM Pascatambang',
			theme: 'UMKM di wilayah terdampak tambang',
			startsAt: '2025-10-24T09:00',
			timeZone: 'Asia/Makassar',
			venue: 'Hotel Contoh, Samarinda',
			organizers: ['DPMD Kutai Kartanegara', 'Yayasan Mitra Hijau'],
			region: 'Kutai Kartanegara',
			minutesLanguage
		})
	);
	const session = sessions.byCode(db, created.code)!;

	const join = (name: string, group: string, institution = ''): ParticipantView =>
		participants.join(
			db,
			session,
			joinSchema.parse({ token: randomBytes(24).toString('base64url'), name, group, institution, consent: true })
		).participant;

	const run = (who: ParticipantView | 'facilitator', command: Command): string | undefined => {
		const identity = {
			sessionId: session.id,
			code: session.code,
			role: who === 'facilitator' ? ('facilitator' as const) : ('participant' as const),
			participantId: who === 'facilitator' ? null : who.id
		};
		const { result } = commands.execute(db, identity, { id: randomUUID(), command });
		if (!result.ok) throw new Error(`${command.type} refused: ${result.error.message}`);
		return result.itemId;
	};

	const post = (who: ParticipantView, kind: string, text: string, anonymous = false): string =>
		run(who, { type: 'item.add', kind, text, anonymous })!;

	return { db, session, join, post, run };
}

/** Five people in four groups, an item of each kind, one anonymous item and one deleted item. */
export function sampleFgd(minutesLanguage: 'id' | 'en' = 'id') {
	const fgd = newFgd(minutesLanguage);
	const siti = fgd.join('Siti Rahmawati', 'pemerintah', 'Dinas Koperasi dan UKM');
	const yusuf = fgd.join('Yusuf Hidayat', 'pemerintah', 'Kecamatan Loa Kulu');
	const dewi = fgd.join('Dewi Lestari', 'akademisi', 'Universitas Contoh');
	const hendra = fgd.join('Hendra Wijaya', 'dunia_usaha', 'Koperasi Amplang, WA 0812-3456-7890');
	const rini = fgd.join('Rini Anggraini', 'komunitas', 'Kelompok Tani Sejahtera');

	fgd.post(siti, 'kendala', 'Akses modal usaha sulit tanpa agunan');
	fgd.post(dewi, 'peluang', 'Lahan bekas tambang untuk agrowisata');
	fgd.post(rini, 'kendala', 'Program CSR dan program dinas berjalan sendiri-sendiri', true);
	fgd.post(hendra, 'rekomendasi', 'Hubungi pengurus di +62 813 1234 5678 untuk pelatihan');
	const removed = fgd.post(yusuf, 'peluang', 'Teks yang kemudian dihapus');
	fgd.run(yusuf, { type: 'item.delete', itemId: removed });
	return { ...fgd, people: { siti, yusuf, dewi, hendra, rini } };
}
