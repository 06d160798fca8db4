/**
 * An XSS corpus posted as items, names and institutions: it must show as text on the phone,
 * the console and the projector (no script runs, no element or handler appears), and come out
 * of both minutes formats unchanged. Posted over the API and socket for speed; viewed in Chromium.
 */
import { expect, test, type Page } from '@playwright/test';
import { command, connect, createSession, GROUPS, newToken } from '../../scripts/bench/phone.mjs';
import { freePort } from '../../scripts/bench/ports.mjs';
import { rembuk, type RembukProcess } from '../../scripts/bench/server.mjs';
import { LAPTOP, PHONE, PROJECTOR } from './helpers';

/** Each payload would, if it ran, set window.__xss or open a dialog. */
const CORPUS = [
	'<script>window.__xss = 1</script>',
	'<img src=x onerror="window.__xss=2">',
	'<svg/onload=alert(3)>',
	'javascript:alert(document.cookie)',
	'"><iframe src="javascript:window.__xss=4"></iframe>',
	'<a href="javascript:alert(5)">klik di sini</a>',
	"{{constructor.constructor('alert(6)')()}} ${alert(7)}",
	'<style>*{display:none!important}</style>',
	'<math><mi xlink:href="data:x,<script>alert(8)</script>">',
	'&lt;b&gt;bukan tebal&lt;/b&gt; &amp; &#x3C;entitas&#x3E;',
	'\u202Egnp.exe\u202C (teks terbalik)',
	'مرحبا بالعالم — teks kanan ke kiri',
	'🙂👍🏽👨‍👩‍👧 emoji dan ZWJ',
	'zero\u200Bwidth\u200Dtext\u2060join',
	'Ѕіtі Аmіnаh (huruf Kiril)',
	'%3Cscript%3Ewindow.__xss=9%3C/script%3E'
];
const LONG_WORD = 'Pembangunanberkelanjutan'.repeat(20);
const ITEMS = [...CORPUS, LONG_WORD];
/** Names and institutions get the same payloads, cut to their limits (80 and 120). */
const people = CORPUS.map((text, i) => ({ name: text.slice(0, 80), institution: CORPUS[(i + 5) % CORPUS.length].slice(0, 120) }));

let server: RembukProcess;
let code: string;
let facilitatorUrl: string;
let facilitatorKey: string;
let phoneIdentity: { token: string; participantId: string; name: string };

test.beforeAll(async () => {
	server = rembuk({ port: await freePort() });
	await server.start();
	({ code, facilitatorUrl, facilitatorKey } = await createSession(server.url, { title: 'FGD uji XSS' }));
	for (const [i, person] of people.entries()) {
		const token = newToken();
		const joined = await fetch(`${server.url}/api/sessions/${code}/participants`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ token, ...person, group: GROUPS[i % GROUPS.length], consent: true })
		}).then((r) => r.json());
		expect(joined.participant, JSON.stringify(joined)).toBeTruthy();
		const socket = await connect(server.url, { code, role: 'participant', token });
		// Participant 0 also posts the long word, and is the phone that will look at the board.
		for (const text of i === 0 ? [ITEMS[i], LONG_WORD] : [ITEMS[i]]) {
			const ack = await command(socket, { type: 'item.add', kind: 'kendala', text });
			expect(ack.ok, JSON.stringify(ack)).toBe(true);
		}
		socket.close();
		if (i === 0) phoneIdentity = { token, participantId: joined.participant.id, name: person.name };
	}
});
test.afterAll(() => server.dispose());

/** Everything on the page that is not plain text where user text goes, or that would run. */
async function injected(page: Page) {
	return page.evaluate(() => ({
		xss: (window as { __xss?: unknown }).__xss ?? null,
		elementsInUserText: document.querySelectorAll('.user-text *').length,
		handlerAttributes: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName}[${a.name}]`)),
		javascriptLinks: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]').length,
		framesOrObjects: document.querySelectorAll('iframe, object, embed, math').length,
		stylesInBody: document.querySelectorAll('body style').length
	}));
}

/** The payloads whose exact text is nowhere among the page's user-text elements. */
const missingTexts = (page: Page, texts: string[]) =>
	page.evaluate((texts) => {
		const shown = [...document.querySelectorAll('.user-text')].map((el) => el.textContent ?? '');
		return texts.filter((t) => !shown.some((s) => s.includes(t)));
	}, texts);

async function open(page: Page, url: string, expectedItems: number) {
	const dialogs: string[] = [];
	page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
	await page.goto(url);
	await expect(page.getByTestId('item')).toHaveCount(expectedItems, { timeout: 15_000 });
	return dialogs;
}

const CLEAN = { xss: null, elementsInUserText: 0, handlerAttributes: [], javascriptLinks: 0, framesOrObjects: 0, stylesInBody: 0 };

test('console, projector and phone show every payload as text, and none of it runs', async ({ browser }) => {
	const texts = [...ITEMS, ...people.flatMap((p) => [p.name, p.institution])];

	const consolePage = await (await browser.newContext(LAPTOP)).newPage();
	const consoleDialogs = await open(consolePage, facilitatorUrl, ITEMS.length);
	expect(await missingTexts(consolePage, texts)).toEqual([]);
	expect(await injected(consolePage)).toEqual(CLEAN);

	// The projector pages the wall: every page is looked at, and every payload shows on one of them.
	const projector = await (await browser.newContext(PROJECTOR)).newPage();
	const projectorDialogs: string[] = [];
	projector.on('dialog', (d) => (projectorDialogs.push(d.message()), void d.dismiss()));
	await projector.goto(`${server.url}/p/${code}?pace=2`);
	const wall = projector.getByTestId('wall');
	await expect(wall.getByTestId('item').first()).toBeVisible({ timeout: 15_000 });
	let notYetShown = texts;
	// The count is read again each time: a page that spills makes the wall plan more pages.
	for (let page = 1; page <= Number(await wall.getAttribute('data-pages')); page++) {
		await expect(wall).toHaveAttribute('data-page', String(page), { timeout: 30_000 });
		notYetShown = await missingTexts(projector, notYetShown);
		expect(await injected(projector)).toEqual(CLEAN);
	}
	expect(notYetShown).toEqual([]);

	const phoneContext = await browser.newContext(PHONE);
	await phoneContext.addInitScript(({ key, identity }) => localStorage.setItem(key, JSON.stringify(identity)), { key: `rembuk:participant:${code}`, identity: phoneIdentity });
	const phone = await phoneContext.newPage();
	const phoneDialogs = await open(phone, `${server.url}/j/${code}`, ITEMS.length);
	expect(await missingTexts(phone, texts)).toEqual([]);
	expect(await injected(phone)).toEqual(CLEAN);
	expect([...consoleDialogs, ...projectorDialogs, ...phoneDialogs]).toEqual([]);

	// A 480-letter word must wrap rather than push the page sideways on a 360 px phone.
	const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, 'horizontal overflow on the phone, px').toBeLessThanOrEqual(0);
});

/** Markdown's backslash escapes undone, as a Markdown viewer shows the text. */
const unescapeMarkdown = (md: string) => md.replace(/\\([\\`*_[\]<>|~#&\-+=.)])/g, '$1');

test('both minutes formats carry every payload unchanged', async () => {
	const get = (format: string) =>
		fetch(`${server.url}/api/sessions/${code}/minutes?format=${format}`, { headers: { authorization: `Bearer ${facilitatorKey}` } });
	const json = await (await get('json')).json();
	const texts = json.items.map((i: { text: string }) => i.text);
	expect(texts.sort()).toEqual(ITEMS.map((t) => t.normalize('NFC').trim()).sort());
	const attendance = json.attendance.participants.map((p: { name: string; institution: string }) => [p.name, p.institution]);
	for (const person of people) expect(attendance).toContainEqual([person.name.trim(), person.institution.trim()]);

	const markdown = unescapeMarkdown(await (await get('md')).text());
	const missing = [...ITEMS, ...people.flatMap((p) => [p.name.trim(), p.institution.trim()])].filter((t) => !markdown.includes(t.normalize('NFC').trim()));
	expect(missing).toEqual([]);
});
