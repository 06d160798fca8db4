/**
 * A small programme for the synthesis specs: three sessions in three regions (Kutai Kartanegara,
 * Paser, Samarinda) in one fresh store of this run's engine, filled through the same commands the app uses,
 * small enough that every figure of the synthesis can be computed by hand. Test code only.
 */
import { createSession, joinParticipant, must, newToken, type TestParticipant, type TestSession } from './server';
import { freshDb } from './stores';

const DETAILS = {
	number: '005/214/DPMD/X/2025',
	chair: 'Ir. Bambang Sutrisno, M.Si.',
	chairPosition: 'Kepala DPMD Kutai Kartanegara',
	chairNip: '19700512 199803 1 004',
	signingPlace: 'Tenggarong',
	basis: 'Surat undangan Nomor 005/123/DPMD/2025',
	aims: 'Menghimpun kendala, peluang dan rekomendasi penguatan UMKM pascatambang.',
	letterhead: { office: 'PEMERINTAH KABUPATEN KUTAI KARTANEGARA\nDINAS PEMBERDAYAAN MASYARAKAT DAN DESA', address: 'Jl. Wolter Monginsidi No. 1, Tenggarong', phone: '(0541) 661234' }
};

const ACTION = {
	activity: 'Pendampingan akses KUR',
	output: '40 UMKM',
	indicator: '30 UMKM memperoleh KUR',
	pic: { name: 'Siti', institution: 'Dinas Koperasi dan UKM', group: 'pemerintah' },
	partners: '',
	timeframe: '2026',
	funding: 'APBD',
	cost: 100_000_000,
	status: 'rencana' as const,
	remarks: ''
};

/** Three sessions in three regions, small enough to compute every figure by hand. */
export async function programme() {
	const db = await freshDb();
	const open = (region: string) => createSession(db, { title: `FGD UMKM ${region}`, theme: 'Penguatan UMKM', region, startsAt: '2025-10-24T09:00', timeZone: 'Asia/Makassar' });
	const people = async (s: TestSession, list: [string, string][]) => {
		const joined: TestParticipant[] = [];
		for (const [name, group] of list) joined.push(await joinParticipant(db, s, name, newToken(), group, `Lembaga ${name}`));
		return joined;
	};
	const post = async (s: TestSession, p: TestParticipant, kind: string, text: string) => {
		const { result } = await must(db, p.identity, { type: 'item.add', kind, text });
		return (result as { itemId: string }).itemId;
	};
	const phase = async (s: TestSession, to: string) => await must(db, s.facilitator, { type: 'phase.set', phase: to });

	const kk = await open('Kutai Kartanegara');
	await must(db, kk.minutetaker, { type: 'session.details', details: DETAILS });
	const [ani, budi] = await people(kk, [['Ani', 'pemerintah'], ['Budi', 'akademisi']]);
	await phase(kk, 'writing');
	const a1 = await post(kk, ani, 'kendala', 'Akses modal usaha sulit tanpa agunan');
	const a2 = await post(kk, budi, 'kendala', 'Jalan desa rusak parah saat hujan');
	const a3 = await post(kk, budi, 'rekomendasi', 'Perluas KUR dengan pendampingan');
	await phase(kk, 'voting');
	await must(db, ani.identity, { type: 'vote.set', targetId: a1, count: 3 });
	await must(db, ani.identity, { type: 'vote.set', targetId: a2, count: 2 });
	await must(db, budi.identity, { type: 'vote.set', targetId: a1, count: 1 });
	await phase(kk, 'discussion');
	await must(db, kk.facilitator, { type: 'link.set', recommendationId: a3, targetId: a1, linked: true });
	await phase(kk, 'action');
	await must(db, kk.minutetaker, { type: 'action.save', row: { ...ACTION, issueItemIds: [a1], recommendationId: a3 } });

	const paser = await open('Paser');
	const [cici, dedi, eka] = await people(paser, [['Cici', 'pemerintah'], ['Dedi', 'dunia_usaha'], ['Eka', 'komunitas']]);
	await phase(paser, 'writing');
	const b1 = await post(paser, dedi, 'kendala', 'Bank minta jaminan sertifikat');
	const b2 = await post(paser, eka, 'kendala', 'Sinyal seluler sering putus');
	await phase(paser, 'voting');
	for (const p of [cici, dedi]) {
		await must(db, p.identity, { type: 'vote.set', targetId: b1, count: 3 });
		await must(db, p.identity, { type: 'vote.set', targetId: b2, count: 2 });
	}
	await must(db, eka.identity, { type: 'vote.set', targetId: b2, count: 3 });
	await phase(paser, 'action');
	await must(db, paser.minutetaker, {
		type: 'action.save',
		row: { ...ACTION, pic: { name: 'Kades', institution: 'Pemerintah Desa Long Ikis', group: 'pemerintah' }, funding: 'Dana Desa 2026', issueItemIds: [b2] }
	});

	const smd = await open('Samarinda');
	const [fajar] = await people(smd, [['Fajar', 'dunia_usaha']]);
	await phase(smd, 'writing');
	const c1 = await post(smd, fajar, 'kendala', 'Modal usaha terbatas');

	const ids = [kk.row.id, paser.row.id, smd.row.id];
	return { db, ids, items: { a1, a2, a3, b1, b2, c1 }, smd, fajar, post };
}

