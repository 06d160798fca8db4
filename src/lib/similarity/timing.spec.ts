import { expect, it } from 'vitest';
import { SAMPLE_ITEMS } from '$lib/testing/sample-cards';
import { createIndex, duplicatePairs, similarTo } from './search';
import { suggestGroups } from './groups';

/*
 * Prints how long the three hot paths take on 500 cards. It asserts nothing about time: the
 * machine is shared and noisy, so a timed assertion would fail for reasons unrelated to the code.
 */

const EXTRA = (
	'jalan jembatan listrik air bersih sekolah puskesmas posyandu pasar desa kecamatan ' +
	'kabupaten provinsi nelayan petani peternak pengrajin koperasi bumdes kelompok tani ' +
	'sawit karet padi jagung singkong pisang kopi kakao madu rotan anyaman tenun batik ' +
	'kuliner oleh-oleh wisata homestay pemandu festival promosi pameran sertifikasi halal ' +
	'izin usaha nib pirt bpom kemasan label merek harga bahan baku pupuk bibit benih alat ' +
	'mesin gudang pengeringan pendingin transportasi logistik ongkos pengiriman ekspor ' +
	'reklamasi revegetasi limbah lingkungan banjir longsor hutan sungai danau kolam tambak ' +
	'perempuan pemuda disabilitas lansia pelajar mahasiswa dosen peneliti penyuluh ' +
	'pendamping fasilitator relawan kader tokoh adat agama anggaran apbd apbn dana desa ' +
	'hibah bantuan sosial subsidi insentif pajak retribusi regulasi perda perbup rencana ' +
	'strategis evaluasi monitoring data informasi aplikasi website internet sinyal jaringan'
).split(' ');

/** A small deterministic random source, so every run times the same cards. */
function random(seed: number) {
	return () => {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		return seed / 2147483648;
	};
}

/** Sample cards, reworded: a word dropped, one to three added, sometimes two letters swapped. */
function cards(count: number) {
	const next = random(2025);
	const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
	return Array.from({ length: count }, (_, i) => {
		const words = pick(SAMPLE_ITEMS).text.split(' ');
		words.splice(Math.floor(next() * words.length), 1);
		for (let k = 0; k < 1 + Math.floor(next() * 3); k++) words.push(pick(EXTRA));
		const j = Math.floor(next() * words.length);
		const w = words[j];
		if (w.length >= 5 && next() < 0.3) words[j] = w.slice(0, 2) + w[3] + w[2] + w.slice(4);
		return { id: `c${i}`, text: words.join(' ') };
	});
}

/** Runs `run` six times; prints the first (cold: the JIT is still compiling) and the median. */
function time<T>(label: string, run: () => T): T {
	let result!: T;
	const runs = Array.from({ length: 6 }, () => {
		const start = performance.now();
		result = run();
		return performance.now() - start;
	});
	const warm = runs.slice(1).sort((a, b) => a - b)[2];
	console.log(`${label}: first ${runs[0].toFixed(1)} ms, then ${warm.toFixed(1)} ms`);
	return result;
}

it('times 500 cards (prints, asserts only the shapes)', () => {
	const items = cards(500);
	const index = time('createIndex, 500 cards', () => createIndex(items));
	const found = time('similarTo, one draft against 500', () =>
		similarTo(index, 'sulit mendapatkan modal usaha untuk pelaku UMKM')
	);
	const pairs = time('duplicatePairs over 500', () => duplicatePairs(index));
	const groups = time('suggestGroups over 500', () => suggestGroups(index));

	expect(index.items.size).toBe(500);
	expect(found.length).toBeGreaterThan(0);
	expect(found.length).toBeLessThanOrEqual(3);
	for (const { a, b, score } of pairs) {
		expect(index.items.has(a) && index.items.has(b) && a !== b).toBe(true);
		expect(score).toBeLessThanOrEqual(1);
	}
	expect(groups.flat().every((id) => index.items.has(id))).toBe(true);
	expect(new Set(groups.flat()).size).toBe(groups.flat().length);
});
