/**
 * The two charts of the minutes, drawn from the model as SVG text and rasterised to PNG, so the
 * DOCX and the PDF embed the same picture: votes per recommendation (top 10, stacked by
 * stakeholder group) and participants per stakeholder group. Labels are in the minutes' language.
 *
 * Usage: `const { png, width, height } = votesChart(minutes)`; `width` and `height` are the
 * drawing's size in CSS pixels (96 dpi) — place it at that size; the PNG has twice as many
 * pixels each way so it stays sharp in print.
 */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import type { Locale } from '../../domain/types';
import type { GroupCount, Minutes } from './model';

export interface Chart {
	svg: string;
	png: Buffer;
	/** CSS pixels at 96 dpi. */
	width: number;
	height: number;
}

const FONT = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const WIDTH = 720;
const TOP = 10;
/** One colour per stakeholder group, in the session's group order; distinct in greyscale print too. */
const COLOURS = ['#1f4e79', '#e07b39', '#5b9b4a', '#c0392b', '#8e6bb8', '#2a9d8f', '#b8860b', '#7f7f7f', '#d4a5a5', '#4a4a4a'];

const WORDS: Record<Locale, { votes: string; choices: string; participants: string; none: string; people: string }> = {
	id: {
		votes: `Suara per rekomendasi (${TOP} teratas)`,
		choices: `Suara per pilihan (${TOP} teratas)`,
		participants: 'Peserta per kelompok pemangku kepentingan',
		none: 'Tidak ada pemungutan suara.',
		people: 'orang'
	},
	en: {
		votes: `Votes per recommendation (top ${TOP})`,
		choices: `Votes per choice (top ${TOP})`,
		participants: 'Participants by stakeholder group',
		none: 'No vote was held.',
		people: 'people'
	}
};

/** Horizontal bars, one per recommendation (or per choice when the board has none), split by the voters' groups. */
export function votesChart(minutes: Minutes): Chart {
	const words = WORDS[minutes.lang];
	const answering = minutes.recommendations?.kind;
	const mine = minutes.votes.targets.filter((t) => t.kind === answering);
	const targets = (answering && mine.length ? mine : minutes.votes.targets).slice(0, TOP);
	const title = answering && mine.length ? words.votes : words.choices;
	const groups = minutes.attendance.byGroup.filter((g) => targets.some((t) => count(t.byGroup, g.group) > 0));
	const bars = targets.map((t) => ({ label: t.text, total: t.total, parts: groups.map((g) => count(t.byGroup, g.group)) }));
	return draw(title, bars, groups, bars.length ? null : words.none);
}

/** Horizontal bars: how many participants each stakeholder group sent, every group listed. */
export function participationChart(minutes: Minutes): Chart {
	const words = WORDS[minutes.lang];
	const bars = minutes.attendance.byGroup.map((g) => ({ label: `${g.label}`, total: g.count, parts: [g.count] }));
	return draw(`${words.participants} (${minutes.attendance.total} ${words.people})`, bars, [], null);
}

interface Bar {
	label: string;
	total: number;
	/** Segment lengths, in `groups` order; a single segment when there is no legend. */
	parts: number[];
}

const count = (cells: GroupCount[], group: string) => cells.find((c) => c.group === group)?.count ?? 0;

/** Title, then label column, bars with their totals, then a legend of the groups (when stacked). */
function draw(title: string, bars: Bar[], legend: GroupCount[], empty: string | null): Chart {
	const labelWidth = 260;
	const barLeft = labelWidth + 16;
	const barSpace = WIDTH - barLeft - 50;
	const rowHeight = 30;
	const top = 44;
	const max = Math.max(1, ...bars.map((b) => b.total));
	const parts: string[] = [text(16, 26, title, 15, 'bold')];
	if (empty) parts.push(text(16, top + 20, empty, 12));
	bars.forEach((bar, i) => {
		const y = top + i * rowHeight;
		parts.push(text(labelWidth, y + 17, shorten(bar.label, 40), 11, 'normal', 'end'));
		let x = barLeft;
		bar.parts.forEach((value, j) => {
			const w = (value / max) * barSpace;
			if (w > 0) parts.push(`<rect x="${x.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowHeight - 10}" fill="${COLOURS[j % COLOURS.length]}"/>`);
			x += w;
		});
		parts.push(text(x + 6, y + 18, String(bar.total), 11, 'bold'));
	});
	let height = top + Math.max(bars.length, empty ? 1 : 0) * rowHeight + 12;
	const perRow = 2;
	legend.forEach((g, i) => {
		const x = 16 + (i % perRow) * ((WIDTH - 32) / perRow);
		const y = height + Math.floor(i / perRow) * 20;
		parts.push(`<rect x="${x}" y="${y}" width="12" height="12" fill="${COLOURS[i % COLOURS.length]}"/>`);
		parts.push(text(x + 18, y + 10, shorten(g.label, 48), 10));
	});
	if (legend.length) height += Math.ceil(legend.length / perRow) * 20 + 6;
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">` +
		`<rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>`;
	return { svg, png: rasterise(svg), width: WIDTH, height };
}

function text(x: number, y: number, value: string, size: number, weight = 'normal', anchor = 'start'): string {
	return `<text x="${x.toFixed(1)}" y="${y}" font-family="DejaVu Sans" font-size="${size}" font-weight="${weight}" text-anchor="${anchor}" fill="#222">${escapeXml(value)}</text>`;
}

function shorten(value: string, max: number): string {
	const flat = value.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

export function escapeXml(value: string): string {
	return value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const RASTER: ResvgRenderOptions = { fitTo: { mode: 'zoom', value: 2 }, font: { fontFiles: [FONT], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } };

/**
 * The charts drawn last, by their SVG, which settles every pixel. Drawing one takes 40–70 ms
 * (resvg loads the font again for each label), and a notulen is often downloaded again before
 * the votes or the attendance change, or in the other paper size. Most recent last; a handful
 * of sessions' worth.
 */
const drawn = new Map<string, Buffer>();
const DRAWN_LIMIT = 16;

function rasterise(svg: string): Buffer {
	let png = drawn.get(svg);
	if (png) drawn.delete(svg);
	else png = new Resvg(svg, RASTER).render().asPng();
	drawn.set(svg, png);
	if (drawn.size > DRAWN_LIMIT) drawn.delete(drawn.keys().next().value!);
	return png;
}
