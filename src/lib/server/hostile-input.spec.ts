/**
 * Hostile input at unit level: seeded random payloads through the same path the socket handler
 * takes (validate, then execute), and random bodies through readBody. Nothing may throw, every
 * refusal must be a known code that changed nothing, and whatever is accepted must be stored
 * exactly as acknowledged. `npm run torture` runs the same idea over a real socket.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../realtime/contract';
import { createSessionSchema, envelopeSchema, joinSchema, syncSchema } from '../realtime/schemas';
import type { Database } from './db/store';
import { HttpProblem, readBody } from '../http/endpoint.server';
import { sync } from './sync';
import { random, type Rng } from '$lib/testing/random';
import { addItem, dumpTables, executeAlone, storedSeqs, type TestParticipant, type TestSession } from '$lib/testing/server';
import { sessionWith, TEST_ENGINE } from '$lib/testing/stores';

const CODES: ErrorCode[] = ['invalid_input', 'forbidden', 'not_found', 'session_closed', 'kinds_locked', 'anonymous_not_allowed'];

const PIECES = ['a', 'Kendala', ' ', '\n', '\t', '\u0000', '\u0007', '\u001b', '\u007f', '\ud800', '\udc00', '🙂', '\u202e', '\u200b', 'e\u0301', '<script>', '"', '\\', 'ن', '𝔘', 'x'.repeat(200)];
const KEYS = ['id', 'command', 'type', 'kind', 'text', 'itemId', 'anonymous', 'kinds', 'allowAnonymous', 'key', 'label', '__proto__', 'constructor', 'toString', 'lastSeq'];
/** No session.close: once closed, every later case would be refused for that alone. */
const TYPES = ['item.add', 'item.edit', 'item.delete', 'session.settings', 'item.ADD', 'session.open', 'nope', ''];

function randomString(rng: Rng): string {
	let s = '';
	for (let n = rng.int(6); n >= 0; n--) s += rng.pick(PIECES);
	return rng.next() < 0.1 ? s.repeat(1 + rng.int(5)) : s;
}

/** Any value a socket.io payload can carry: JSON values, and binary attachments. */
function randomValue(rng: Rng, depth = 0): unknown {
	switch (rng.int(depth > 3 ? 6 : 9)) {
		case 0: return null;
		case 1: return rng.next() < 0.5;
		case 2: return rng.pick([0, -1, 1.5, 2 ** 53 + 2, -0, 1e308, Number.MAX_SAFE_INTEGER]);
		case 3: return randomString(rng);
		case 4: return rng.pick(TYPES);
		case 5: return new Uint8Array([0xff, 0xfe, rng.int(256)]);
		case 6: return Array.from({ length: rng.int(4) }, () => randomValue(rng, depth + 1));
		default: {
			const object: Record<string, unknown> = {};
			for (let n = rng.int(5); n > 0; n--) object[rng.pick(KEYS)] = randomValue(rng, depth + 1);
			return object;
		}
	}
}

/** A plausible command with one to three fields replaced, removed or added at random. */
function mutatedEnvelope(rng: Rng, itemIds: string[]): unknown {
	const command: Record<string, unknown> = rng.pick([
		{ type: 'item.add', kind: 'kendala', text: randomString(rng) },
		{ type: 'item.add', kind: 'peluang', text: 'Masukan sah', anonymous: true },
		{ type: 'item.edit', itemId: rng.pick(itemIds), text: randomString(rng) },
		{ type: 'item.delete', itemId: rng.pick(itemIds) },
		{ type: 'session.settings', allowAnonymous: rng.next() < 0.5 }
	]);
	const envelope: Record<string, unknown> = { id: `fz-${rng.int(1e9)}`, command };
	for (let n = 1 + rng.int(3); n > 0; n--) {
		const target = rng.next() < 0.8 ? command : envelope;
		const key = rng.pick(KEYS);
		const roll = rng.next();
		if (roll < 0.3) delete target[key];
		else if (roll < 0.9) target[key] = randomValue(rng);
		else if (roll < 0.95) return randomValue(rng);
	}
	return envelope;
}

let db: Database;
let session: TestSession;
let siti: TestParticipant;
let budi: TestParticipant;

beforeEach(async () => {
	({ db, session, people: [siti, budi] } = await sessionWith(['Siti', 'Budi']));
});

const storedText = (itemId: string) => db.selectFrom('items').select('text').where('id', '=', itemId).executeTakeFirstOrThrow();

describe('random commands through validation and execution', () => {
	it('never throw; refusals are known codes that change nothing; acceptances are stored as acknowledged', async () => {
		const rng = random(20261128);
		const counts = { invalid: 0, refused: 0, accepted: 0 };
		// Ten fresh sessions of 300 cases: small tables keep the before/after comparison cheap.
		for (let round = 0; round < 10; round++) {
			({ db, session, people: [siti, budi] } = await sessionWith(['Siti', 'Budi']));
			const itemIds = [await addItem(db, siti.identity, 'Milik Siti'), await addItem(db, budi.identity, 'Milik Budi'), 'tidak-ada'];
			const who = [siti.identity, budi.identity, session.presenter, session.facilitator];
			for (let n = 0; n < 300; n++) {
				const parsed = envelopeSchema.safeParse(mutatedEnvelope(rng, itemIds));
				if (!parsed.success) {
					counts.invalid++;
					continue;
				}
				const before = await dumpTables(db);
				const { result, records } = await executeAlone(db, rng.pick(who), parsed.data);
				if (!result.ok) {
					counts.refused++;
					expect(CODES, JSON.stringify(result)).toContain(result.error.code);
					expect(records).toEqual([]);
					expect(await dumpTables(db)).toEqual(before);
					continue;
				}
				counts.accepted++;
				const command = parsed.data.command;
				if (command.type === 'item.add') itemIds.push(result.itemId!);
				if ((command.type === 'item.add' || command.type === 'item.edit') && records.length) {
					const stored = await storedText(result.itemId!);
					expect(stored.text).toBe(command.text);
					expect(stored.text.isWellFormed()).toBe(true);
				}
			}
			const seqs = await storedSeqs(db, session.row.id);
			expect(seqs).toEqual(seqs.map((_, i) => i + 1));
		}
		// The generator must reach every outcome, or it tests less than it claims.
		expect(counts.invalid).toBeGreaterThan(500);
		expect(counts.refused).toBeGreaterThan(100);
		expect(counts.accepted).toBeGreaterThan(50);
	}, TEST_ENGINE === 'postgres' ? 120_000 : 30_000); // on PostgreSQL each of its ~20,000 queries is a network round trip

	it('random sync requests are answered or refused, never thrown', async () => {
		const rng = random(7);
		for (let n = 0; n < 1000; n++) {
			const request = rng.next() < 0.5 ? randomValue(rng) : { lastSeq: randomValue(rng) };
			const parsed = syncSchema.safeParse(request);
			if (parsed.success) expect((await sync(db, siti.identity, parsed.data.lastSeq)).ok).toBe(true);
		}
	});
});

describe('text that would not survive storage', () => {
	it('lone surrogates are refused everywhere user text goes in', async () => {
		for (const text of ['a\ud800b', '\udfff', 'ok \ud83d']) {
			expect(envelopeSchema.safeParse({ id: 'lone-surrogate', command: { type: 'item.add', kind: 'kendala', text } }).success).toBe(false);
			expect(joinSchema.safeParse({ token: 'AbCdEfGhIjKlMnOpQrStUv', name: text, group: 'media', consent: true }).success).toBe(false);
			expect(createSessionSchema.safeParse({ title: text, startsAt: '2026-11-28T09:00' }).success).toBe(false);
		}
	});

	it('paired surrogates (emoji, letters outside the BMP) are kept as they are', async () => {
		const text = '🙂 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👨‍👩‍👧';
		const parsed = envelopeSchema.parse({ id: 'paired-surrogates', command: { type: 'item.add', kind: 'kendala', text } });
		const { result } = await executeAlone(db, siti.identity, parsed);
		const stored = await storedText((result as { itemId: string }).itemId);
		expect(stored.text).toBe(text);
	});
});

describe('random HTTP bodies', () => {
	const request = (body: BodyInit, type: string) => new Request('http://rembuk.test/api', { method: 'POST', headers: { 'content-type': type }, body });

	it('are parsed or refused with 400, 413 or 415 and a code, never with another error', async () => {
		const rng = random(99);
		for (let n = 0; n < 500; n++) {
			const value = randomValue(rng);
			const body = rng.pick([
				() => JSON.stringify(value) ?? 'undefined',
				() => JSON.stringify({ token: 'AbCdEfGhIjKlMnOpQrStUv', name: randomString(rng), group: 'media', consent: value }),
				() => new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
				() => `${'['.repeat(5000)}${']'.repeat(5000)}`,
				() => randomString(rng)
			])();
			const type = rng.pick(['application/json', 'application/json; charset=utf-8', 'text/plain', '']);
			try {
				await readBody(request(body, type), joinSchema);
			} catch (error) {
				expect(error).toBeInstanceOf(HttpProblem);
				expect([400, 413, 415]).toContain((error as HttpProblem).status);
				expect(['invalid_input', 'consent_required']).toContain((error as HttpProblem).code);
			}
		}
	});

	it('a body cut off by the server’s size limit is a 413 in the API’s own error shape', async () => {
		const tooBig = Object.assign(new Error('Payload Too Large'), { status: 413 });
		const stream = new ReadableStream({ start: (controller) => controller.error(tooBig) });
		const cut = new Request('http://rembuk.test/api', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
		await expect(readBody(cut, joinSchema)).rejects.toMatchObject({ status: 413, code: 'invalid_input', message: 'Body too large' });
	});
});
