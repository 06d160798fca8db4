// The organization part of `npm run demo` (skip it with `--no-org`): a demo organization with one
// admin (through build/admin.js create-user against the server's database, DATABASE_URL or DATABASE_PATH, as an operator would: no default
// password, a one-time setup link), a programme of three sessions in three kabupaten/kota of
// Kalimantan Timur created through the /org pages' own form actions, each filled over socket.io
// with that region's cards from src/lib/similarity/data/programme.tsv, and two of the three closed.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as devalue from 'devalue';

export const ORGANIZATION = 'DPMD Provinsi Kalimantan Timur (demo)';
export const PROGRAMME = 'Penguatan UMKM Pascatambang 2026 (demo)';
const THEME = 'Penguatan UMKM di wilayah terdampak tambang';
const KALTIM = '64';

/** The three sessions: the region as the official list names it, the tsv's session column, people. */
const REGIONS = [
	{
		tsv: 'kukar',
		match: /kutai\s+kartanegara/i,
		title: 'FGD Penguatan UMKM Pascatambang — Kutai Kartanegara (demo)',
		startsAt: '2026-03-10T09:00',
		venue: 'Aula Kantor Camat Loa Kulu (contoh)',
		close: true,
		people: [
			['Hendra Gunawan', 'pemerintah', 'Dinas Koperasi dan UKM Kutai Kartanegara'],
			['Sulastri', 'pemerintah', 'Pemerintah Desa Loa Kulu Kota (contoh)'],
			['Dr. Yusran', 'akademisi', 'Universitas Kutai Kartanegara'],
			['Masitah', 'dunia_usaha', 'UMKM Kerupuk Amplang Loa Kulu (contoh)'],
			['Budi Santoso', 'dunia_usaha', 'Koperasi Nelayan Muara Jawa (contoh)'],
			['Rahmat Hidayat', 'csr', 'PT Tambang Mahakam Jaya (contoh), PPM'],
			['Siti Rohani', 'komunitas', 'KWT Sumber Rejeki (contoh)'],
			['Arif Rahman', 'komunitas', 'Karang Taruna Tenggarong Seberang (contoh)']
		]
	},
	{
		tsv: 'paser',
		match: /^(kabupaten\s+|kab\.?\s+)?paser$/i,
		title: 'FGD Penguatan UMKM Pascatambang — Paser (demo)',
		startsAt: '2026-03-17T09:00',
		venue: 'Gedung Serbaguna Tana Paser (contoh)',
		close: true,
		people: [
			['Muhammad Ilham', 'pemerintah', 'Dinas Koperasi dan UKM Kabupaten Paser'],
			['Hj. Norhayati', 'pemerintah', 'Kantor Kecamatan Long Ikis'],
			['Yosef Ngau', 'akademisi', 'STIE Tanah Grogot (contoh)'],
			['Kasmawati', 'dunia_usaha', 'Kelompok Perajin Anyaman Rotan Paser (contoh)'],
			['Samsul Bahri', 'dunia_usaha', 'UMKM Gula Aren Batu Sopang (contoh)'],
			['Lisa Anggraini', 'csr', 'PT Kideco Contoh Energi (contoh), CSR'],
			['Pak Imran', 'komunitas', 'Lembaga Adat Paser (contoh)'],
			['Dewi Kartika', 'media', 'Radio Komunitas Paser (contoh)']
		]
	},
	{
		tsv: 'smd',
		match: /samarinda/i,
		title: 'FGD Penguatan UMKM Pascatambang — Samarinda (demo)',
		startsAt: '2026-03-24T09:00',
		venue: 'Ruang Rapat Bappeda Kota Samarinda (contoh)',
		close: false,
		people: [
			['Andi Mappaseng', 'pemerintah', 'Bappeda Kota Samarinda'],
			['Fitriani', 'pemerintah', 'Kelurahan Makroman (contoh)'],
			['Dr. Rina Marlina', 'akademisi', 'Universitas Mulawarman'],
			['Hasanuddin', 'dunia_usaha', 'Sentra Tenun Sarung Samarinda (contoh)'],
			['Yuliana', 'dunia_usaha', 'Toko daring Oleh-oleh Etam (contoh)'],
			['Robert Simanjuntak', 'csr', 'PT Batubara Kota Tepian (contoh), PPM'],
			['Nur Aisyah', 'komunitas', 'Komunitas UMKM Makroman (contoh)'],
			['Gilang Ramadhan', 'komunitas', 'Pokdarwis Bekas Tambang Makroman (contoh)']
		]
	}
];

/** Readable theme names for the tsv's issue labels (kendala and peluang). */
const THEME_NAMES = {
	'k-modal': 'Akses modal',
	'k-digital': 'Pemasaran digital',
	'k-nafkah': 'Mata pencaharian pascatambang',
	'k-sinyal': 'Sinyal dan jaringan',
	'k-koordinasi': 'Koordinasi program',
	'k-kapasitas': 'Kapasitas pelaku usaha',
	'k-izin': 'Perizinan dan sertifikasi',
	'k-kemasan': 'Kemasan produk',
	'k-jalan': 'Jalan dan akses pasar',
	'k-bahanbaku': 'Bahan baku',
	'k-void': 'Lahan bekas tambang',
	'k-banjir': 'Banjir',
	'p-olahan': 'Produk olahan lokal',
	'p-csr': 'Dana CSR/PPM',
	'p-wisata': 'Wisata bekas tambang',
	'p-lahan': 'Pemanfaatan lahan',
	'p-sarung': 'Tenun sarung',
	'p-rotan': 'Kerajinan rotan',
	'p-aren': 'Gula aren'
};

/** The labelled programme cards, by session: { kind, issue, text }. */
export function programmeCards(path = 'src/lib/similarity/data/programme.tsv') {
	const bySession = new Map();
	for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
		if (!line.trim()) continue;
		const [session, kind, issue, text] = line.split('\t');
		if (!bySession.has(session)) bySession.set(session, []);
		bySession.get(session).push({ kind, issue, text });
	}
	return bySession;
}

/** PostgreSQL's URL when DATABASE_URL names one (as the server reads it), else null. */
const postgresUrl = () => (/^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL ?? '') ? process.env.DATABASE_URL : null);
/** Where the accounts are written, for the messages. */
const databaseName = () => (postgresUrl() ? `PostgreSQL ${new URL(postgresUrl()).pathname.slice(1)}` : (process.env.DATABASE_PATH ?? 'db/rembuk.sqlite'));

/** `node build/admin.js create-user …` against the server's database; returns the one-time link it prints. */
function createAdmin(login, name, baseUrl) {
	if (!existsSync('build/admin.js')) throw new Error('No build/admin.js: run `npm run build` first (or pass --no-org)');
	const database = process.env.DATABASE_PATH ?? 'db/rembuk.sqlite';
	// Never a new, empty SQLite file beside the server's: the accounts must land where the server reads.
	if (!postgresUrl() && !existsSync(database))
		throw new Error(`no database at ${database}: set DATABASE_PATH (or DATABASE_URL) to the running server's database, or pass --no-org`);
	let out;
	try {
		out = execFileSync(process.execPath, ['build/admin.js', 'create-user', '--org', ORGANIZATION, '--username', login, '--name', name], {
			env: { ...process.env, PUBLIC_URL: baseUrl },
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe']
		});
	} catch (error) {
		throw new Error(`create-user failed: ${String(error.stderr ?? error.message).trim()}`);
	}
	const link = out.split('\n').find((l) => l.includes('/akun/tautan/'));
	if (!link) throw new Error(`create-user printed no link: ${out.trim()}`);
	return link.trim();
}

/** A browser-like client for the /org pages' form actions, carrying the account cookie. */
function formClient(baseUrl, timeoutMs) {
	const cookies = new Map();
	async function post(path, fields) {
		const response = await fetch(`${baseUrl}${path}`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: baseUrl,
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				'content-type': 'application/x-www-form-urlencoded',
				cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ')
			},
			body: new URLSearchParams(fields).toString(),
			signal: AbortSignal.timeout(timeoutMs)
		});
		for (const header of response.headers.getSetCookie()) {
			const [pair] = header.split(';');
			const at = pair.indexOf('=');
			cookies.set(pair.slice(0, at), pair.slice(at + 1));
		}
		const text = await response.text();
		let result;
		try {
			result = JSON.parse(text);
		} catch {
			throw new Error(`POST ${path} answered ${response.status}: ${text.slice(0, 200)}`);
		}
		if (result.type === 'redirect') return { location: result.location };
		if (result.type !== 'success') {
			const data = result.data ? devalue.parse(result.data) : result.error;
			throw new Error(`POST ${path} refused (${result.status}): ${JSON.stringify(data)}`);
		}
		return { data: result.data ? devalue.parse(result.data) : null };
	}
	async function get(path) {
		const response = await fetch(`${baseUrl}${path}`, {
			headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
			signal: AbortSignal.timeout(timeoutMs)
		});
		if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
		return response.json();
	}
	return { post, get };
}

const keyOf = (location) => new URLSearchParams(location.split('#')[1] ?? '').get('key');

/**
 * Seeds the organization; `tools` are demo.mjs's own request/connect/send. Returns the human
 * admin's setup link (never used here) and what was created.
 */
export async function seedOrganization({ baseUrl, timeoutMs, request, connect, send, progress }) {
	const suffix = randomBytes(3).toString('hex');
	// The person trying the demo: their link is printed, never opened here.
	const setupLink = createAdmin(`admin-demo-${suffix}`, 'Admin Demo DPMD Kaltim', baseUrl);
	// The demo's own account, which fills the programme; its password is random and never shown.
	const robotLink = createAdmin(`pengisi-demo-${suffix}`, 'Pengisi Data Demo', baseUrl);
	const client = formClient(baseUrl, timeoutMs);
	const token = robotLink.split('/akun/tautan/')[1];
	try {
		await client.post(`/akun/tautan/${token}`, { name: 'Pengisi Data Demo', password: randomBytes(24).toString('base64url') });
	} catch (error) {
		// The link was written to a database the server does not read.
		throw new Error(
			`the server at ${baseUrl} does not know the account just made in ${databaseName()}: ` +
				`set DATABASE_PATH (or DATABASE_URL) to the running server's database, or pass --no-org (${error.message})`
		);
	}
	progress(`Organization "${ORGANIZATION}" with an admin (setup link printed, unused)`);

	const { regions } = await client.get(`/api/regions?parent=${KALTIM}`);
	const created = await client.post('/org?/createProgramme', { name: PROGRAMME, theme: THEME, templateSession: '' });
	const programmeId = created.location.split('/').pop();
	progress(`Programme "${PROGRAMME}" created`);

	const cards = programmeCards();
	const sessions = [];
	for (const region of REGIONS) {
		const official = regions.find((r) => region.match.test(r.name.replace(/^(kabupaten|kota|kab\.)\s+/i, '')) || region.match.test(r.name));
		if (!official) throw new Error(`The region list has no match for ${region.match} under ${KALTIM}`);
		const { data } = await client.post(`/org/program/${programmeId}?/addSession`, {
			title: region.title,
			startsAt: region.startsAt,
			venue: region.venue,
			regionCode: official.code
		});
		const code = data.created;
		await fillSession({ code, region, cards: cards.get(region.tsv) ?? [], client, request, connect, send });
		progress(`Session ${code} (${official.name}) filled${region.close ? ' and closed' : ''}`);
		sessions.push({ code, regionCode: official.code, closed: region.close });
	}
	return { organizationSetupLink: setupLink, programmeId, sessions };
}

async function fillSession({ code, region, cards, client, request, connect, send }) {
	if (cards.length === 0) throw new Error(`programme.tsv has no cards for ${region.tsv}`);
	const facilitatorKey = keyOf((await client.post('/org?/console', { code })).location);
	const minutetakerKey = keyOf((await client.post('/org?/minutetaker', { code })).location);
	const people = region.people.map(([name, group, institution]) => ({ name, group, institution, token: randomBytes(24).toString('base64url') }));
	for (const person of people)
		await request('POST', `/api/sessions/${code}/participants`, { token: person.token, name: person.name, group: person.group, institution: person.institution, consent: true });
	const sockets = [];
	try {
		const facilitator = await connect(code, facilitatorKey, 'the facilitator', 'facilitator');
		const minutetaker = await connect(code, minutetakerKey, 'the minute-taker', 'minutetaker');
		sockets.push(facilitator, minutetaker);
		const phones = [];
		for (const person of people) phones.push(await connect(code, person.token, person.name));
		sockets.push(...phones);

		await send(facilitator, { type: 'phase.set', phase: 'writing' });
		const posted = [];
		for (const [index, card] of cards.entries()) {
			const ack = await send(phones[index % phones.length], { type: 'item.add', kind: card.kind, text: card.text, anonymous: index % 7 === 3 });
			posted.push({ ...card, id: ack.itemId });
		}
		await send(facilitator, { type: 'phase.set', phase: 'reveal' });
		await send(facilitator, { type: 'phase.set', phase: 'grouping' });
		const labels = [...new Set(posted.filter((c) => c.kind !== 'rekomendasi').map((c) => c.issue))];
		for (const label of labels) {
			const theme = await send(facilitator, { type: 'theme.create', name: THEME_NAMES[label] ?? label.replace(/^[a-z]-/, '') });
			for (const item of posted.filter((c) => c.issue === label)) await send(facilitator, { type: 'item.theme', itemId: item.id, themeId: theme.id });
		}

		await send(facilitator, { type: 'phase.set', phase: 'voting' });
		const kendala = posted.filter((c) => c.kind === 'kendala');
		for (const [index, phone] of phones.entries()) {
			const first = kendala[index % 3];
			const second = kendala[(index * 5 + 4) % kendala.length];
			await send(phone, { type: 'vote.set', targetId: first.id, count: 3 });
			if (second.id !== first.id) await send(phone, { type: 'vote.set', targetId: second.id, count: 2 });
		}
		await send(facilitator, { type: 'voting.settings', revealed: true });

		await send(facilitator, { type: 'phase.set', phase: 'discussion' });
		await send(minutetaker, { type: 'note.add', text: `Peserta ${region.people[0][2]} menegaskan kendala utama di wilayahnya: ${kendala[0].text.toLowerCase()}.`, speaker: null });

		await send(facilitator, { type: 'phase.set', phase: 'action' });
		const recommendations = posted.filter((c) => c.kind === 'rekomendasi');
		for (const [index, rec] of recommendations.slice(0, 3).entries()) {
			const pic = region.people[index % 2 === 0 ? 0 : 5];
			await send(minutetaker, {
				type: 'action.save',
				row: {
					issueItemIds: [kendala[index % kendala.length].id],
					recommendationId: rec.id,
					activity: rec.text,
					output: 'Rencana kerja dan daftar penerima manfaat',
					indicator: 'Kegiatan terlaksana dan dilaporkan per triwulan',
					pic: { name: pic[0], institution: pic[2], group: pic[1] },
					partners: 'Dinas terkait, perusahaan (PPM), BUMDes',
					timeframe: '2026',
					funding: ['APBD', 'CSR/PPM', 'Dana Desa'][index % 3],
					cost: null,
					status: 'rencana',
					remarks: ''
				}
			});
		}
		if (region.close) await send(facilitator, { type: 'session.close' });
	} finally {
		for (const socket of sockets) socket.close();
	}
}
