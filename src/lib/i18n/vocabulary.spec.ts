/**
 * The words the event-day review asked to keep straight: one word for a dot vote everywhere a
 * participant, facilitator or organizer reads it, one word for "not in a theme yet", and no
 * word that means two different things on one screen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { board as enBoard } from './en/board';
import { phone as enJoin } from './en/phone';
import { staff as enStaff } from './en/staff';
import { board as idBoard } from './id/board';
import { phone as idJoin } from './id/phone';
import { staff as idStaff } from './id/staff';

/** Everything a participant's phone reads: the join screen's table and the board's, side by side. */
const idPhone = { ...idJoin, ...idBoard };
const enPhone = { ...enJoin, ...enBoard };

type Tree = { [key: string]: string | Tree };
const texts = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : texts(v)));

/** "titik" as the vote word; "titik koma" (semicolon) is another word. */
const DOT = /\btitik\b(?! koma)/i;
const MINUTES = resolve(__dirname, '..', 'server', 'minutes');
const minutesSources = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? minutesSources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : []
	);

describe('vocabulary', () => {
	it('calls a dot vote "suara" on the phone, the staff screens, the minutes and the summary', () => {
		for (const text of [...texts(idPhone), ...texts(idStaff)]) expect(text).not.toMatch(DOT);
		for (const file of minutesSources(MINUTES)) expect(readFileSync(file, 'utf8'), file).not.toMatch(DOT);
		expect(idPhone.vote.add).toBe('Tambah suara');
		expect(idStaff.console.dots).toBe(idPhone.vote.total);
		expect(enStaff.console.dots).toBe('{{count}} votes');
		for (const text of [...texts(enPhone), ...texts(enStaff)]) expect(text).not.toMatch(/\bdots?\b(?! voting)/i);
	});

	it('names items outside a theme the same on the console and the phone', () => {
		expect(idStaff.console.ungrouped).toBe(idPhone.phone.ungrouped);
		expect(enStaff.console.ungrouped).toBe(enPhone.phone.ungrouped);
		expect(idStaff.console.confirmDeleteTheme).toContain(idStaff.console.ungrouped);
	});

	it('keeps the recommendation-links tab apart from the URL word, and the timer unit apart from the minutes tab', () => {
		expect(idStaff.console.tabs.links).not.toMatch(/tautan/i);
		expect(idStaff.report.linksTitle).toMatch(/tautan/i);
		expect(enStaff.console.tabs.links).not.toMatch(/link/i);
		expect(enStaff.console.minutes).not.toBe(enStaff.console.tabs.minutes);
	});

	it('says a join code holds letters or digits, as its error does', () => {
		expect(idStaff.home.joinHint).toMatch(/huruf atau angka/);
		expect(enStaff.home.joinHint).toMatch(/letters or digits/);
	});

	it('heads the report columns with whole language names', () => {
		expect(idStaff.minutesFiles.language).toEqual({ id: 'Bahasa Indonesia', en: 'Bahasa Inggris' });
	});
});
