/** The minutes' tables and small stakeholder groups: combined by default, apart when the facilitator says so. */
import { describe, expect, it } from 'vitest';
import { sampleFgd } from '$lib/testing/fgd';
import { buildMinutes } from '../model';

const NOW = new Date('2025-10-24T05:00:00Z');

async function columns(minutesMinGroup?: number) {
	const fgd = await sampleFgd();
	// Siti and Yusuf in pemerintah, one person each in akademisi, dunia_usaha and komunitas.
	const details = minutesMinGroup === undefined ? {} : { minutesMinGroup };
	await fgd.db.updateTable('sessions').set({ details: JSON.stringify(details) }).where('id', '=', fgd.session.id).execute();
	return (await buildMinutes(fgd.db, fgd.session.id, 'id', NOW)).matrix.totals.byGroup.filter((g) => g.count > 0).map((g) => [g.label, g.count]);
}

describe('small groups in the minutes', () => {
	it('are combined by default: a group under three people has no column of its own', async () => {
		expect(await columns()).toEqual([['Unsur lain (gabungan)', 3]]);
	});

	it('are shown apart when the facilitator sets the threshold to 1', async () => {
		expect((await columns(1)).map(([label]) => label)).toEqual([
			'Pemerintah (OPD / kecamatan / desa)',
			'Akademisi / Perguruan Tinggi',
			'Dunia Usaha / UMKM / Asosiasi'
		]);
	});
});
