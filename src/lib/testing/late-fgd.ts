/**
 * The facilitated FGD as a minute-taker finishes it the next day: notes taken and the session
 * closed on 25 October (so every stamp carries a date), an action row with long Indonesian
 * words and "Belum ditentukan" in narrow columns, and a letterhead whose logo is twice as wide
 * as it is tall. The typesetting specs print it and look for broken words, overlaps and a
 * stretched logo.
 */
import sharp from 'sharp';
import { vi } from 'vitest';
import { facilitatedFgd } from './fgd';

/** The logo's size in pixels: not square, as a regency emblem with its name beside it. */
export const LOGO_PIXELS = { width: 300, height: 150 };

const logo = async () =>
	(await sharp({ create: { ...LOGO_PIXELS, channels: 3, background: { r: 20, g: 90, b: 160 } } }).png().toBuffer()).toString('base64');

export async function lateFgd(minutesLanguage: 'id' | 'en' = 'id') {
	const fgd = await facilitatedFgd(minutesLanguage, { close: false });
	const png = await logo();
	vi.useFakeTimers({ toFake: ['Date'] });
	try {
		vi.setSystemTime(new Date('2025-10-25T21:40:00+08:00'));
		const letterhead = { office: 'PEMERINTAH KABUPATEN KUTAI KARTANEGARA\nDINAS PEMBERDAYAAN MASYARAKAT DAN DESA', address: 'Jl. Contoh No. 1, Tenggarong', logo: `data:image/png;base64,${png}` };
		await fgd.run('facilitator', { type: 'session.details', details: { letterhead } });
		for (const text of ['Catatan yang ditulis keesokan harinya setelah diskusi selesai.', 'Catatan kedua, juga ditulis keesokan harinya.', 'Catatan ketiga.'])
			await fgd.run('minutetaker', { type: 'note.add', text });
		await fgd.run('minutetaker', {
			type: 'action.save',
			row: {
				issueItemIds: [fgd.ids.pemasaran],
				recommendationId: fgd.ids.forum,
				activity: 'Pelaku UMKM belum memanfaatkan pemasaran digital secara berkelanjutan',
				output: 'Pendampingan pemasaran daring',
				indicator: 'Omzet daring naik 20 % pada 60 % peserta',
				pic: { name: 'Dr. Andi Kurniawan', institution: 'Universitas Mulawarman', group: 'akademisi' },
				partners: 'Perusahaan pemegang IUP, mahasiswa KKN, radio komunitas',
				timeframe: 'Belum ditentukan',
				funding: 'Belum ditentukan',
				cost: null,
				status: 'rencana' as const,
				remarks: 'Perlu kajian kelayakan bersama akademisi'
			}
		});
		vi.setSystemTime(new Date('2025-10-25T22:01:00+08:00'));
		await fgd.run('facilitator', { type: 'phase.set', phase: 'closed' });
	} finally {
		vi.useRealTimers();
	}
	return fgd;
}
