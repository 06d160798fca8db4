/**
 * Programmes (rangkaian FGD) and the organization's own sessions: create and edit a programme,
 * create a session into the organization (from a programme's template or alone), duplicate one.
 * Who may do what is asked of accounts/access.ts, never decided here.
 */
import type { Db } from '../db/database';
import { sql } from '../db/statements';
import { newId } from '../secrets';
import * as sessions from '../sessions';
import * as audit from '../accounts/audit';
import { AccessDenied, canManageSessions, runnableSession, type Member } from '../accounts/access';
import * as regions from '../regions';
import { DEFAULT_TEMPLATE, normalise, templateColumns, templateOf, type SessionTemplate } from './template';

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

/** Admins and organizers see every programme of the organization; a facilitator those holding a session assigned to them. */
export function programmesFor(db: Db, member: Member): Programme[] {
	const rows = sql(
		db,
		`SELECT p.* FROM programmes p WHERE p.organization_id = ? AND (? = 1 OR EXISTS (
		   SELECT 1 FROM sessions s JOIN session_facilitators f ON f.session_id = s.id WHERE s.programme_id = p.id AND f.account_id = ?))
		 ORDER BY p.created_at DESC`
	).all(member.organizationId, canManageSessions(member) ? 1 : 0, member.accountId) as ProgrammeRow[];
	return rows.map(toProgramme);
}

/** One programme the member may see; the same refusal whether it is another organization's or missing. */
export function programmeFor(db: Db, member: Member, id: string): Programme {
	const found = programmesFor(db, member).find((p) => p.id === id);
	if (!found) throw new AccessDenied('not_found', 'No programme of your organization has this id');
	return found;
}

/** The template from a session of the organization the member may run, or the defaults when none is named. */
export function templateFrom(db: Db, member: Member, sessionCode: string | null): SessionTemplate {
	if (!sessionCode) return DEFAULT_TEMPLATE;
	return templateOf(runnableSession(db, member, sessionCode) as sessions.SessionRow & { retention_months: number | null; retention_keeps_institutions: number });
}

export interface ProgrammeInput {
	name: string;
	theme: string;
	template: SessionTemplate;
}

export function createProgramme(db: Db, member: Member, input: ProgrammeInput, address = ''): Programme {
	requireManager(member);
	const id = newId();
	const now = new Date().toISOString();
	db.transaction(() => {
		sql(db, 'INSERT INTO programmes (id, organization_id, name, theme, template, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
			id,
			member.organizationId,
			input.name,
			input.theme,
			JSON.stringify(input.template),
			member.accountId,
			now,
			now
		);
		audit.record(db, { organizationId: member.organizationId, accountId: member.accountId, action: 'programme.created', subject: input.name, address });
	})();
	return programmeFor(db, member, id);
}

/** Renames, re-themes or replaces the template; sessions already made keep what they started from. */
export function updateProgramme(db: Db, member: Member, id: string, input: ProgrammeInput, address = ''): Programme {
	requireManager(member);
	programmeFor(db, member, id);
	db.transaction(() => {
		sql(db, 'UPDATE programmes SET name = ?, theme = ?, template = ?, updated_at = ? WHERE id = ? AND organization_id = ?').run(
			input.name,
			input.theme,
			JSON.stringify(input.template),
			new Date().toISOString(),
			id,
			member.organizationId
		);
		audit.record(db, { organizationId: member.organizationId, accountId: member.accountId, action: 'programme.updated', subject: input.name, address });
	})();
	return programmeFor(db, member, id);
}

/**
 * The template edited field by field (read and checked by template-form.ts): only the template
 * changes, audited with the fields that did; sessions already made keep what they started from.
 */
export function editTemplate(db: Db, member: Member, id: string, template: SessionTemplate, address = ''): Programme {
	requireManager(member);
	const current = programmeFor(db, member, id);
	const changed = (Object.keys(template) as (keyof SessionTemplate)[]).filter((k) => JSON.stringify(template[k]) !== JSON.stringify(current.template[k]));
	if (!changed.length) return current;
	db.transaction(() => {
		sql(db, 'UPDATE programmes SET template = ?, updated_at = ? WHERE id = ? AND organization_id = ?').run(
			JSON.stringify(template),
			new Date().toISOString(),
			id,
			member.organizationId
		);
		audit.record(db, {
			organizationId: member.organizationId,
			accountId: member.accountId,
			action: 'programme.template_edited',
			subject: current.name,
			detail: changed.join(', '),
			address
		});
	})();
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

function insertFromTemplate(
	db: Db,
	member: Member,
	template: SessionTemplate,
	input: { title: string; theme: string; startsAt: string; venue: string; region: { code: string; name: string } | null; programmeId: string | null }
): sessions.CreatedSession {
	return db.transaction(() => {
		const created = sessions.create(db, {
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
		sql(
			db,
			`UPDATE sessions SET groups = ?, voting = ?, details = ?, phase_kinds = ?, retention_months = ?, retention_keeps_institutions = ?,
			 organization_id = ?, programme_id = ?, region_code = ? WHERE id = ?`
		).run(
			c.groups,
			c.voting,
			c.details,
			c.phase_kinds,
			c.retention_months,
			c.retention_keeps_institutions,
			member.organizationId,
			input.programmeId,
			input.region?.code ?? null,
			created.id
		);
		return created;
	})();
}

async function resolveRegion(code: string): Promise<{ code: string; name: string } | null> {
	if (!code) return null;
	const found = await regions.describe(code);
	if (!found) throw new InvalidRegion('This is not a region code of the official list');
	return found;
}

/** A new session of the organization: from a programme's template (its theme too) or the defaults, with its own region and date. */
export async function createSession(db: Db, member: Member, input: NewSessionInput, address = ''): Promise<sessions.CreatedSession> {
	requireManager(member);
	const programme = input.programmeId ? programmeFor(db, member, input.programmeId) : null;
	const region = await resolveRegion(input.regionCode);
	return db.transaction(() => {
		const created = insertFromTemplate(db, member, programme?.template ?? DEFAULT_TEMPLATE, {
			title: input.title,
			theme: programme?.theme ?? '',
			startsAt: input.startsAt,
			venue: input.venue,
			region,
			programmeId: programme?.id ?? null
		});
		audit.record(db, {
			organizationId: member.organizationId,
			accountId: member.accountId,
			action: 'session.created',
			subject: created.code,
			detail: [input.title, programme?.name, region?.code].filter(Boolean).join(' · '),
			address
		});
		return created;
	})();
}

/** A copy of a session of the organization: its settings, kinds, groups, agenda and letterhead; never its participants or items. */
export function duplicateSession(db: Db, member: Member, code: string, address = ''): sessions.CreatedSession {
	requireManager(member);
	const source = runnableSession(db, member, code) as sessions.SessionRow & {
		retention_months: number | null;
		retention_keeps_institutions: number;
		programme_id: string | null;
		region_code: string | null;
	};
	return db.transaction(() => {
		const created = insertFromTemplate(db, member, templateOf(source), {
			title: source.title,
			theme: source.theme,
			startsAt: source.starts_at,
			venue: source.venue,
			region: source.region_code ? { code: source.region_code, name: source.region } : source.region ? { code: '', name: source.region } : null,
			programmeId: source.programme_id
		});
		if (source.region_code === null) sql(db, 'UPDATE sessions SET region_code = NULL WHERE id = ?').run(created.id);
		// The rest of the minutes' header (chair, nomor, basis, aims…) is the session's own and comes along; conclusions do not.
		const details = JSON.parse(source.details || '{}');
		delete details.conclusions;
		delete details.number;
		sql(db, 'UPDATE sessions SET details = ?, pre_moderation = ?, organizers = ? WHERE id = ?').run(JSON.stringify(details), source.pre_moderation, source.organizers, created.id);
		audit.record(db, { organizationId: member.organizationId, accountId: member.accountId, action: 'session.duplicated', subject: created.code, detail: `← ${source.code}`, address });
		return created;
	})();
}
