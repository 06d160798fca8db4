/**
 * Input schemas for every socket command and HTTP body: the one place that validates.
 * Imported at runtime only by the server; the browser uses the inferred types.
 */
import { z } from 'zod';
import { LIMITS } from '../domain/defaults';

/** Trims, normalises Unicode and refuses control characters other than newline and tab, and lone surrogates. */
const text = (max: number, min = 1) =>
	z
		.string()
		.transform((s) => s.normalize('NFC').trim())
		.pipe(
			z
				.string()
				.min(min)
				.max(max)
				.refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'control characters')
				// A lone surrogate reaches SQLite as invalid UTF-8 and reads back as U+FFFD: the stored
				// text would differ from the text that was acknowledged and broadcast.
				.refine((s) => s.isWellFormed(), 'invalid Unicode (lone surrogate)')
		);

const key = z.string().regex(/^[a-z0-9_]{1,32}$/);
export const commandId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
export const joinCode = z
	.string()
	.transform((s) => s.trim().toUpperCase())
	.pipe(z.string().regex(/^[A-Z0-9]{6}$/));
/** A participant token is made by the phone: ≥128 random bits, base64url. */
export const participantToken = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/);

export const kindSchema = z.object({
	key,
	label: text(40),
	labelEn: text(40).optional()
});
export const kindsSchema = z
	.array(kindSchema)
	.min(1)
	.max(LIMITS.kinds)
	.refine((ks) => new Set(ks.map((k) => k.key)).size === ks.length, 'duplicate kind keys');

export const commandSchema = z.discriminatedUnion('type', [
	z.object({
		type: z.literal('item.add'),
		kind: key,
		text: text(LIMITS.itemText),
		anonymous: z.boolean().default(false)
	}),
	z.object({ type: z.literal('item.edit'), itemId: z.string().max(40), text: text(LIMITS.itemText) }),
	z.object({ type: z.literal('item.delete'), itemId: z.string().max(40) }),
	z.object({
		type: z.literal('session.settings'),
		allowAnonymous: z.boolean().optional(),
		kinds: kindsSchema.optional()
	}),
	z.object({ type: z.literal('session.close') })
]);
export type Command = z.infer<typeof commandSchema>;

export const envelopeSchema = z.object({ id: commandId, command: commandSchema });
export const syncSchema = z.object({ lastSeq: z.number().int().min(0) });

export const socketAuthSchema = z.discriminatedUnion('role', [
	z.object({ role: z.literal('facilitator'), code: joinCode, key: z.string().max(100) }),
	z.object({ role: z.literal('participant'), code: joinCode, token: participantToken }),
	z.object({ role: z.literal('presenter'), code: joinCode })
]);

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);

export const createSessionSchema = z.object({
	title: text(LIMITS.title),
	theme: text(LIMITS.shortText, 0).default(''),
	startsAt: localDateTime,
	timeZone: z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']).default('Asia/Makassar'),
	venue: text(LIMITS.shortText, 0).default(''),
	organizers: z.array(text(LIMITS.institution)).max(LIMITS.organizers).default([]),
	region: text(LIMITS.institution, 0).default(''),
	minutesLanguage: z.enum(['id', 'en']).default('id'),
	kinds: kindsSchema.optional(),
	allowAnonymous: z.boolean().default(true)
});
export type CreateSessionInput = z.infer<typeof createSessionSchema>;

export const joinSchema = z.object({
	token: participantToken,
	name: text(LIMITS.name),
	group: key,
	institution: text(LIMITS.institution, 0).default(''),
	consent: z.literal(true, { error: 'consent_required' })
});
export type JoinInput = z.infer<typeof joinSchema>;

/** `GET …/minutes?format=md|json&lang=id|en`; without `lang` the session's minutes language is used. */
export const minutesQuerySchema = z.object({
	format: z.enum(['md', 'json']).default('md'),
	lang: z.enum(['id', 'en']).optional()
});
