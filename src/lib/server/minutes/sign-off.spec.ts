/**
 * The header and sign-off an office expects, in the model and the Markdown: document number,
 * the time as a range, pangkat/golongan, place of signing, tembusan, paraf, the draft mark of
 * provisional minutes, and dates written in full; and what of these the spreadsheets carry.
 * The PDF and DOCX specs beside their renderers open those files.
 */
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderCsv } from './csv';
import { facilitatedFgd, sampleFgd, withOfficeDetails } from '$lib/testing/fgd';
import { renderMarkdown } from './markdown';
import { buildMinutes } from './model';
import { renderXlsx } from './xlsx';
import { section } from '$lib/testing/markdown';

const NOW = new Date('2025-10-24T04:30:00Z');

const minutesOf = async (fgd: Awaited<ReturnType<typeof sampleFgd>>, lang: 'id' | 'en' = 'id') => await buildMinutes(fgd.db, fgd.session.id, lang, NOW);
const markdown = async (fgd: Awaited<ReturnType<typeof sampleFgd>>, lang: 'id' | 'en' = 'id') => renderMarkdown(await minutesOf(fgd, lang));


/** Closes the session at a wall-clock time in WITA, e.g. `2025-10-25T22:01`. */
async function closeAt(fgd: Awaited<ReturnType<typeof sampleFgd>>, local: string) {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(new Date(`${local}:00+08:00`));
	await fgd.run('facilitator', { type: 'session.close' });
	vi.useRealTimers();
}

afterEach(() => vi.useRealTimers());

describe('the time of the meeting', () => {
	it('runs from the scheduled start "until finished" when no end is given', async () => {
		const fgd = await sampleFgd();
		expect((await minutesOf(fgd)).session).toMatchObject({ time: '09.00 WITA', endTime: null, timeRange: 'pukul 09.00 WITA – selesai' });
		expect((await minutesOf(fgd, 'en')).session.timeRange).toBe('09:00 WITA until close');
		expect(await markdown(fgd)).toContain('- **Waktu:** pukul 09.00 WITA – selesai');
	});

	it('prints the actual start and the end as a range, each language in its own time format', async () => {
		const fgd = await withOfficeDetails(await sampleFgd());
		expect((await minutesOf(fgd)).session).toMatchObject({ time: '09.05 WITA', endTime: '12.30 WITA', timeRange: 'pukul 09.05 – 12.30 WITA' });
		expect(await markdown(fgd, 'en')).toContain('- **Time:** 09:05 – 12:30 WITA');
	});

	it('writes the agenda’s typed times as the language writes times', async () => {
		const fgd = await facilitatedFgd();
		await fgd.run('minutetaker', { type: 'session.details', details: { agenda: [{ time: '08:30', activity: 'Registrasi' }, { time: '9.00–12.15', activity: 'Diskusi' }] } });
		expect((await minutesOf(fgd)).details.agenda.map((a) => a.time)).toEqual(['08.30', '9.00–12.15']);
		expect((await minutesOf(fgd, 'en')).details.agenda.map((a) => a.time)).toEqual(['08:30', '9:00–12:15']);
		// Generated times follow the same format as the typed ones.
		expect((await minutesOf(fgd, 'en')).proceedings.timeline[0].time).toBe('10:15 WITA');
	});
});

describe('the closing', () => {
	it('says "pukul" before the time only, with the date in full when the session closed on another day', async () => {
		const fgd = await sampleFgd();
		await closeAt(fgd, '2025-10-25T22:01');
		const { session } = await minutesOf(fgd);
		expect(session).toMatchObject({ closedTime: '25 Oktober 2025 pukul 22.01 WITA', closedOnAnotherDay: true });
		const id = await markdown(fgd);
		expect(section(id, '## Penutup')).toContain('Diskusi ditutup pada 25 Oktober 2025 pukul 22.01 WITA.');
		expect(id).toContain('- **Status:** Selesai, ditutup 25 Oktober 2025 pukul 22.01 WITA');
		const en = await markdown(fgd, 'en');
		expect(section(en, '## Closing')).toContain('The discussion closed on 25 October 2025 at 22:01 WITA.');
		expect(en).toContain('- **Status:** Closed on 25 October 2025 at 22:01 WITA');
		// No short month names anywhere in the official text.
		expect(id).not.toMatch(/\bOkt\b/);
		expect(en).not.toMatch(/\bOct\b/);
	});

	it('keeps to the time alone when the session closed on its own day', async () => {
		const fgd = await sampleFgd();
		await closeAt(fgd, '2025-10-24T12:15');
		expect((await minutesOf(fgd)).session).toMatchObject({ closedTime: '12.15 WITA', closedOnAnotherDay: false });
		expect(section(await markdown(fgd), '## Penutup')).toContain('Diskusi ditutup pukul 12.15 WITA.');
	});
});

describe('provisional minutes', () => {
	it('carry the draft mark under the title and say in the closing that they are not final', async () => {
		const fgd = await sampleFgd();
		const id = await markdown(fgd);
		expect(id.split('\n').slice(0, 3)).toEqual(['# NOTULEN FOCUS GROUP DISCUSSION', '', '**DRAF — notulen sementara, belum final**']);
		expect(section(id, '## Penutup')).toContain('Notulen ini masih berupa draf dan belum final');
		expect(section(id, '## Penutup')).not.toContain('Demikian notulen ini dibuat');
		expect(await markdown(fgd, 'en')).toContain('**DRAFT — provisional minutes, not final**');
	});

	it('lose the mark once the session is closed', async () => {
		const fgd = await sampleFgd();
		await closeAt(fgd, '2025-10-24T12:15');
		const id = await markdown(fgd);
		expect(id).not.toContain('DRAF');
		expect(section(id, '## Penutup')).toContain('Demikian notulen ini dibuat untuk dipergunakan sebagaimana mestinya.');
		const en = await markdown(fgd, 'en');
		expect(en).not.toContain('DRAFT');
		expect(section(en, '## Closing')).toContain('These minutes are a true record of the discussion.');
	});
});

describe('the header and sign-off an office files', async () => {
	const fgd = await withOfficeDetails(await facilitatedFgd());
	const id = await markdown(fgd);
	const en = await markdown(fgd, 'en');

	it('prints the document number under the title', async () => {
		expect((await minutesOf(fgd)).details.number).toBe('005/214/DPMD/X/2025');
		expect(id.split('\n').slice(0, 3)).toEqual(['# NOTULEN FOCUS GROUP DISCUSSION', '', 'Nomor: 005/214/DPMD/X/2025']);
		expect(en).toContain('Ref. No.: 005/214/DPMD/X/2025');
	});

	it('signs at the place of signing, with pangkat/golongan under each name, then the tembusan', async () => {
		const signOff = section(id, '## Pengesahan');
		expect(signOff).toContain('Tenggarong, 24 Oktober 2025');
		expect(signOff).toContain(['**Ir. Bambang Sutrisno, M.Si.**\\', 'Pembina Tk. I (IV/b)\\', 'NIP 19700512 199803 1 004'].join('\n'));
		expect(signOff).toContain(['**Rudi Hartono**\\', 'Penata Muda (III/a)\\', 'NIP 19900303 201503 1 002'].join('\n'));
		expect(signOff).toContain(['Tembusan:', '', '1. Bupati Kutai Kartanegara (sebagai laporan)', '2. Kepala Bappeda Kutai Kartanegara'].join('\n'));
		expect(section(en, '## Sign-off')).toContain('Copies to:');
	});

	it('explains NIP once in English, and not at all in Indonesian', async () => {
		expect(en.split('civil-servant').length - 1).toBe(1);
		expect(section(en, '## Sign-off')).toContain('*NIP: Indonesian civil-servant identification number.*');
		expect(id).not.toContain('civil-servant');
	});

	it('carries the paraf roles in the JSON model (the printed formats draw the boxes)', async () => {
		expect((await minutesOf(fgd)).details.paraf).toEqual(['Kasubbag Umum', 'Kabid PEM']);
	});

	it('leaves a line for the place when the region is a list and no place of signing was given', async () => {
		const listed = await sampleFgd();
		await listed.db.updateTable('sessions').set({ region: 'Kutai Kartanegara, Paser, Samarinda' }).where('id', '=', listed.session.id).execute();
		expect((await minutesOf(listed)).signOff.place).toBe('');
		expect(section(await markdown(listed), '## Pengesahan')).toContain('...................., 24 Oktober 2025');
	});
});

describe('recommendations and kinds', async () => {
	const fgd = await facilitatedFgd();
	const id = await markdown(fgd);
	const en = await markdown(fgd, 'en');

	it('say when a recommendation is linked to no constraint', async () => {
		const recommendations = section(id, '## Rekomendasi');
		const unlinked = recommendations.slice(recommendations.indexOf('Hubungi pengurus'));
		expect(unlinked.split('\n').slice(0, 3).join('\n')).toContain('*Belum dikaitkan dengan kendala.*');
		// The linked one does not.
		const linked = recommendations.slice(0, recommendations.indexOf('Hubungi pengurus'));
		expect(linked).not.toContain('Belum dikaitkan');
		expect(section(en, '## Recommendations')).toContain('*Not yet linked to any constraint.*');
	});

	it('name one item’s kind in the singular in English cells, and keep the plural headings', async () => {
		const list = section(en, '### Contributions and Vote Results');
		expect(list).toContain('| 1 | Constraint | Permodalan |');
		expect(list).toContain('| Recommendation |');
		expect(list).not.toContain('| Constraints |');
		expect(en).toContain('### Constraints');
	});

	it('use Indonesian names for the method’s steps in the Indonesian minutes', async () => {
		expect(id).not.toMatch(/silent writing|dot voting/i);
		expect(section(id, '### Linimasa')).toContain('Penulisan masukan secara mandiri');
	});
});

describe('the spreadsheets', () => {
	/** The details sheet's rows as "label | value" lines (ExcelJS writes every text as a shared string). */
	async function detailsSheet(fgd: Awaited<ReturnType<typeof sampleFgd>>, lang: 'id' | 'en'): Promise<string[]> {
		const zip = await JSZip.loadAsync(await renderXlsx(await minutesOf(fgd, lang)));
		const shared = [...(await zip.file('xl/sharedStrings.xml')!.async('string')).matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => m[1]);
		const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
		return [...sheet.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)].map((row) =>
			[...row[1].matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)]
				.map(([, attributes, body = '']) => {
					const value = /<v>([^<]*)<\/v>/.exec(body)?.[1] ?? '';
					return attributes.includes('t="s"') ? shared[Number(value)] : value;
				})
				.join(' | ')
		);
	}

	it('give the details sheet the number, time range, place of signing, tembusan and whether the minutes are final', async () => {
		const rows = await detailsSheet(await withOfficeDetails(await facilitatedFgd()), 'id');
		for (const row of [
			'Waktu | pukul 09.05 – 12.30 WITA',
			'Tempat penandatanganan | Tenggarong',
			'Tembusan | Bupati Kutai Kartanegara (sebagai laporan); Kepala Bappeda Kutai Kartanegara',
			'Nomor | 005/214/DPMD/X/2025',
			'Status notulen | Final',
			'Pimpinan rapat | Ir. Bambang Sutrisno, M.Si., Kepala DPMD Kutai Kartanegara, Pembina Tk. I (IV/b), NIP 19700512 199803 1 004'
		])
			expect(rows).toContain(row);
		expect(await detailsSheet(await sampleFgd(), 'en')).toContain('Minutes status | Draft (not final)');
	});

	it('name each item’s kind in the singular in the English CSV', async () => {
		const csv = renderCsv(await minutesOf(await facilitatedFgd(), 'en'), 'rfc4180');
		expect(csv).toContain('\r\n1,Constraint,Permodalan,');
		expect(csv).not.toContain(',Constraints,');
	});
});
