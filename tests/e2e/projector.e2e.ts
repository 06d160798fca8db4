/**
 * The projector at 1920×1080 with the 37-item sample FGD: every post reaches the wall in
 * readable type, page by page, nothing spills off the screen; the spotlight set from the
 * console; the closing screen; the language; and the small-group privacy of what the room sees.
 */
import { expect, test, type Page } from '@playwright/test';
import type { Socket } from 'socket.io-client';
import { joinOnPhone, LAPTOP, newPhone, PROJECTOR } from './helpers';
import { sampleRoom, SAMPLE_ITEMS, send } from './sample-room';
import { TestServer } from './server';
import { connect } from './socket';

const server = new TestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.dispose());

const SHOTS = process.env.SHOTS;
const shot = (page: Page, name: string) => (SHOTS ? page.screenshot({ path: `${SHOTS}/${name}.png` }) : undefined);

async function openProjector(page: Page, path: string) {
	await page.goto(`${server.url}${path}`);
	await expect(page.getByTestId('phase')).toBeVisible();
	await expect(page.getByTestId('participant-count')).not.toHaveText('0');
}

/** Elements drawn outside the window, or text set under `minPx`, on what the projector shows now. */
function problems(page: Page, minPx: number) {
	return page.evaluate((min) => {
		const found: string[] = [];
		const { innerWidth: width, innerHeight: height } = window;
		if (document.scrollingElement!.scrollHeight > height) found.push(`page scrolls: ${document.scrollingElement!.scrollHeight}`);
		for (const element of document.querySelectorAll('main *')) {
			const box = element.getBoundingClientRect();
			if (box.width === 0 || box.height === 0 || element.closest('.visually-hidden')) continue;
			if (box.bottom > height + 0.5 || box.right > width + 0.5) found.push(`outside: ${element.tagName} ${element.textContent?.slice(0, 40)}`);
		}
		for (const text of document.querySelectorAll('[data-testid="item"] .text')) {
			const px = parseFloat(getComputedStyle(text).fontSize);
			if (px < min) found.push(`post at ${px}px`);
		}
		return found;
	}, minPx);
}

test('every post of the 37-item sample reaches the wall, paged, in type of at least 28 px', async ({ browser, request }) => {
	test.setTimeout(150_000);
	const room = await sampleRoom(server.url, request);
	const projector = await (await browser.newContext(PROJECTOR)).newPage();
	await openProjector(projector, `/p/${room.code}?pace=2`);
	const wall = projector.getByTestId('wall');
	await expect(wall).toBeVisible();
	const pages = Number(await wall.getAttribute('data-pages'));
	expect(pages).toBeGreaterThan(1);
	await expect(projector.getByTestId('page')).toContainText(`dari ${pages}`);

	const seen = new Set<string>();
	for (let turn = 0; turn < pages; turn++) {
		const page = Number(await wall.getAttribute('data-page'));
		for (const text of await projector.locator('[data-testid="item"] .text').allTextContents()) seen.add(text.trim());
		expect(await problems(projector, 28), `page ${page}`).toEqual([]);
		await expect(projector.getByTestId('page')).toContainText(`Halaman ${page} dari ${pages}`);
		await shot(projector, `wall-page-${page}`);
		await expect(wall).not.toHaveAttribute('data-page', String(page), { timeout: 15_000 });
	}
	expect([...seen].sort()).toEqual(SAMPLE_ITEMS.map((i) => i.text).sort());
	room.close();
});

test('on a projector whose fonts run wider than estimated, the wall plans again rather than spill', async ({ browser, request }) => {
	test.setTimeout(120_000);
	const room = await sampleRoom(server.url, request);
	const plain = await (await browser.newContext(PROJECTOR)).newPage();
	await openProjector(plain, `/p/${room.code}?pace=60`);
	const before = Number(await plain.getByTestId('wall').getAttribute('data-pages'));
	const wide = await browser.newContext(PROJECTOR);
	// Type set much wider than any projector font: the estimate alone would spill.
	await wide.addInitScript(() =>
		document.addEventListener('DOMContentLoaded', () => {
			const style = document.createElement('style');
			style.textContent = '.post .text, .post .byline { letter-spacing: 0.3em; }';
			document.head.append(style);
		})
	);
	const projector = await wide.newPage();
	await openProjector(projector, `/p/${room.code}?pace=60`);
	await expect(projector.getByTestId('wall')).toBeVisible();
	await expect.poll(() => problems(projector, 28)).toEqual([]);
	expect(Number(await projector.getByTestId('wall').getAttribute('data-pages'))).toBeGreaterThan(before);
	room.close();
});

test('the facilitator spotlights a post and a theme from the console and goes back; after the close, the closing screen', async ({
	browser,
	request
}) => {
	test.setTimeout(150_000);
	const room = await sampleRoom(server.url, request);
	const projector = await (await browser.newContext(PROJECTOR)).newPage();
	await openProjector(projector, `/p/${room.code}`);
	const console = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
	await console.goto(`${server.url}/f/${room.code}#key=${room.facilitatorKey}`);
	// Readiness, not speed: on a loaded machine the console's first snapshot of 37 posts can take a while.
	await expect(console.getByTestId('connection')).toHaveAttribute('data-state', 'online', { timeout: 30_000 });

	const text = SAMPLE_ITEMS[5].text;
	const card = console.locator(`[data-item-id="${room.itemIds[5]}"]`);
	await card.getByRole('button', { name: 'Sorot di layar' }).click();
	const spotlight = projector.getByTestId('spotlight');
	await expect(spotlight).toContainText(text);
	await expect(projector.getByTestId('wall')).toHaveCount(0);
	expect(await problems(projector, 28)).toEqual([]);
	await shot(projector, 'spotlight-item');
	await shot(console, 'console-spotlit');
	await expect(card.getByRole('button', { name: 'Kembali ke papan' })).toHaveAttribute('aria-pressed', 'true');
	// The way back sits in the pinned bar too, wherever the console is scrolled.
	await console.getByTestId('spotlit').getByRole('button', { name: 'Kembali ke papan' }).click();
	await expect(spotlight).toHaveCount(0);
	await expect(projector.getByTestId('wall')).toBeVisible();

	// A theme comes up with its posts.
	const theme = await send(room.facilitator, { type: 'theme.create', name: 'Permodalan' });
	const themeId = theme.ok ? theme.id! : '';
	await send(room.facilitator, { type: 'item.theme', itemId: room.itemIds[0], themeId });
	await send(room.facilitator, { type: 'projector.spotlight', target: { kind: 'theme', id: themeId } });
	await expect(spotlight).toContainText('Permodalan');
	await expect(spotlight).toContainText(SAMPLE_ITEMS[0].text);
	expect(await problems(projector, 28)).toEqual([]);
	await shot(projector, 'spotlight-theme');
	await send(room.facilitator, { type: 'projector.spotlight', target: null });
	await expect(spotlight).toHaveCount(0);

	// A spotlit post that is hidden takes the spotlight down with it.
	await send(room.facilitator, { type: 'projector.spotlight', target: { kind: 'item', id: room.itemIds[6] } });
	await expect(spotlight).toContainText(SAMPLE_ITEMS[6].text);
	await send(room.facilitator, { type: 'item.hide', itemId: room.itemIds[6], reason: 'Uji sorot' });
	await expect(spotlight).toHaveCount(0);

	await send(room.facilitator, { type: 'session.close' });
	await expect(projector.getByTestId('summary')).toBeVisible();
	await expect(projector.getByText('Pindai untuk bergabung')).toHaveCount(0);
	await expect(projector.getByText('Terima kasih atas partisipasi Anda.')).toBeVisible();
	expect(await problems(projector, 28)).toEqual([]);
	await shot(projector, 'closed');
	room.close();
});

test('the projector speaks the minutes language, or ?lang=, and offers no controls', async ({ browser, request }) => {
	const created = await (await request.post(`${server.url}/api/sessions`, { data: { title: 'FGD Bahasa', startsAt: '2025-10-24T09:00', minutesLanguage: 'en' } })).json();
	const projector = await (await browser.newContext(PROJECTOR)).newPage();
	await projector.goto(`${server.url}/p/${created.code}`);
	await expect(projector.getByText('Scan to join')).toBeVisible();
	await expect(projector.locator('html')).toHaveAttribute('lang', 'en');
	await projector.goto(`${server.url}/p/${created.code}?lang=id`);
	await expect(projector.getByText('Pindai untuk bergabung')).toBeVisible();
	await expect(projector.locator('input, textarea, select, button')).toHaveCount(0);
});

/** Collects every record a socket receives. */
function recorder(socket: Socket) {
	const records: { event: { type: string } }[] = [];
	socket.on('record', (record) => records.push(record));
	return records;
}

test('a stakeholder group of one or two is folded on the projector; after the reveal phones never learn who placed a dot', async ({
	browser,
	request
}) => {
	test.setTimeout(120_000);
	const created = await (await request.post(`${server.url}/api/sessions`, { data: { title: 'FGD Kecil', startsAt: '2025-10-24T09:00' } })).json();
	const { code, facilitatorKey } = created;
	const people: { group: string; socket?: Socket; id?: string }[] = [
		...Array.from({ length: 3 }, () => ({ group: 'pemerintah' })),
		{ group: 'akademisi' },
		{ group: 'media' },
		{ group: 'media' }
	];
	for (const [index, person] of people.entries()) {
		const token = `tokenKelompokKecil${index}abcdefghijklmno`;
		const joined = await (
			await request.post(`${server.url}/api/sessions/${code}/participants`, { data: { token, name: `Peserta ${index}`, group: person.group, consent: true } })
		).json();
		person.id = joined.participant?.id ?? joined.participantId;
		person.socket = await connect(server.url, { code, role: 'participant', token });
	}
	const facilitator = await connect(server.url, { code, role: 'facilitator', key: facilitatorKey });
	await send(facilitator, { type: 'phase.set', phase: 'writing' });
	const ids: string[] = [];
	for (const [index, person] of people.entries()) {
		const result = await send(person.socket!, { type: 'item.add', kind: 'kendala', text: `Masukan nomor ${index + 1}` });
		ids.push(result.ok ? result.itemId! : '');
	}
	const projector = await (await browser.newContext(PROJECTOR)).newPage();
	await openProjector(projector, `/p/${code}`);
	const bars = projector.getByRole('region', { name: 'Masukan per unsur' });
	await expect(bars.getByTestId('group-~other')).toHaveText('3');
	await expect(bars.getByTestId('group-pemerintah')).toHaveText('3');
	await expect(bars).not.toContainText('Akademisi');
	await expect(bars).not.toContainText('Media');
	await expect(projector.getByTestId('fold-note')).toContainText('Unsur lain (gabungan)');
	await shot(projector, 'writing-folded');

	await send(facilitator, { type: 'phase.set', phase: 'voting' });
	await send(facilitator, { type: 'voting.settings', revealed: true });
	const watcher = people[0].socket!;
	const heard = recorder(watcher);
	await send(people[3].socket!, { type: 'vote.set', targetId: ids[0], count: 2 });
	await send(people[4].socket!, { type: 'vote.set', targetId: ids[0], count: 1 });
	await expect.poll(() => heard.filter((r) => r.event.type.startsWith('vote.')).length).toBe(2);
	const payload = JSON.stringify(heard);
	for (const voter of [people[3], people[4]]) expect(payload).not.toContain(voter.id!);
	expect(heard.map((r) => r.event.type).filter((type) => type.startsWith('vote.'))).toEqual(['vote.tally', 'vote.tally']);
	const snapshot = await watcher.timeout(5000).emitWithAck('sync', { lastSeq: 0 });
	const voterIds = (snapshot.snapshot.votes as { participantId: string }[]).map((v) => v.participantId);
	expect(voterIds.every((id) => id === '' || id === people[0].id)).toBe(true);

	const chart = projector.getByTestId('vote-chart');
	await expect(chart).toContainText('Unsur lain (gabungan)');
	await expect(chart).not.toContainText('Akademisi');
	await shot(projector, 'votes-folded');
	for (const person of people) person.socket!.close();
	facilitator.close();
});

/** The group of every vote tally (an object with a target, a count and a group) found in `value`. */
function collectTallyGroups(value: unknown, into: Set<string>) {
	if (Array.isArray(value)) return value.forEach((v) => collectTallyGroups(v, into));
	if (!value || typeof value !== 'object') return;
	const object = value as Record<string, unknown>;
	if ('targetId' in object && 'count' in object && typeof object.group === 'string') into.add(object.group);
	Object.values(object).forEach((v) => collectTallyGroups(v, into));
}

/** Every vote tally a page receives over its socket (records, snapshots, acks), read from the WebSocket frames. */
function tallyGroups(page: Page): Set<string> {
	const groups = new Set<string>();
	page.on('websocket', (socket) =>
		socket.on('framereceived', ({ payload }) => {
			const text = String(payload);
			const start = text.indexOf('[');
			if (/^4[23]/.test(text) && start !== -1) collectTallyGroups(JSON.parse(text.slice(start)), groups);
		})
	);
	return groups;
}

/** The tallies in what a page keeps for an offline reload (localStorage). */
async function keptTallyGroups(page: Page): Promise<Set<string>> {
	const values = await page.evaluate(() => Object.keys(localStorage).map((key) => localStorage.getItem(key) ?? ''));
	const groups = new Set<string>();
	for (const value of values) {
		try {
			collectTallyGroups(JSON.parse(value), groups);
		} catch {
			// not JSON: not a board
		}
	}
	return groups;
}
test('a group of one votes: the projector and another phone never get its name, live or after a reload; the console does', async ({ browser, request }) => {
	test.setTimeout(120_000);
	const created = await (await request.post(`${server.url}/api/sessions`, { data: { title: 'FGD Satu Akademisi', startsAt: '2025-10-24T09:00' } })).json();
	const { code, facilitatorKey, facilitatorUrl } = created;
	// Three from the government, two from the media and one lone academic.
	const groups = ['pemerintah', 'pemerintah', 'pemerintah', 'media', 'media', 'akademisi'];
	const sockets: Socket[] = [];
	for (const [index, group] of groups.entries()) {
		const token = `tokenSatuAkademisi${index}abcdefghijklm`;
		await request.post(`${server.url}/api/sessions/${code}/participants`, { data: { token, name: `Peserta ${index}`, group, consent: true } });
		sockets.push(await connect(server.url, { code, role: 'participant', token }));
	}
	const academic = sockets[5];
	const facilitator = await connect(server.url, { code, role: 'facilitator', key: facilitatorKey });
	await send(facilitator, { type: 'phase.set', phase: 'writing' });
	const added = await send(sockets[0], { type: 'item.add', kind: 'kendala', text: 'Jalan poros desa rusak berat' });
	const itemId = added.ok ? added.itemId! : '';
	await send(facilitator, { type: 'phase.set', phase: 'voting' });
	await send(facilitator, { type: 'voting.settings', revealed: true });

	const projector = await (await browser.newContext(PROJECTOR)).newPage();
	const projectorGroups = tallyGroups(projector);
	await openProjector(projector, `/p/${code}`);
	const phone = await newPhone(browser);
	const phoneGroups = tallyGroups(phone.page);
	await phone.page.goto(`${server.url}/j/${code}`);
	await joinOnPhone(phone.page, 'Ibu Wati', 'pemerintah');
	const console = await (await browser.newContext(LAPTOP)).newPage();
	await console.goto(facilitatorUrl);
	await expect(console.getByTestId('connection')).toHaveAttribute('data-state', 'online');

	// Live: the lone academic places two dots.
	await send(academic, { type: 'vote.set', targetId: itemId, count: 2 });
	const chart = projector.getByTestId('vote-chart');
	await expect(chart).toContainText('Unsur lain (gabungan)');
	await expect(chart).not.toContainText('Akademisi');
	await expect(phone.page.getByTestId('vote-results')).toContainText('Jalan poros desa rusak berat');
	await expect(console.locator('[title^="Akademisi"]').first()).toHaveAttribute('title', /: 2$/);
	for (const seen of [projectorGroups, phoneGroups]) {
		await expect.poll(() => seen.has('~other')).toBe(true);
		expect([...seen]).not.toContain('akademisi');
	}

	// After a reload, and on a projector opened afresh (a whole snapshot): the same projection.
	await projector.reload();
	await phone.page.reload();
	await expect(phone.page.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	await expect(phone.page.getByTestId('vote-results')).toContainText('Jalan poros desa rusak berat');
	await expect(chart).toContainText('Unsur lain (gabungan)');
	await expect(chart).not.toContainText('Akademisi');
	const kept = await keptTallyGroups(phone.page);
	expect(kept.has('~other')).toBe(true);
	expect([...kept]).not.toContain('akademisi');
	const fresh = await (await browser.newContext(PROJECTOR)).newPage();
	const freshGroups = tallyGroups(fresh);
	await openProjector(fresh, `/p/${code}`);
	await expect(fresh.getByTestId('vote-chart')).toContainText('Unsur lain (gabungan)');
	await expect(fresh.getByTestId('vote-chart')).not.toContainText('Akademisi');
	await expect.poll(() => freshGroups.has('~other')).toBe(true);
	expect([...freshGroups]).not.toContain('akademisi');
	const snapshot = await sockets[0].timeout(5000).emitWithAck('sync', { lastSeq: 0 });
	const another = new Set<string>();
	collectTallyGroups(snapshot.snapshot.votes, another);
	expect([...another]).toEqual(['~other']);
	await console.reload();
	await expect(console.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	await expect(console.locator('[title^="Akademisi"]').first()).toHaveAttribute('title', /: 2$/);
	for (const socket of sockets) socket.close();
	facilitator.close();
});
