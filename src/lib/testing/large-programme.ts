/**
 * A programme of the size the synthesis report is measured at (10 sessions × 100 items by
 * default), filled through the app's own commands on the store `db`: the labelled
 * programme cards (src/lib/similarity/data/), reworded the way the clustering bench does, posted
 * by 20–60 participants per session in the sample FGD's stakeholder groups, every participant
 * placing five dots, recommendations linked to constraints, five action-plan rows per session.
 * Test and bench code only.
 */
import type { Database } from '../server/db/store';
import { createSession, joinParticipant, must, newToken, type TestParticipant } from './server';
import { random } from './random';

const GROUPS = ['pemerintah', 'akademisi', 'dunia_usaha', 'csr', 'komunitas', 'media'];
const REGIONS = ['Kutai Kartanegara', 'Paser', 'Samarinda', 'Balikpapan', 'Berau', 'Kutai Timur', 'Kutai Barat', 'Penajam Paser Utara', 'Bontang', 'Mahakam Ulu'];
const FUNDING = ['APBD', 'APBN', 'Dana Desa', 'CSR PT Kaltim Prima', 'Swadaya'];
const INSTITUTIONS = ['Dinas Koperasi dan UKM', 'Bappeda', 'DPMD', 'Dinas Pariwisata', 'Diskominfo', 'Pemerintah Desa'];

export async function largeProgramme(db: Database, cards: { kind: string; text: string }[], { sessions = 10, perSession = 100, seed = 2026 } = {}) {
	const rng = random(seed);
	const ids: string[] = [];
	for (let s = 0; s < sessions; s++) {
		const region = REGIONS[s % REGIONS.length];
		const session = await createSession(db, { title: `FGD Penguatan UMKM ${region}`, theme: 'Penguatan UMKM pascatambang', region, startsAt: '2025-10-24T09:00', timeZone: 'Asia/Makassar' });
		if (s === 0)
			await must(db, session.minutetaker, {
				type: 'session.details',
				details: { chair: 'Ir. Bambang Sutrisno, M.Si.', chairPosition: 'Kepala DPMD', signingPlace: 'Tenggarong', letterhead: { office: 'PEMERINTAH KABUPATEN KUTAI KARTANEGARA\nDPMD' } }
			});
		const people: TestParticipant[] = [];
		for (let p = 0, n = 20 + rng.int(41); p < n; p++) people.push(await joinParticipant(db, session, `Peserta ${s}-${p}`, newToken(), rng.pick(GROUPS), rng.pick(INSTITUTIONS)));
		await must(db, session.facilitator, { type: 'phase.set', phase: 'writing' });
		const posted: { id: string; kind: string }[] = [];
		for (let i = 0; i < perSession; i++) {
			const base = rng.pick(cards);
			const words = base.text.split(' ');
			if (words.length > 3) words.splice(rng.int(words.length), 1);
			const j = rng.int(words.length);
			const w = words[j];
			if (w.length >= 5 && rng.chance(0.3)) words[j] = w.slice(0, 2) + w[3] + w[2] + w.slice(4);
			const who = people[i % people.length];
			const { result } = await must(db, who.identity, { type: 'item.add', kind: base.kind, text: words.join(' '), anonymous: i % 10 === 9 });
			posted.push({ id: (result as { itemId: string }).itemId, kind: base.kind });
		}
		await must(db, session.facilitator, { type: 'phase.set', phase: 'voting' });
		for (const p of people) {
			for (let d = 0; d < 5; d++) {
				const target = rng.pick(posted).id;
				await must(db, p.identity, { type: 'vote.set', targetId: target, count: 1 });
			}
		}
		await must(db, session.facilitator, { type: 'phase.set', phase: 'discussion' });
		const constraints = posted.filter((x) => x.kind === 'kendala');
		const recommendations = posted.filter((x) => x.kind === 'rekomendasi');
		for (const r of recommendations.slice(0, 10)) if (constraints.length) await must(db, session.facilitator, { type: 'link.set', recommendationId: r.id, targetId: rng.pick(constraints).id, linked: true });
		await must(db, session.facilitator, { type: 'phase.set', phase: 'action' });
		for (let a = 0; a < 5; a++) {
			await must(db, session.minutetaker, {
				type: 'action.save',
				row: {
					activity: `Kegiatan tindak lanjut ${a + 1}`,
					output: 'Laporan',
					indicator: '',
					pic: { name: '', institution: rng.pick(INSTITUTIONS), group: 'pemerintah' },
					partners: '',
					timeframe: '2026',
					funding: rng.pick(FUNDING),
					cost: 50_000_000 * (a + 1),
					status: 'rencana',
					remarks: '',
					issueItemIds: constraints.length ? [rng.pick(constraints).id] : []
				}
			});
		}
		await must(db, session.facilitator, { type: 'phase.set', phase: 'closed' });
		ids.push(session.row.id);
	}
	return { db, ids };
}
