/**
 * The word lists behind similarity. They are space-separated strings rather than arrays because
 * this module ships to phones: a string minifies to itself, an array of quoted words does not.
 */

import { parseSets, SYNONYMS } from './thesaurus';

const set = (words: string) => new Set(words.split(' '));

/**
 * Words that say nothing about what an item is about: Indonesian function words, the fillers of
 * FGD cards ("perlu adanya", "harus"), and phone shorthand (yg, dgn, utk).
 * Checked against the word as typed, before stemming, so "dapat" (can) goes but "mendapatkan"
 * (obtain) stays. "sudah"/"telah" go too: "already" changes no topic. So do the people
 * ("masyarakat", "warga", "penduduk"): nearly every card is for them, so sharing the word says
 * nothing ("Data penduduk belum mutakhir" and "Ambulans desa untuk warga" are not one theme).
 */
export const STOP = set(
	'yang dan di ke dari untuk dengan pada dalam ini itu atau juga sudah telah akan masih ' +
		'agar supaya bagi oleh karena sehingga namun tetapi tapi serta secara seperti sebagai ' +
		'antara antar ada adanya bisa dapat boleh harus perlu perlunya diperlukan dibutuhkan ' +
		'penting lebih sangat paling saat setelah sebelum selama ketika jika kalau maka pun lagi ' +
		'hal para tersebut setiap semua seluruh kami kita saya mereka bahwa yaitu adalah ' +
		'merupakan menjadi jadi tentang terhadap melalui lewat hingga sampai sedang saja hanya ' +
		'lain lainnya berdasarkan pelaku berbagai beberapa sejumlah salah satu banyak per si nya ' +
		'yg dgn utk dr dlm pd krn tsb jg sdh bs sbg thd spt tp dll sering kadang selalu terus ' +
		'mohon tolong butuh udah udh sekali sejak skema bangun buat bikin pasang adakan sediakan ' +
		'tingkatkan perkuat dorong optimalkan lakukan susun masyarakat warga penduduk orang org ' +
		'pas makin semakin kalo klo kl aja nih sih deh dong jd bgt banget cuma cuman terlalu ' +
		'sekitar mau ingin pengen harap diharapkan msh bnyk hrs prlu sgt kpd ttg lg sy dg karna ' +
		'krna pengadaan penyediaan melek nang wan matan haja jua hagan kawa wayah'
);

/**
 * Words that state a lack (not yet, not, too little, hard, limited, weak). On a constraint
 * card they carry the complaint, not the topic, so they all become one token, LACK, weighed at
 * half: "belum memanfaatkan" and "kurang memakai" agree, yet two cards that share nothing but a
 * "sulit" stay apart. Checked as typed (less any -nya), so "mengurangi" (to reduce) is not a
 * lack.
 */
export const LACK = set(
	'belum tidak tak tanpa kurang minim sedikit sulit susah sukar terbatas rendah lemah blm ' +
		'tdk gak ga nggak enggak keterbatasan kesulitan kekurangan kada ndak nda gk kagak seadanya ' +
		'belom blom blum ngga engga gada krg sdkt jarang kadada kedada balum ngalih ndik'
);

/** The stem every LACK word becomes; no typed word can normalise to it. */
export const LACK_STEM = '~';

/**
 * Roots the stemmer must keep, or must prefer when a prefix could hide two roots: "perlu" is
 * not per+lu, "memanfaatkan" holds "manfaat" not "panfaat", "pengembangan" holds "kembang" not
 * "embang", "pendapatan" (income) must not fall to "dapat" (obtain), nor "perusahaan" (company) to
 * "usaha" (business): at an FGD on small business and mining companies these are two topics.
 */
export const ROOTS = set(
	'perlu pernah pertama persen perempuan peran pendapatan perusahaan masalah sekolah ' +
		'langkah digital diskusi distribusi dinas dialog manfaat milik minta mulai makan masak ' +
		'nilai nikmat kelola kembang kelompok keluarga kerja kirim kumpul kenal kuat usaha pasar ' +
		'jalan didik ternak gerak ajar olah tengah kuasa pakai capai sampai selesai pantai damai ' +
		'ramai kunjung kemas keluh kendara rumah rawat rajin mukim pelihara'
);

/**
 * Words FGD participants use for the same thing, joined under the head of their set in the
 * domain thesaurus (thesaurus.ts). Looked up by the word as typed and by its stem. A head may be
 * several stems joined by "_": "pemda" is "pemerintah daerah".
 */
export const SAME = new Map<string, string>();
/** Phrases of several words, as normalised, and the head word each becomes: "usaha mikro" → "umkm". */
export const PHRASES = new Map<string, string>();
for (const [head, ...rest] of parseSets(SYNONYMS)) {
	SAME.set(head, head);
	for (const word of rest) (word.includes(' ') ? PHRASES : SAME).set(word, head);
}
