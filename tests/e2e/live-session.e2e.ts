import { expect, test } from '@playwright/test';
import { closeSession, column, createSession, joinOnPhone, LAPTOP, newPhone, phoneToken, post, PROJECTOR } from './helpers';
import { TestServer } from './server';
import { command, connect, refusal } from './socket';

const server = new TestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.dispose());

test('a whole live session: create, join three ways, post in every kind, edit, delete, refuse a forgery, close', async ({ browser }) => {
	const facilitatorContext = await browser.newContext(LAPTOP);
	const facilitator = await facilitatorContext.newPage();
	const code = await createSession(facilitator, server.url);
	// The key left the address bar at once; the console still knows it.
	expect(facilitator.url()).not.toContain('key=');
	await expect(facilitator.getByLabel(/Tautan fasilitator/)).toHaveValue(new RegExp(`/f/${code}#key=`));
	await expect(facilitator.getByRole('link', { name: 'Bagikan lewat WhatsApp' })).toHaveAttribute('href', /^https:\/\/wa\.me\/\?text=.*%2Fj%2F/);
	const qr = await facilitator.request.get(`${server.url}/api/sessions/${code}/qr.svg`);
	expect(qr.headers()['content-type']).toBe('image/svg+xml');
	expect(await qr.text()).toContain('<svg');

	const projector = await (await browser.newContext(PROJECTOR)).newPage();
	await projector.goto(`${server.url}/p/${code}`);
	await expect(projector.getByTestId('join-code')).toHaveText(code);
	await expect(projector.getByRole('img', { name: 'Pindai untuk bergabung' })).toBeVisible();

	// Phone A types the code on the home page; B opens the share link; C the QR's link (same URL).
	const a = await newPhone(browser);
	await a.page.goto(server.url);
	await a.page.getByLabel('Kode sesi').fill(code.toLowerCase());
	await a.page.getByRole('button', { name: 'Gabung' }).click();
	await joinOnPhone(a.page, 'Siti Rahma', 'dunia_usaha', 'UMKM Amplang Tenggarong');
	const b = await newPhone(browser);
	await b.page.goto(`${server.url}/j/${code}`);
	await joinOnPhone(b.page, 'Budi Santoso', 'pemerintah', 'DPMD Kutai Kartanegara');
	const c = await newPhone(browser);
	await c.page.goto(await facilitator.getByLabel('Tautan peserta').inputValue());
	await joinOnPhone(c.page, 'Dewi Lestari', 'akademisi', 'Universitas Mulawarman');
	await expect(projector.getByTestId('participant-count')).toHaveText('3');
	await expect(facilitator.getByTestId('participant-count')).toHaveText('3');

	await post(a.page, 'Kendala', 'Akses modal usaha sulit tanpa agunan');
	await post(b.page, 'Peluang', 'Lahan bekas tambang untuk agrowisata dan perikanan');
	await post(c.page, 'Rekomendasi', 'Pelatihan pemasaran digital bersama universitas');

	for (const view of [facilitator, projector]) {
		await expect(column(view, 'Kendala').getByText('Akses modal usaha sulit tanpa agunan')).toBeVisible();
		await expect(column(view, 'Peluang').getByText('Lahan bekas tambang untuk agrowisata')).toBeVisible();
		await expect(column(view, 'Rekomendasi').getByText('Pelatihan pemasaran digital')).toBeVisible();
	}
	await expect(column(facilitator, 'Kendala').getByText('Siti Rahma – UMKM Amplang Tenggarong')).toBeVisible();
	// Other phones see it, marked as not theirs; the author sees it as theirs, saved.
	await b.page.getByRole('button', { name: /^Kendala/ }).click();
	const onB = b.page.getByTestId('item').filter({ hasText: 'Akses modal usaha' });
	await expect(onB).toBeVisible();
	await expect(onB.getByText('Milik saya')).toHaveCount(0);
	const onA = a.page.getByTestId('item').filter({ hasText: 'Akses modal usaha' });
	await expect(onA.getByText('Milik saya')).toBeVisible();
	await expect(onA.getByTestId('status')).toHaveText(/Tersimpan/);

	// Edit own item: every view follows.
	await onA.getByRole('button', { name: 'Ubah' }).click();
	await onA.getByRole('textbox').fill('Akses modal usaha sulit tanpa agunan dan jaminan');
	await onA.getByRole('button', { name: 'Simpan' }).click();
	await expect(column(projector, 'Kendala').getByText('tanpa agunan dan jaminan')).toBeVisible();
	await expect(b.page.getByText('tanpa agunan dan jaminan')).toBeVisible();

	// Delete own item (anonymous one first, so anonymity is checked too).
	await c.page.getByRole('button', { name: /^Kendala/ }).click();
	await c.page.getByLabel('Kirim tanpa nama').check();
	await post(c.page, 'Kendala', 'Program CSR dan dinas berjalan sendiri-sendiri');
	const anonymousCard = column(facilitator, 'Kendala').getByTestId('item').filter({ hasText: 'sendiri-sendiri' });
	await expect(anonymousCard).toContainText('Anonim');
	await expect(anonymousCard).not.toContainText('Dewi');
	c.page.once('dialog', (dialog) => dialog.accept());
	await c.page.getByTestId('item').filter({ hasText: 'sendiri-sendiri' }).getByRole('button', { name: 'Hapus' }).click();
	await expect(column(projector, 'Kendala').getByText('sendiri-sendiri')).toHaveCount(0);
	await expect(column(projector, 'Kendala').getByTestId('count')).toHaveText('1');

	// A participant's forged facilitator command, and an edit of someone else's item, are refused.
	const socket = await connect(server.url, { code, role: 'participant', token: await phoneToken(b.page, code) });
	const forgedClose = await command(socket, { type: 'session.close' });
	expect(forgedClose).toMatchObject({ ok: false, error: { code: 'forbidden' } });
	const sync = await socket.timeout(5000).emitWithAck('sync', { lastSeq: 0 });
	const sitiItem = sync.snapshot.items.find((i: { text: string }) => i.text.startsWith('Akses modal'));
	const forgedEdit = await command(socket, { type: 'item.edit', itemId: sitiItem.id, text: 'diubah orang lain' });
	expect(forgedEdit).toMatchObject({ ok: false, error: { code: 'forbidden' } });
	const forgedDelete = await command(socket, { type: 'item.delete', itemId: sitiItem.id });
	expect(forgedDelete).toMatchObject({ ok: false, error: { code: 'forbidden' } });
	socket.disconnect();
	expect(await refusal(server.url, { code, role: 'facilitator', key: 'not-the-key' })).toBe('unauthenticated');
	await expect(facilitator.getByTestId('connection')).toHaveAttribute('data-state', 'online');

	// Close: every view turns read-only.
	await closeSession(facilitator);
	for (const phone of [a.page, b.page, c.page]) {
		await expect(phone.getByText('Sesi sudah ditutup. Terima kasih atas masukan Anda.')).toBeVisible();
		await expect(phone.getByLabel(/Tulis masukan/)).toHaveCount(0);
	}
	await expect(projector.getByText('Sesi ini sudah ditutup.')).toBeVisible();
});

test("the minutes' details reach staff only: not the phones, the projector or the public view", async ({ browser, request }) => {
	const NIP = '19750312 200003 1 004';
	const created = await (await request.post(`${server.url}/api/sessions`, { data: { title: 'FGD Rahasia Dinas', startsAt: '2025-10-24T09:00' } })).json();
	const { code } = created;
	const token = 'tokenPesertaUjiCoba1234567890ab';
	await request.post(`${server.url}/api/sessions/${code}/participants`, { data: { token, name: 'Siti', group: 'akademisi', consent: true } });
	const presenter = await connect(server.url, { code, role: 'presenter' });
	const phone = await connect(server.url, { code, role: 'participant', token });
	const received = (socket: typeof phone) =>
		new Promise<{ event: { type: string } }>((resolve) => socket.once('record', (record) => resolve(record)));
	const live = [received(presenter), received(phone)];

	const minutetaker = await connect(server.url, { code, role: 'minutetaker', key: created.minutetakerKey });
	const details = { chair: 'Ir. Hendra', chairNip: NIP, conclusions: 'Draf: anggaran dipotong' };
	expect(await command(minutetaker, { type: 'session.details', details })).toMatchObject({ ok: true });
	for (const record of await Promise.all(live)) expect(record.event).toEqual({ type: 'private' });

	const staffSync = await minutetaker.timeout(5000).emitWithAck('sync', { lastSeq: 0 });
	expect(staffSync.snapshot.session.details.chairNip).toBe(NIP);
	for (const socket of [presenter, phone]) {
		const snapshot = await socket.timeout(5000).emitWithAck('sync', { lastSeq: 0 });
		const replay = await socket.timeout(5000).emitWithAck('sync', { lastSeq: 1 });
		expect(snapshot.snapshot.session.title).toBe('FGD Rahasia Dinas');
		expect(JSON.stringify(snapshot)).not.toContain(NIP);
		expect(JSON.stringify(replay)).not.toContain(NIP);
		socket.disconnect();
	}
	minutetaker.disconnect();
	expect(await (await request.get(`${server.url}/api/sessions/${code}`)).text()).not.toContain(NIP);

	// The pages anyone can open carry none of it, and still work without it.
	const projector = await (await browser.newContext(PROJECTOR)).newPage();
	await projector.goto(`${server.url}/p/${code}`);
	await expect(projector.getByTestId('join-code')).toHaveText(code);
	expect(await projector.content()).not.toContain(NIP);
	const join = await (await browser.newContext(LAPTOP)).newPage();
	await join.goto(`${server.url}/j/${code}`);
	await expect(join.getByText('FGD Rahasia Dinas').first()).toBeVisible();
	expect(await join.content()).not.toContain(NIP);
});
