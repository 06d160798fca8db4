import { beforeAll, describe, expect, it } from 'vitest';
import { escapeXml, participationChart, votesChart } from './charts';
import { facilitatedFgd, sampleFgd } from '$lib/testing/fgd';
import { buildMinutes, type Minutes } from './model';

const NOW = new Date('2025-10-24T04:30:00Z');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the PNG's IHDR chunk. */
const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

let id: Minutes;
let en: Minutes;

beforeAll(async () => {
	const fgd = await facilitatedFgd();
	id = await buildMinutes(fgd.db, fgd.session.id, 'id', NOW);
	en = await buildMinutes(fgd.db, fgd.session.id, 'en', NOW);
});

describe('charts', () => {
	it('draws the votes per recommendation, stacked by group with a legend, as a valid PNG', async () => {
		const chart = votesChart(id);
		expect([...chart.png.subarray(0, 8)]).toEqual(PNG);
		expect(pngSize(chart.png)).toEqual([chart.width * 2, chart.height * 2]);
		expect(chart.png.length).toBeGreaterThan(5_000);
		expect(chart.svg).toContain('Suara per rekomendasi (10 teratas)');
		expect(chart.svg).toContain('Skema kredit lunak berbasis kelompok');
		expect(chart.svg).not.toContain('Akses modal usaha');
		// Three groups voted for the recommendations: three legend swatches beside the bars.
		expect(chart.svg).toContain('Akademisi / Perguruan Tinggi');
		expect(votesChart(en).svg).toContain('Votes per recommendation (top 10)');
	});

	it('draws the participants of every group', async () => {
		const chart = participationChart(en);
		expect([...chart.png.subarray(0, 8)]).toEqual(PNG);
		expect(chart.svg).toContain('Participants by stakeholder group (5 people)');
		for (const g of en.attendance.byGroup) expect(chart.svg).toContain(g.label.replace(/&/g, '&#38;').slice(0, 20));
		expect(chart.height).toBeGreaterThan(100);
	});

	it('says so when there was no vote, and escapes what people typed', async () => {
		const plain = await sampleFgd();
		const ani = await plain.join('Ani <b>', 'media', 'Radio');
		await plain.post(ani, 'rekomendasi', 'A & B <script>');
		const minutes = await buildMinutes(plain.db, plain.session.id, 'id', NOW);
		const chart = votesChart(minutes);
		expect(chart.svg).toContain('Tidak ada pemungutan suara.');
		expect([...chart.png.subarray(0, 8)]).toEqual(PNG);
		expect(escapeXml('A & B <script>"\'')).toBe('A &#38; B &#60;script&#62;&#34;&#39;');
	});
});
