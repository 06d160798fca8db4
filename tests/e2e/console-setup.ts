/** Set-up for the console specs: a seeded session, a ready console, where things sit on screen. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Socket } from 'socket.io-client';
import { command, connect, createSession, join } from '../../scripts/bench/phone.mjs';

/** Unlike one another, so the console suggests no duplicates to merge. */
export const TEXTS = [
	'Jalan desa rusak saat hujan',
	'Harga pupuk terlalu mahal',
	'Pelatihan pemasaran daring',
	'Sinyal internet lemah di dusun',
	'Koperasi belum berbadan hukum',
	'Bibit karet sulit diperoleh',
	'Air bersih kurang di kemarau',
	'Pemuda enggan bertani',
	'Listrik sering padam malam',
	'Posyandu butuh timbangan baru',
	'Sekolah jauh dari permukiman',
	'Pasar tradisional sepi pembeli',
	'Irigasi sawah tersumbat lumpur',
	'Modal bergulir untuk perempuan',
	'Sertifikat halal untuk produk olahan',
	'Jembatan gantung perlu diperbaiki',
	'Gudang hasil panen belum ada',
	'Bank sampah di tiap RT',
	'Wisata danau bisa dikembangkan',
	'Data penduduk belum mutakhir',
	'Perpustakaan keliling tiap bulan',
	'Kebun bibit milik desa',
	'Ambulans desa untuk warga',
	'Festival budaya tahunan'
];

export interface Seeded {
	code: string;
	facilitatorUrl: string;
	staff: Socket;
}

/** A session with `count` items from four participants, left in `phase`. */
export async function seed(base: string, count: number, phase: string): Promise<Seeded> {
	const { code, facilitatorUrl, facilitatorKey } = await createSession(base, { title: 'FGD Desa Tangguh' });
	const staff = await connect(base, { code, role: 'facilitator', key: facilitatorKey });
	expect((await command(staff, { type: 'phase.set', phase: 'writing' })).ok).toBe(true);
	const phones: Socket[] = [];
	for (let i = 0; i < 4; i++) phones.push(await connect(base, { code, role: 'participant', token: (await join(base, code, i)).token }));
	for (let i = 0; i < count; i++) {
		const ack = await command(phones[i % 4], { type: 'item.add', kind: i % 3 === 2 ? 'rekomendasi' : 'kendala', text: TEXTS[i] });
		expect(ack.ok, JSON.stringify(ack)).toBe(true);
	}
	for (const phone of phones) phone.close();
	if (phase !== 'writing') expect((await command(staff, { type: 'phase.set', phase })).ok).toBe(true);
	return { code, facilitatorUrl, staff };
}

/** Opens the console and waits until it is hydrated and connected, as a facilitator would see it ready. */
export async function openConsole(page: Page, url: string) {
	// The console takes the key out of the address, so going to it again is a load, not a hash change.
	if (new URL(page.url()).origin === new URL(url).origin) await page.reload();
	else await page.goto(url);
	await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	await expect(page.getByTestId('console-bar')).toBeVisible();
}

export async function inViewport(page: Page, locator: Locator) {
	const box = await locator.boundingBox();
	const { height, width } = page.viewportSize()!;
	expect(box, 'rendered').not.toBeNull();
	expect(box!.y).toBeGreaterThanOrEqual(0);
	expect(box!.y + box!.height).toBeLessThanOrEqual(height);
	expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

/** Presses Tab until `reached` holds for the focused element; returns how many presses it took. */
export async function tabsUntil(page: Page, reached: () => boolean, limit = 80): Promise<number> {
	for (let presses = 1; presses <= limit; presses++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate(reached)) return presses;
	}
	throw new Error(`not reached in ${limit} Tab presses`);
}

