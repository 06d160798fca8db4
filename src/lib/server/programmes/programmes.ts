/**
 * Programmes (rangkaian FGD) and the organization's own sessions: create and edit a programme,
 * create a session into the organization (from a programme's template or alone), duplicate one.
 * Who may do what is asked of accounts/access.ts, never decided here.
 */
import type { Selectable, Updateable } from 'kysely';
import type { SessionsTable } from '../db/schema';
import type { Database } from '../db/store';
import { newId } from '../secrets';
import * as sessions from '../sessions';
import * as audit from '../accounts/audit';
import { AccessDenied, canManageSessions, runnableSession, type Member } from '../accounts/access';
import * as regions from '../regions';
import { DEFAULT_TEMPLATE, normalise, templateColumns, templateOf, type SessionTemplate, type TemplateSource } from './template';

export interface Programme {
	id: string;
	name: string;
	theme: string;
	template: SessionTemplate;
	createdAt: string;
}

interface ProgrammeRow {
	id: string;
	organization_id: string;
	name: string;
	theme: string;
	template: string;
	created_at: string;
}

const toProgramme = (row: ProgrammeRow): Programme => ({
	id: row.id,
	name: row.name,
	theme: row.theme,
	template: normalise(JSON.parse(row.template)),
	createdAt: row.created_at
});

function requireManager(member: Member) {
	if (!canManageSessions(member)) throw new AccessDenied('forbidden', 'Only an admin or organizer manages programmes');
}

/** Runs `write` in the caller's transaction, or in one of its own. */
const inTransaction = <T>(db: Database, write: (trx: Database) => Promise<T>): Promise<T> =>
	db.isTransaction ? write(db) : db.transaction().execute(write);

/** The programmes of the member's organization the member may see (all, or those holding a session assigned to them). */
const visibleProgrammes = (db: Database, member: Member) =>
	db
		.selectFrom('programmes as p')
		.select(['p.id', 'p.organization_id', 'p.name', 'p.theme', 'p.template', 'p.created_at'])
		.where('p.organization_id', '=', member.organizationId)
		.$if(!canManageSessions(member), (q) =>
			q.where(({ exists, selectFrom }) =>
				exists(
					selectFrom('sessions as s')
						.innerJoin('session_facilitators as f', 'f.session_id', 's.id')
						.select('s.id')
						.whereRef('s.programme_id', '=', 'p.id')
						.where('f.account_id', '=', member.accountId)
				)
			)
		);

/** Admins and organizers see every programme of the organization; a facilitator those holding a session assigned to them. */
export async function programmesFor(db: Database, member: Member): Promise<Programme[]> {
	const rows = await visibleProgrammes(db, member).orderBy('p.created_at', 'desc').execute();
	return rows.map(toProgramme);
}

/** One programme the member may see; the same refusal whether it is another organization's or missing. */
export async function programmeFor(db: Database, member: Member, id: string): Promise<Programme> {
	const found = await visibleProgrammes(db, member).where('p.id', '=', id).executeTakeFirst();
	if (!found) throw new AccessDenied('not_found', 'No programme of your organization has this id');
	return toProgramme(found);
}

/** A session row as a template's source, with its data terms and its place (the row holds them; SessionRow does not name them). */
const asSource = (row: sessions.SessionRow) => row as sessions.SessionRow & Selectable<SessionsTable> & TemplateSource;

/** The template from a session of the organization the member may run, or the defaults when none is named. */
export async function templateFrom(db: Database, member: Member, sessionCode: string | null): Promise<SessionTemplate> {
	if (!sessionCode) return DEFAULT_TEMPLATE;
	return templateOf(asSource(await runnableSession(db, member, sessionCode)));
}

export interface ProgrammeInput {
	name: string;
	theme: string;
	template: SessionTemplate;
}

export async function createProgramme(db: Database, member: Member, input: ProgrammeInput, address = ''): Promise<Programme> {
	requireManager(member);
	const id = newId();
	const now = new Date().toISOString();
	await inTransaction(db, async (trx) => {
		await trx
			.insertInto('programmes')
			.values({
				id,
				organization_id: member.organizationId,
				name: input.name,
				theme: input.theme,
				template: JSON.stringify(input.template),
				created_by: member.accountId,
				created_at: now,
				updated_at: now
			})
			.execute();
		await audit.add(trx, { organizationId: member.organizationId, accountId: member.accountId, action: 'programme.created', subject: input.name, address });
	});
	return programmeFor(db, member, id);
}

/** Renames, re-themes or replaces the template; sessions already made keep what they started from. */
export async function updateProgramme(db: Database, member: Member, id: string, input: ProgrammeInput, address = ''): Promise<Programme> {
	requireManager(member);
	await programmeFor(db, member, id);
	await inTransaction(db, async (trx) => {
		await trx
			.updateTable('programmes')
			.set({ name: input.name, theme: input.theme, template: JSON.stringify(input.template), updated_at: new Date().toISOString() })
			.where('id', '=', id)
			.where('organization_id', '=', member.organizationId)
			.execute();
		await audit.add(trx, { organizationId: member.organizationId, accountId: member.accountId, action: 'programme.updated', subject: input.name, address });
	});
	return programmeFor(db, member, id);
}

/**
 * The template edited field by field (read and checked by template-form.ts): only the template
 * changes, audited with the fields that did; sessions already made keep what they started from.
 */
export async function editTemplate(db: Database, member: Member, id: string, template: SessionTemplate, address = ''): Promise<Programme> {
	requireManager(member);
	const current = await programmeFor(db, member, id);
	const changed = (Object.keys(template) as (keyof SessionTemplate)[]).filter((k) => JSON.stringify(template[k]) !== JSON.stringify(current.template[k]));
	if (!changed.length) return current;
	await inTransaction(db, async (trx) => {
		await trx
			.updateTable('programmes')
			.set({ template: JSON.stringify(template), updated_at: new Date().toISOString() })
			.where('id', '=', id)
			.where('organization_id', '=', member.organizationId)
			.execute();
		await audit.add(trx, {
			organizationId: member.organizationId,
			accountId: member.accountId,
			action: 'programme.template_edited',
			subject: current.name,
			detail: changed.join(', '),
			address
		});
	});
	return programmeFor(db, member, id);
}

export interface NewSessionInput {
	title: string;
	/** `YYYY-MM-DDTHH:mm`, local to the template's time zone. */
	startsAt: string;
	venue: string;
	/** A Kemendagri code (province to desa), or '' for none. */
	regionCode: string;
	programmeId: string | null;
}

export class InvalidRegion extends Error {
	readonly code = 'bad_region';
}

/**
 * A new session of the organization (../sessions `create`, inside the caller's transaction), its
 * settings from `template`, in the organization and the programme; `overrides` are the columns a
 * duplicate takes from its source.
 */
async function insertFromTemplate(
	trx: Database,
	member: Member,
	template: SessionTemplate,
	input: { title: string; theme: string; startsAt: string; venue: string; region: { code: string; name: string } | null; programmeId: string | null },
	overrides: Partial<Updateable<SessionsTable>> = {}
): Promise<sessions.CreatedSession> {
	const created = await sessions.create(trx, {
		title: input.title,
		theme: input.theme,
		startsAt: input.startsAt,
		timeZone: template.timeZone,
		venue: input.venue,
		organizers: [member.organizationName],
		region: input.region?.name ?? '',
		minutesLanguage: template.minutesLanguage,
		kinds: template.kinds,
		allowAnonymous: template.allowAnonymous,
		sample: false
	});
	const c = templateColumns(template);
	await trx
		.updateTable('sessions')
		.set({
			groups: c.groups,
			voting: c.voting,
			details: c.details,
			phase_kinds: c.phase_kinds,
			retention_months: c.retention_months,
			retention_keeps_institutions: c.retention_keeps_institutions,
			organization_id: member.organizationId,
			programme_id: input.programmeId,
			region_code: input.region?.code || null,
			...overrides
		})
		.where('id', '=', created.id)
		.execute();
	return created;
}

async function resolveRegion(code: string): Promise<{ code: string; name: string } | null> {
	if (!code) return null;
	const found = await regions.describe(code);
	if (!found) throw new InvalidRegion('This is not a region code of the official list');
	return found;
}

/** A new session of the organization: from a programme's template (its theme too) or the defaults, with its own region and date. */
export async function createSession(db: Database, member: Member, input: NewSessionInput, address = ''): Promise<sessions.CreatedSession> {
	requireManager(member);
	const programme = input.programmeId ? await programmeFor(db, member, input.programmeId) : null;
	const region = await resolveRegion(input.regionCode);
	return inTransaction(db, async (trx) => {
		const created = await insertFromTemplate(trx, member, programme?.template ?? DEFAULT_TEMPLATE, {
			title: input.title,
			theme: programme?.theme ?? '',
			startsAt: input.startsAt,
			venue: input.venue,
			region,
			programmeId: programme?.id ?? null
		});
		await audit.add(trx, {
			organizationId: member.organizationId,
			accountId: member.accountId,
			action: 'session.created',
			subject: created.code,
			detail: [input.title, programme?.name, region?.code].filter(Boolean).join(' · '),
			address
		});
		return created;
	});
}

/** A copy of a session of the organization: its settings, kinds, groups, agenda and letterhead; never its participants or items. */
export async function duplicateSession(db: Database, member: Member, code: string, address = ''): Promise<sessions.CreatedSession> {
	requireManager(member);
	const source = asSource(await runnableSession(db, member, code));
	// The rest of the minutes' header (chair, nomor, basis, aims…) is the session's own and comes along; conclusions do not.
	const details = JSON.parse(source.details || '{}');
	delete details.conclusions;
	delete details.number;
	return inTransaction(db, async (trx) => {
		const created = await insertFromTemplate(
			trx,
			member,
			templateOf(source),
			{
				title: source.title,
				theme: source.theme,
				startsAt: source.starts_at,
				venue: source.venue,
				region: source.region_code ? { code: source.region_code, name: source.region } : source.region ? { code: '', name: source.region } : null,
				programmeId: source.programme_id
			},
			{ details: JSON.stringify(details), pre_moderation: source.pre_moderation, organizers: source.organizers }
		);
		await audit.add(trx, { organizationId: member.organizationId, accountId: member.accountId, action: 'session.duplicated', subject: created.code, detail: `← ${source.code}`, address });
		return created;
	});
}
