import { expect, test } from '@playwright/test';
import { column, createSession, joinOnPhone, LAPTOP, newPhone, post } from './helpers';
import { TestServer } from './server';
import { command, connect } from './socket';

const server = new TestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.dispose());

test('an offline phone keeps its input, survives a reload, and delivers it exactly once', async ({ browser }) => {
	const facilitator = await (await browser.newContext(LAPTOP)).newPage();
	const code = await createSession(facilitator, server.url);
	const phone = await newPhone(browser);
	await phone.page.goto(`${server.url}/j/${code}`);
	await joinOnPhone(phone.page, 'Rahmat Hidayat', 'komunitas', 'Kelompok Tani Loa Kulu');

	await phone.context.setOffline(true);
	await expect(phone.page.getByTestId('connection')).toHaveAttribute('data-state', 'offline');
	await post(phone.page, 'Kendala', 'Pendapatan warga turun setelah tambang berhenti');
	await post(phone.page, 'Kendala', 'Sinyal internet lemah di desa');
	await expect(phone.page.locator('[data-status="sending"]')).toHaveCount(2);
	await expect(column(facilitator, 'Kendala').getByTestId('count')).toHaveText('0');

	// Back online: both arrive once, in order, and the phone marks them saved.
	await phone.context.setOffline(false);
	await expect(column(facilitator, 'Kendala').getByTestId('count')).toHaveText('2');
	await expect(phone.page.locator('[data-status="sending"]')).toHaveCount(0);
	await expect(phone.page.getByText('Pendapatan warga turun')).toHaveCount(1);

	// Offline again, post, and close the page before it could send: the outbox outlives the page.
	await phone.context.setOffline(true);
	await expect(phone.page.getByTestId('connection')).toHaveAttribute('data-state', 'offline');
	await post(phone.page, 'Peluang', 'Produk olahan lokal punya pasar di Samarinda');
	await expect(phone.page.locator('[data-status="sending"]')).toHaveCount(1);
	await phone.page.close();
	await phone.context.setOffline(false);
	const reopened = await phone.context.newPage();
	await reopened.goto(`${server.url}/j/${code}`);
	await expect(reopened.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	await expect(column(facilitator, 'Peluang').getByText('Produk olahan lokal')).toHaveCount(1);
	await expect(reopened.locator('[data-status="sending"]')).toHaveCount(0);
	await reopened.getByRole('button', { name: /^Peluang/ }).click();
	await expect(reopened.getByTestId('item').filter({ hasText: 'Produk olahan lokal' }).getByText('Milik saya')).toBeVisible();
	await expect(column(facilitator, 'Kendala').getByTestId('count')).toHaveText('2');
});

test('a server killed mid-session loses nothing acknowledged, and every view catches up', async ({ browser }) => {
	const facilitator = await (await browser.newContext(LAPTOP)).newPage();
	const code = await createSession(facilitator, server.url, 'FGD uji restart');
	const phones = [await newPhone(browser), await newPhone(browser)];
	for (const [i, phone] of phones.entries()) {
		await phone.page.goto(`${server.url}/j/${code}`);
		await joinOnPhone(phone.page, `Peserta ${i + 1}`, 'media');
		await post(phone.page, 'Rekomendasi', `Usulan sebelum restart dari peserta ${i + 1}`);
	}
	await expect(column(facilitator, 'Rekomendasi').getByTestId('count')).toHaveText('2');

	await server.stop('SIGKILL');
	await expect(phones[0].page.getByTestId('connection')).toHaveAttribute('data-state', 'offline');
	await post(phones[0].page, 'Rekomendasi', 'Usulan yang ditulis saat server mati');
	await server.start();

	await expect(column(facilitator, 'Rekomendasi').getByTestId('count')).toHaveText('3', { timeout: 20_000 });
	for (const phone of phones) {
		await expect(phone.page.getByTestId('connection')).toHaveAttribute('data-state', 'online', { timeout: 20_000 });
		await phone.page.getByRole('button', { name: /^Rekomendasi/ }).click();
		await expect(phone.page.getByTestId('item')).toHaveCount(3);
	}
	await facilitator.reload();
	await expect(column(facilitator, 'Rekomendasi').getByTestId('count')).toHaveText('3');
	await expect(column(facilitator, 'Rekomendasi').getByText('saat server mati')).toHaveCount(1);
});

test('SIGKILL during a burst: every acknowledged item exists exactly once, and retries never duplicate', async ({ browser }) => {
	const facilitator = await (await browser.newContext(LAPTOP)).newPage();
	const code = await createSession(facilitator, server.url, 'FGD uji burst');
	const phone = await newPhone(browser);
	await phone.page.goto(`${server.url}/j/${code}`);
	await joinOnPhone(phone.page, 'Penguji Beban', 'lainnya');
	const token = await phone.page.evaluate((c) => JSON.parse(localStorage.getItem(`rembuk:participant:${c}`)!).token, code);
	await phone.context.close();

	const socket = await connect(server.url, { code, role: 'participant', token });
	const ids = Array.from({ length: 60 }, (_, i) => `burst-${String(i).padStart(4, '0')}`);
	const acknowledged = new Set<string>();
	const sends = ids.map((id, i) =>
		command(socket, { type: 'item.add', kind: 'kendala', text: `Masukan nomor ${i}` }, id)
			.then((result) => result.ok && acknowledged.add(id))
			.catch(() => undefined)
	);
	// Kill as soon as the first acknowledgements arrive, with the rest of the burst in flight.
	await expect.poll(() => acknowledged.size, { intervals: [2] }).toBeGreaterThanOrEqual(3);
	await server.stop('SIGKILL');
	console.log(`burst: ${acknowledged.size} of ${ids.length} acknowledged before SIGKILL`);
	await Promise.allSettled(sends);
	socket.disconnect();
	await server.start();

	// Retry everything with the same ids, as a phone's outbox would.
	const again = await connect(server.url, { code, role: 'participant', token });
	for (const [i, id] of ids.entries()) {
		let result = await command(again, { type: 'item.add', kind: 'kendala', text: `Masukan nomor ${i}` }, id);
		while (!result.ok && result.error.code === 'rate_limited') {
			await new Promise((r) => setTimeout(r, 1000)); // the per-socket limit: as the phone's outbox waits
			result = await command(again, { type: 'item.add', kind: 'kendala', text: `Masukan nomor ${i}` }, id);
		}
		expect(result).toMatchObject({ ok: true });
	}
	const sync = await again.timeout(5000).emitWithAck('sync', { lastSeq: 0 });
	again.disconnect();
	const texts: string[] = sync.snapshot.items.map((i: { text: string }) => i.text);
	expect(texts).toHaveLength(60);
	expect(new Set(texts).size).toBe(60);
	for (const id of acknowledged) expect(texts).toContain(`Masukan nomor ${ids.indexOf(id)}`);
	test.info().annotations.push({ type: 'acknowledged before kill', description: String(acknowledged.size) });
	await facilitator.reload();
	await expect(column(facilitator, 'Kendala').getByTestId('count')).toHaveText('60');
});
