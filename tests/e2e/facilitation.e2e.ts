import { expect, test, type Page } from '@playwright/test';
import { column, createSession, joinOnPhone, LAPTOP, newPhone, PROJECTOR } from './helpers';
import { TestServer } from './server';

const server = new TestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.dispose());

const A = 'Akses modal usaha sulit tanpa agunan';
const B = 'Sulit mendapatkan modal usaha bagi UMKM desa';
const R = 'Skema pembiayaan bergulir untuk UMKM pascatambang';

async function write(page: Page, kind: string, text: string) {
	await page.getByRole('button', { name: new RegExp(`^${kind}`) }).click();
	await page.getByLabel(/Tulis masukan/).fill(text);
	await page.getByRole('button', { name: 'Kirim', exact: true }).click();
	await expect(page.getByTestId('item').filter({ hasText: text })).toBeVisible();
}

test('a whole FGD: silent writing, reveal, merge, themes, hidden tallies, links, action plan, close', async ({ browser }) => {
	test.setTimeout(180_000);
	const facilitator = await (await browser.newContext(LAPTOP)).newPage();
	const code = await createSession(facilitator, server.url);
	const phase = (name: string) => facilitator.getByRole('navigation', { name: 'Tahap' }).getByRole('button', { name: new RegExp(name) }).click();
	const projector = await (await browser.newContext(PROJECTOR)).newPage();
	await projector.goto(`${server.url}/p/${code}`);
	const phones = [];
	for (const [name, group] of [['Siti Aminah', 'dunia_usaha'], ['Budi Santoso', 'pemerintah'], ['Maria Ulfa', 'csr']]) {
		const phone = await newPhone(browser);
		await phone.page.goto(`${server.url}/j/${code}`);
		await joinOnPhone(phone.page, name, group);
		phones.push(phone.page);
	}
	const [siti, budi, maria] = phones;

	// Silent writing: each phone sees only its own text; the projector counts, never reads.
	await phase('Menulis');
	for (const view of [...phones, projector]) await expect(view.getByTestId('phase')).toContainText('Menulis');
	await write(siti, 'Kendala', A);
	await write(budi, 'Kendala', B);
	await write(maria, 'Rekomendasi', R);
	// Counted per kind: on the Kendala tab Budi learns only that one other constraint exists.
	await expect(budi.getByTestId('others-sent')).toContainText('1 masukan terkirim dari peserta lain');
	for (const view of [budi, maria, projector]) await expect(view.getByText(A)).toHaveCount(0);
	await expect(siti.getByText(B)).toHaveCount(0);
	await expect(column(facilitator, 'Kendala').getByText(A, { exact: true })).toBeVisible();

	// A countdown shows everywhere, from the server's clock.
	await facilitator.getByLabel('Menit').fill('5');
	await facilitator.getByRole('button', { name: 'Mulai', exact: true }).click();
	for (const view of [projector, siti, facilitator]) await expect(view.getByTestId('countdown')).toContainText(/[45]:\d\d/);

	// Reveal: everyone reads everything; typing a near-duplicate shows it.
	await phase('Ungkap');
	await expect(budi.getByText(A)).toBeVisible();
	await expect(column(projector, 'Kendala').getByText(A)).toBeVisible();
	await budi.getByRole('button', { name: /^Kendala/ }).click();
	await budi.getByLabel(/Tulis masukan/).fill('modal usaha sulit didapat');
	await expect(budi.getByText('Sudah ada yang mirip:')).toBeVisible();
	await budi.getByLabel(/Tulis masukan/).fill('');

	// The console suggests the duplicate pair; merging keeps both authors' items as sources.
	const pair = facilitator.getByTestId('duplicate-pair').first();
	await expect(pair).toContainText('modal');
	await pair.getByRole('button', { name: 'Gabungkan' }).click();
	await expect(column(projector, 'Kendala').getByTestId('item')).toHaveCount(1);

	// Grouping into a named theme.
	await phase('Kelompokkan');
	await facilitator.getByLabel('Nama tema baru').fill('Akses permodalan');
	await facilitator.getByRole('button', { name: 'Tambah tema' }).click();
	const pool = facilitator.getByTestId('theme').first();
	await pool.getByRole('combobox').first().selectOption({ label: 'Akses permodalan' });
	await pool.getByRole('button', { name: 'Pindahkan' }).first().click();
	await expect(projector.getByText('Akses permodalan')).toBeVisible();

	// Voting: dots are private until the facilitator reveals them.
	await phase('Pilih');
	for (const [phone, dots] of [[siti, 3], [budi, 2]] as const) {
		await phone.getByRole('button', { name: /^Rekomendasi/ }).click();
		const target = phone.getByTestId('vote-target').filter({ hasText: R });
		for (let i = 0; i < dots; i++) await target.getByRole('button', { name: 'Tambah suara' }).click();
		await expect(target.getByTestId('my-dots')).toHaveAttribute('data-count', String(dots));
	}
	await expect(siti.getByTestId('dots-left')).toHaveAttribute('data-left', '2');
	await expect(projector.getByTestId('voted')).toContainText('2 dari 3 peserta sudah memilih');
	await expect(projector.getByTestId('vote-chart')).toHaveCount(0);
	await expect(budi.getByTestId('vote-results')).toHaveCount(0);
	await expect(facilitator.getByTestId('tally-total').first()).toHaveText('5');
	await facilitator.getByRole('button', { name: 'Tampilkan hasil ke peserta' }).click();
	await expect(projector.getByTestId('vote-chart')).toContainText(R);
	await expect(budi.getByTestId('vote-results')).toContainText('5');

	// Discussion: the author links her recommendation to the constraint it answers.
	await phase('Diskusi');
	await maria.getByRole('button', { name: /^Rekomendasi/ }).click();
	await maria.getByRole('button', { name: 'Kaitkan' }).click();
	// The box follows the link's state (queued, then confirmed), so click and wait rather than check().
	await maria.getByTestId('link-sheet').getByLabel(A).click();
	await expect(maria.getByTestId('link-sheet').getByLabel(A)).toBeChecked();
	await maria.getByTestId('link-sheet').getByRole('button', { name: 'Selesai' }).click();
	await expect(facilitator.getByTestId('link-matrix').getByRole('checkbox', { checked: true })).toHaveCount(1);

	// Action plan: a row typed on the console appears live on the projector and the phones.
	await phase('Rencana tindak lanjut');
	await facilitator.getByRole('button', { name: 'Tambah baris' }).click();
	await facilitator.getByLabel('Kegiatan').fill('Menyusun skema dana bergulir berbasis kelompok');
	await facilitator.getByLabel('Nama').last().fill('Muhammad Rizky Pratama');
	await facilitator.getByLabel('Perkiraan biaya (Rp)').fill('150000000');
	await facilitator.getByTestId('action-row').getByRole('button', { name: 'Simpan' }).click();
	await expect(projector.getByTestId('action-table')).toContainText('Menyusun skema dana bergulir');
	await expect(siti.getByTestId('action-rows')).toContainText('Menyusun skema dana bergulir');

	// Close: phones thank, the projector sums up, and the minutes hold every result.
	// The last step asks on the page; nothing closes until the facilitator confirms.
	await phase('Selesai');
	await facilitator.getByRole('dialog').getByRole('button', { name: 'Ya, tutup sesi' }).click();
	await expect(facilitator.getByTestId('closed')).toBeVisible();
	for (const phone of phones) await expect(phone.getByTestId('thanks')).toBeVisible();
	await expect(projector.getByTestId('summary')).toBeVisible();
	const key = await facilitator.evaluate((c) => localStorage.getItem(`rembuk:facilitator:${c}`), code);
	const minutes = await (
		await facilitator.request.get(`${server.url}/api/sessions/${code}/minutes?format=json&lang=id`, {
			headers: { authorization: `Bearer ${key}` }
		})
	).json();
	const text = JSON.stringify(minutes);
	for (const expected of ['Akses permodalan', R, 'Menyusun skema dana bergulir', 'Muhammad Rizky Pratama']) expect(text).toContain(expected);
	expect(minutes.proceedings.timeline.length).toBeGreaterThanOrEqual(7);
});
