/**
 * The thesaurus' second half: broader issue areas, used only by clusterAcrossSessions (clusters.ts)
 * on the server, so phones and the console never download it. Kept as data like SYNONYMS
 * (thesaurus.ts), with its own checks in thesaurus.spec.ts.
 */

/**
 * Broader topics: words (heads or stems) that belong to one issue area though they do not mean
 * the same thing ("bank", "agunan" and "KUR" are all
 * about financing). Two words of one topic count as partly the same word (RELATED in search.ts).
 * Format: one topic per line, "name: member, member"; a word is in one topic at most. Members
 * are stems or heads of SYNONYMS, since they are matched after those apply.
 */
export const TOPICS = `
pembiayaan: modal, agunan, bank, cair, bunga, bantu, rentenir, leasing, sertifikat, koperasi
pemasaran: jual, pasar, digital, kemas, promosi, branding, merek, label, ongkir, distribusi, pembeli, pameran, event, konten
keterampilan: kapasitas, latih, damping, manajemen, pembukuan, keuangan
energi: listrik, padam, genset
transportasi: jalan, jembatan, perahu, dermaga, angkutan, kendara, ojek, angkot, bus
nafkah: pendapatan, loker, anggur, phk, ekonomi
lahan: lahan, tanah, pascatambang, reklamasi, revegetasi
legalitas: izin, halal, bpom, haki
airbersih: pdam, sumur, tandon
kesehatan: nakes, puskesmas, posyandu, obat, sehat, sakit, ambulans, bpjs, stunting, gizi
pendidikan: guru, sekolah, didik, ajar, beasiswa, putussekolah, honorer, murid, siswa
kebersihan: sampah, tps, buang, plastik, bersih, limbah
saprodi: pupuk, bibit, pestisida, racun, herbisida
hama: hama, babi, tikus, monyet, serang
hasillaut: tangkap, ikan, rumpon, udang, kepiting, cumi
olahan: kuliner, oleholeh, olah, kerupuk, amplang, keripik, kue, camilan, abon
alam: pantai, pulau, hutan, mangrove, terjun, danau, sungai, goa, bukit, penyu, pesisir, karst
budaya: adat, budaya, lamin, tari, seni, tradisi, upacara, ritual, sejarah
`;

/** The topics of TOPICS: name → members. */
export const parseTopics = (text: string): Map<string, string[]> =>
	new Map(
		text
			.trim()
			.split('\n')
			.map((line) => {
				const [name, members] = line.split(':');
				return [name.trim(), members.split(',').map((word) => word.trim())];
			})
	);

/** A stem or head → its broader topic ("pembiayaan"), for clustering across sessions. */
export const TOPIC = new Map<string, string>();
for (const [name, members] of parseTopics(TOPICS)) {
	for (const word of members) TOPIC.set(word, name);
}
