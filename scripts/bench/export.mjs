// The `export` figure: a session of the size the minutes are built for (1,000 items, 300
// participants who all vote, 30 action-plan rows), filled in through the real API and sockets as
// phones and staff would, then each format of the minutes downloaded from the running server.
import { command, connect, createSession, join } from './phone.mjs';
import { median, pool } from './stats.mjs';

export const FORMATS = ['md', 'json', 'csv', 'xlsx', 'pdf', 'docx'];
const KINDS = ['kendala', 'peluang', 'rekomendasi'];
const TOPICS = ['akses modal', 'jalan desa', 'pemasaran daring', 'pelatihan', 'air bersih', 'lahan bekas tambang', 'koperasi', 'program CSR'];

/** Sends a command and fails loudly unless it is acknowledged. */
async function send(socket, cmd) {
	const ack = await command(socket, cmd);
	if (!ack?.ok) throw new Error(`export setup: ${cmd.type} refused: ${JSON.stringify(ack)}`);
	return ack;
}

/**
 * Fills a new session: `participants` join over HTTP (16 at a time) and connect; item k is posted
 * by participant k (every tenth anonymously) with each phone posting its own items in turn; every
 * participant then places 3 + 2 dots; the minute-taker saves `actions` rows, each linking a
 * constraint and a recommendation. Resolves with the session and what it holds.
 */
async function fill(url, { items, participants, actions }) {
	const session = await createSession(url, { title: `FGD ekspor ${items} masukan` });
	const { code } = session;
	const staff = {
		facilitator: await connect(url, { code, role: 'facilitator', key: session.facilitatorKey }),
		minutetaker: await connect(url, { code, role: 'minutetaker', key: session.minutetakerKey })
	};
	const tokens = await pool(
		Array.from({ length: participants }, (_, i) => i),
		16,
		async (i) => (await join(url, code, i)).token
	);
	const phones = await pool(tokens, 32, (token) => connect(url, { code, role: 'participant', token }));
	try {
		await send(staff.facilitator, { type: 'phase.set', phase: 'writing' });
		const ids = new Array(items);
		await pool(phones, 32, async (phone, p) => {
			for (let k = p; k < items; k += phones.length) {
				const text = `Masukan ${k + 1}: ${TOPICS[k % TOPICS.length]} perlu ditangani bersama oleh dinas, desa dan dunia usaha.`;
				ids[k] = (await send(phone, { type: 'item.add', kind: KINDS[k % 3], text, anonymous: k % 10 === 0 })).itemId;
			}
		});
		await send(staff.facilitator, { type: 'phase.set', phase: 'voting' });
		// Dots gather on a few dozen items, as they do on a real board: 3 on one, 2 on another.
		await pool(phones, 32, async (phone, p) => {
			await send(phone, { type: 'vote.set', targetId: ids[(p * 7) % Math.min(items, 60)], count: 3 });
			await send(phone, { type: 'vote.set', targetId: ids[(p * 11 + 2) % Math.min(items, 90)], count: 2 });
		});
		await send(staff.facilitator, { type: 'phase.set', phase: 'action' });
		for (let i = 0; i < actions; i++) {
			// Item 3i is a constraint (kendala) and 3i + 2 a recommendation.
			const row = {
				activity: `Kegiatan tindak lanjut ${i + 1}: pendampingan UMKM desa lingkar tambang`,
				issueItemIds: [ids[(i * 3) % items]],
				recommendationId: ids[(i * 3 + 2) % items],
				output: 'Kelompok usaha terdampingi',
				indicator: `${10 * (i + 1)} pelaku UMKM`,
				pic: { name: `Penanggung Jawab ${i + 1}`, institution: 'Dinas Koperasi dan UKM', group: 'pemerintah' },
				partners: 'Universitas, perusahaan mitra',
				timeframe: '2026',
				funding: i % 2 ? 'APBD' : 'CSR',
				cost: 1_000_000 * (i + 1),
				status: 'rencana'
			};
			await send(staff.minutetaker, { type: 'action.save', row });
		}
	} finally {
		for (const socket of [...phones, staff.facilitator, staff.minutetaker]) socket.close();
	}
	return { session, items, participants, votes: participants * 2, actionRows: actions };
}

/**
 * Builds the session, then downloads the minutes in every format as the facilitator does
 * (`Authorization: Bearer <facilitatorKey>`): two warm-ups, then `runs` timed downloads each,
 * body read in full. Resolves with the median and every run per format, and the size in bytes.
 */
export async function measureExport(server, { items = 1000, participants = 300, actions = 30, runs = 5 } = {}) {
	const started = performance.now();
	const filled = await fill(server.url, { items, participants, actions });
	const setupMs = performance.now() - started;
	const { code, facilitatorKey } = filled.session;
	const formats = {};
	for (const format of FORMATS) {
		const times = [];
		let bytes = 0;
		for (let i = 0; i < runs + 2; i++) {
			const begun = performance.now();
			const response = await fetch(`${server.url}/api/sessions/${code}/minutes?format=${format}`, {
				headers: { authorization: `Bearer ${facilitatorKey}` },
				signal: AbortSignal.timeout(60_000)
			});
			const body = new Uint8Array(await response.arrayBuffer());
			const ms = performance.now() - begun;
			if (!response.ok) throw new Error(`minutes ${format}: ${response.status} ${new TextDecoder().decode(body.subarray(0, 200))}`);
			if (i >= 2) times.push(ms); // the first two warm the JIT (and the caches a real second download would find)
			bytes = body.length;
		}
		formats[format] = { medianMs: median(times), runs: times, bytes };
	}
	const { session, ...size } = filled;
	return { ...size, setupMs, formats };
}
