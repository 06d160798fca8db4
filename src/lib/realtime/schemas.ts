/**
 * Input schemas for every socket command and HTTP body: the one place that validates.
 * Imported at runtime only by the server; the browser uses the inferred types.
 */
import { z } from 'zod';
import { LIMITS } from '../domain/defaults';
import { CSV_DIALECTS, MINUTES_FORMAT_NAMES, MINUTES_LANGUAGES, PAPERS } from '../domain/minutes-formats';
import { hasControlCharacters, isWellFormed, tidyText } from '../domain/text';
import { parseClock } from '../domain/format';

/** User text by the rule of `domain/text`: tidied, then measured, and refused if unreadable. */
const text = (max: number, min = 1) =>
	z
		.string()
		.transform(tidyText)
		.pipe(
			z
				.string()
				.min(min)
				.max(max)
				.refine((s) => !hasControlCharacters(s), 'control characters')
				.refine(isWellFormed, 'invalid Unicode (lone surrogate)')
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

/** A stakeholder group (unsur) a participant chooses on joining: its key and its labels. */
export const groupSchema = z.object({
	key,
	labelId: text(LIMITS.institution),
	labelEn: text(LIMITS.institution, 0).default('')
});
export const groupsSchema = z
	.array(groupSchema)
	.min(1)
	.max(20)
	.refine((gs) => new Set(gs.map((g) => g.key)).size === gs.length, 'duplicate group keys');

/** A session's voting rules (dots per person, at most per choice, on items or themes), without whether they are revealed. */
export const votingRulesSchema = z.object({
	budget: z.number().int().min(1).max(100),
	cap: z.number().int().min(1).max(100),
	target: z.enum(['items', 'themes'])
});
const minutesLanguage = z.enum(['id', 'en']);
const timeZone = z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']);

const id = z.string().min(1).max(40);
const phase = z.enum(['lobby', 'writing', 'reveal', 'grouping', 'voting', 'discussion', 'action', 'closed']);
const optionalText = (max: number) => text(max, 0).default('');
const speaker = z.object({
	participantId: id.nullable().default(null),
	name: text(LIMITS.name),
	institution: optionalText(LIMITS.institution),
	group: key.or(z.literal('')).default('')
});
export const actionRowSchema = z.object({
	id: id.optional(),
	issueItemIds: z.array(id).max(20).default([]),
	recommendationId: id.nullable().default(null),
	activity: text(LIMITS.shortText),
	output: optionalText(LIMITS.shortText),
	indicator: optionalText(LIMITS.shortText),
	pic: z
		.object({ name: optionalText(LIMITS.name), institution: optionalText(LIMITS.institution), group: key.or(z.literal('')).default('') })
		.default({ name: '', institution: '', group: '' }),
	partners: optionalText(LIMITS.shortText),
	timeframe: optionalText(100),
	funding: optionalText(100),
	cost: z.number().int().min(0).max(1e15).nullable().default(null),
	status: z.enum(['rencana', 'berjalan', 'selesai', 'tertunda']).default('rencana'),
	remarks: optionalText(LIMITS.shortText)
});
/** A logo as a PNG or JPEG data URL of at most ~200 KB of image (base64 takes 4 characters per 3 bytes). */
const logo = z
	.string()
	.max(270_000)
	.regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/, 'a PNG or JPEG data URL')
	.refine((url) => {
		const start = url.indexOf(',') + 1;
		const head = atob(url.slice(start, start + 8));
		return url.startsWith('data:image/png') ? head.startsWith('\x89PNG') : head.startsWith('\xff\xd8\xff');
	}, 'the image does not match its type');

export const letterheadSchema = z.object({
	office: text(300, 0).optional(),
	address: text(300, 0).optional(),
	phone: text(60, 0).optional(),
	email: text(120, 0).optional(),
	website: text(200, 0).optional(),
	logo: logo.optional()
});

/**
 * A time of the day, "09:00" or "09.00" (as Indonesians type it), stored as `HH:mm`; empty clears
 * it (details are merged into what is saved, so an absent field would keep the old value).
 */
const clockTime = z
	.string()
	.max(10)
	.refine((s) => !s.trim() || parseClock(s) !== null, 'a time such as 09:00')
	.transform((s) => (s.trim() ? parseClock(s)! : ''));

export const detailsSchema = z.object({
	number: text(100, 0).optional(),
	startTime: clockTime.optional(),
	endTime: clockTime.optional(),
	agenda: z.array(z.object({ time: optionalText(20), activity: text(LIMITS.shortText) })).max(30).optional(),
	chair: text(LIMITS.name, 0).optional(),
	chairPosition: text(LIMITS.institution, 0).optional(),
	chairRank: text(LIMITS.name, 0).optional(),
	chairNip: text(30, 0).optional(),
	facilitatorName: text(LIMITS.name, 0).optional(),
	speakers: z.array(text(LIMITS.institution)).max(20).optional(),
	minuteTaker: text(LIMITS.name, 0).optional(),
	minuteTakerPosition: text(LIMITS.institution, 0).optional(),
	minuteTakerRank: text(LIMITS.name, 0).optional(),
	minuteTakerNip: text(30, 0).optional(),
	signingPlace: text(LIMITS.name, 0).optional(),
	copies: z.array(text(LIMITS.institution)).max(20).optional(),
	/** At most five: the boxes share the footer with the page number. */
	paraf: z.array(text(40)).max(5).optional(),
	basis: text(LIMITS.shortText, 0).optional(),
	aims: text(1000, 0).optional(),
	conclusions: text(2000, 0).optional(),
	minutesMinGroup: z.number().int().min(1).max(20).optional(),
	letterhead: letterheadSchema.optional()
});

/** Jabatan and sex are optional everywhere: a phone may leave them out, and so may staff. */
const sex = z.enum(['L', 'P']).or(z.literal('')).default('');
const position = optionalText(LIMITS.institution);
/** A person staff write into the daftar hadir by hand (someone without a phone). */
export const attendeeSchema = z.object({
	name: text(LIMITS.name),
	group: key,
	institution: optionalText(LIMITS.institution),
	position,
	sex
});
/** A photo's caption, at upload (a multipart field) and when staff change it. */
export const photoCaption = optionalText(LIMITS.shortText);

/** Attendance and photo commands: staff complete the daftar hadir and the dokumentasi. */
const attendanceCommands = [
	z.object({ type: z.literal('attendee.add'), attendee: attendeeSchema }),
	z.object({ type: z.literal('attendee.edit'), participantId: id, attendee: attendeeSchema }),
	z.object({ type: z.literal('attendee.remove'), participantId: id }),
	z.object({ type: z.literal('photo.caption'), photoId: id, caption: photoCaption }),
	z.object({ type: z.literal('photo.remove'), photoId: id })
] as const;

/** Room controls, the facilitator's: the door and capacity, removing a participant, a new code. */
const roomCommands = [
	z.object({
		type: z.literal('session.room'),
		door: z.enum(['open', 'closed']).optional(),
		capacity: z.number().int().min(1).max(5000).optional()
	}),
	z.object({ type: z.literal('participant.remove'), participantId: id, reason: text(LIMITS.shortText), hideItems: z.boolean().default(false) }),
	z.object({ type: z.literal('session.newCode') })
] as const;

export const commandSchema = z.discriminatedUnion('type', [
	z.object({
		type: z.literal('item.add'),
		kind: key,
		text: text(LIMITS.itemText),
		anonymous: z.boolean().default(false)
	}),
	z.object({ type: z.literal('item.edit'), itemId: z.string().max(40), text: text(LIMITS.itemText) }),
	z.object({ type: z.literal('item.delete'), itemId: z.string().max(40) }),
	/** Support (+1) for someone else's item, or take it back; supporting twice changes nothing. */
	z.object({ type: z.literal('item.support'), itemId: id, supported: z.boolean() }),
	z.object({
		type: z.literal('session.settings'),
		allowAnonymous: z.boolean().optional(),
		kinds: kindsSchema.optional(),
		preModeration: z.boolean().optional()
	}),
	z.object({ type: z.literal('session.close') }),
	z.object({ type: z.literal('session.details'), details: detailsSchema }),
	z.object({ type: z.literal('phase.set'), phase }),
	z.object({ type: z.literal('phase.kinds'), phase, kinds: z.array(key).max(LIMITS.kinds) }),
	z.object({ type: z.literal('timer.start'), seconds: z.number().int().min(1).max(6 * 3600), lockOnEnd: z.boolean().default(false) }),
	z.object({ type: z.literal('timer.pause') }),
	z.object({ type: z.literal('timer.resume') }),
	z.object({ type: z.literal('timer.extend'), seconds: z.number().int().min(-3600).max(3600) }),
	z.object({ type: z.literal('timer.clear') }),
	z.object({ type: z.literal('item.hide'), itemId: id, reason: text(LIMITS.shortText) }),
	z.object({ type: z.literal('item.restore'), itemId: id }),
	z.object({ type: z.literal('item.approve'), itemId: id }),
	z.object({ type: z.literal('item.merge'), targetId: id, sourceIds: z.array(id).min(1).max(50) }),
	z.object({ type: z.literal('item.theme'), itemId: id, themeId: id.nullable() }),
	z.object({ type: z.literal('theme.create'), name: text(80) }),
	z.object({ type: z.literal('theme.rename'), themeId: id, name: text(80) }),
	z.object({ type: z.literal('theme.delete'), themeId: id }),
	z.object({ type: z.literal('themes.order'), themeIds: z.array(id).max(100) }),
	z.object({ type: z.literal('vote.set'), targetId: id, count: z.number().int().min(0).max(100) }),
	z.object({
		type: z.literal('voting.settings'),
		budget: votingRulesSchema.shape.budget.optional(),
		cap: votingRulesSchema.shape.cap.optional(),
		target: votingRulesSchema.shape.target.optional(),
		revealed: z.boolean().optional()
	}),
	z.object({ type: z.literal('link.set'), recommendationId: id, targetId: id, linked: z.boolean() }),
	z.object({ type: z.literal('action.save'), row: actionRowSchema }),
	z.object({ type: z.literal('action.delete'), rowId: id }),
	z.object({ type: z.literal('note.add'), text: text(2000), speaker: speaker.nullable().default(null) }),
	z.object({ type: z.literal('note.delete'), noteId: id }),
	/** What the projector shows large: one post, one theme, or (null) the board again. */
	z.object({ type: z.literal('projector.spotlight'), target: z.object({ kind: z.enum(['item', 'theme']), id }).nullable() }),
	...attendanceCommands,
	...roomCommands
]);
export type Command = z.infer<typeof commandSchema>;

export const envelopeSchema = z.object({ id: commandId, command: commandSchema });
export const syncSchema = z.object({ lastSeq: z.number().int().min(0) });

export const socketAuthSchema = z.discriminatedUnion('role', [
	z.object({ role: z.literal('facilitator'), code: joinCode, key: z.string().max(100) }),
	z.object({ role: z.literal('minutetaker'), code: joinCode, key: z.string().max(100) }),
	z.object({ role: z.literal('participant'), code: joinCode, token: participantToken }),
	z.object({ role: z.literal('presenter'), code: joinCode })
]);

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);

export const createSessionSchema = z.object({
	title: text(LIMITS.title),
	theme: text(LIMITS.shortText, 0).default(''),
	startsAt: localDateTime,
	timeZone: timeZone.default('Asia/Makassar'),
	venue: text(LIMITS.shortText, 0).default(''),
	organizers: z.array(text(LIMITS.institution)).max(LIMITS.organizers).default([]),
	region: text(LIMITS.institution, 0).default(''),
	minutesLanguage: minutesLanguage.default('id'),
	kinds: kindsSchema.optional(),
	allowAnonymous: z.boolean().default(true),
	/** Sample data (`npm run demo`): the facilitator may set its clock, so it reads as held on its event day. */
	sample: z.boolean().default(false)
});
export type CreateSessionInput = z.infer<typeof createSessionSchema>;

/** `PUT …/clock`: a sample session's time from now on, e.g. `2025-10-24T10:15:00+08:00`. */
export const sampleClockSchema = z.object({ at: z.iso.datetime({ offset: true }) });

export const joinSchema = z.object({
	token: participantToken,
	name: text(LIMITS.name),
	group: key,
	institution: text(LIMITS.institution, 0).default(''),
	position,
	sex,
	consent: z.literal(true, { error: 'consent_required' })
});
export type JoinInput = z.infer<typeof joinSchema>;

/** `GET …/minutes?format=pdf|docx|xlsx|csv|md|json&lang=id|en&paper=a4|f4&csv=excel|rfc4180`; without `lang` the session's minutes language is used. */
export const minutesQuerySchema = z.object({
	format: z.enum(MINUTES_FORMAT_NAMES).default('md'),
	lang: z.enum(MINUTES_LANGUAGES).optional(),
	/** Paper of the printable formats; A4 unless F4/folio is asked for. */
	paper: z.enum(PAPERS).default('a4'),
	/** Dialect of the CSV; Excel's Indonesian one unless a tool asks for the standard. */
	csv: z.enum(CSV_DIALECTS).default('excel')
});

/** Personal data (UU PDP), over HTTP: the session's retention period (null: the default) and whether anonymising keeps institutions. */
export const retentionSettingsSchema = z.strictObject({
	retentionMonths: z.number().int().min(1).max(120).nullable(),
	keepInstitutions: z.boolean()
});

/** Staff delete a participant's personal data: carrying out their request, or on their behalf. */
export const erasureSchema = z.strictObject({
	participantId: id,
	/** Hide their items from the minutes too, instead of keeping them as anonymous content. */
	hideItems: z.boolean().default(false)
});

/** Deleting a session: the facilitator types its code to confirm. */
export const deleteSessionSchema = z.strictObject({ confirmCode: z.string().max(20) });

/**
 * A programme's template, what each of its new sessions starts from (see
 * server/programmes/template.ts), made of the same rules as the session's own settings.
 */
export const sessionTemplateSchema = z.strictObject({
	kinds: kindsSchema,
	groups: groupsSchema,
	agenda: detailsSchema.shape.agenda.unwrap(),
	voting: votingRulesSchema,
	letterhead: letterheadSchema.nullable(),
	minutesLanguage,
	timeZone,
	allowAnonymous: z.boolean(),
	retentionMonths: retentionSettingsSchema.shape.retentionMonths,
	keepInstitutions: retentionSettingsSchema.shape.keepInstitutions,
	phaseKinds: z.partialRecord(phase, z.array(key).max(LIMITS.kinds)),
	minutesMinGroup: detailsSchema.shape.minutesMinGroup.unwrap().nullable()
});
