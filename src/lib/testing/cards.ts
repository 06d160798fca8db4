/**
 * Many cards for the similarity module at the size of a big session: the sample cards, reworded.
 * Shared by the spec that checks the results' shapes at 500 cards and by the bench that times
 * the same calls (`npm run bench -- --only similarity`).
 */
import { random } from './random';
import { SAMPLE_ITEMS } from './sample-cards';

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

/** A draft as a phone would type it, to look up against the cards. */
export const DRAFT = 'sulit mendapatkan modal usaha untuk pelaku UMKM';

/** Sample cards, reworded: a word dropped, one to three added, sometimes two letters swapped. Same seed, same cards. */
export function manyCards(count: number, seed = 2025): { id: string; text: string }[] {
	const rng = random(seed);
	return Array.from({ length: count }, (_, i) => {
		const words = rng.pick(SAMPLE_ITEMS).text.split(' ');
		words.splice(rng.int(words.length), 1);
		for (let k = 1 + rng.int(3); k > 0; k--) words.push(rng.pick(EXTRA));
		const j = rng.int(words.length);
		const w = words[j];
		if (w.length >= 5 && rng.chance(0.3)) words[j] = w.slice(0, 2) + w[3] + w[2] + w.slice(4);
		return { id: `c${i}`, text: words.join(' ') };
	});
}
