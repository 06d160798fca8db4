/**
 * The rows as both engines store them (db/migrations and db/migrations/postgres), for Kysely: every
 * table; the session's content is in ./schema-content.ts. Both engines keep the same column types
 * on purpose, so one query reads the same values on either: times are ISO-8601 text, flags are
 * integers 0/1, JSON is text, bytes are a Buffer. store.spec.ts checks TABLES against both databases.
 */
import type { Generated } from 'kysely';
import type { ContentSchema } from './schema-content';

export interface SessionsTable {
	id: string;
	code: string;
	facilitator_key_hash: string;
	title: string;
	theme: Generated<string>;
	starts_at: string;
	time_zone: string;
	venue: Generated<string>;
	/** JSON array. */
	organizers: Generated<string>;
	region: Generated<string>;
	minutes_language: Generated<string>;
	/** JSON arrays. */
	kinds: string;
	groups: string;
	allow_anonymous: Generated<number>;
	status: Generated<string>;
	/** The last `seq` of the session's log: the next record takes last_seq + 1 (./log-store.ts). */
	last_seq: Generated<number>;
	created_at: string;
	closed_at: string | null;
	phase: Generated<string>;
	phase_kinds: Generated<string>;
	timer: Generated<string>;
	voting: Generated<string>;
	pre_moderation: Generated<number>;
	details: Generated<string>;
	minutetaker_key_hash: string | null;
	sample_clock_offset_ms: number | null;
	door: Generated<string>;
	capacity: Generated<number>;
	spotlight: string | null;
	organization_id: string | null;
	claimed_at: string | null;
	retention_months: number | null;
	retention_keeps_institutions: Generated<number>;
	anonymised_at: string | null;
	programme_id: string | null;
	region_code: string | null;
}

export interface SessionEventsTable {
	session_id: string;
	seq: number;
	at: string;
	actor: string;
	/** The SessionEvent as JSON. */
	payload: string;
	owner: string | null;
	account_id: string | null;
}

/** Idempotency: the first answer to each (session, actor, client command id). */
export interface CommandsTable {
	session_id: string;
	actor: string;
	command_id: string;
	/** The CommandResult as JSON. */
	result: string;
	at: string;
}

export interface ParticipantsTable {
	id: string;
	session_id: string;
	token_hash: string;
	name: string;
	stakeholder_group: string;
	institution: Generated<string>;
	consent_at: string;
	consent_version: string;
	joined_at: string;
	position: Generated<string>;
	sex: Generated<string>;
	added_by: string | null;
	removed_at: string | null;
	removed_reason: string | null;
	erased_at: string | null;
}

export interface OrganizationsTable {
	id: string;
	name: string;
	created_at: string;
	retention_months: number | null;
	retention_keeps_institutions: Generated<number>;
}

export interface AccountsTable {
	id: string;
	/** Stored lower-cased; unique without regard to case on both engines. */
	email: string | null;
	username: string | null;
	name: Generated<string>;
	password_hash: string | null;
	created_at: string;
}

export interface MembershipsTable {
	organization_id: string;
	account_id: string;
	role: 'admin' | 'organizer' | 'facilitator';
	created_at: string;
}

export interface AuthSessionsTable {
	id: string;
	token_hash: string;
	account_id: string;
	created_at: string;
	last_seen_at: string;
	revoked_at: string | null;
	address: Generated<string>;
	user_agent: Generated<string>;
	passkey_id: string | null;
}

export interface OneTimeLinksTable {
	id: string;
	token_hash: string;
	purpose: 'bootstrap' | 'setup' | 'invite' | 'reset';
	account_id: string | null;
	organization_id: string | null;
	created_by: string | null;
	created_at: string;
	expires_at: string;
	used_at: string | null;
}

export interface SessionFacilitatorsTable {
	session_id: string;
	account_id: string;
	assigned_at: string;
}

export interface StaffGrantsTable {
	id: string;
	token_hash: string;
	session_id: string;
	account_id: string;
	auth_session_id: string;
	created_at: string;
	expires_at: string;
	role: Generated<'facilitator' | 'minutetaker'>;
}

export interface OrgAuditTable {
	id: Generated<number>;
	organization_id: string | null;
	account_id: string | null;
	action: string;
	subject: Generated<string>;
	detail: Generated<string>;
	address: Generated<string>;
	at: string;
	actor: Generated<string>;
}

export interface PasskeysTable {
	id: string;
	account_id: string;
	name: string;
	public_key: Buffer;
	counter: Generated<number>;
	/** JSON array. */
	transports: Generated<string>;
	rp_id: string;
	created_at: string;
	last_used_at: string | null;
}

export interface ProgrammesTable {
	id: string;
	organization_id: string;
	name: string;
	theme: Generated<string>;
	template: Generated<string>;
	created_by: string | null;
	created_at: string;
	updated_at: string;
}

export interface Schema extends ContentSchema {
	sessions: SessionsTable;
	session_events: SessionEventsTable;
	commands: CommandsTable;
	participants: ParticipantsTable;
	organizations: OrganizationsTable;
	accounts: AccountsTable;
	memberships: MembershipsTable;
	auth_sessions: AuthSessionsTable;
	one_time_links: OneTimeLinksTable;
	session_facilitators: SessionFacilitatorsTable;
	staff_grants: StaffGrantsTable;
	org_audit: OrgAuditTable;
	passkeys: PasskeysTable;
	programmes: ProgrammesTable;
}

/** Every table of Schema, at run time: the compiler keeps it complete, store.spec.ts keeps it true. */
export const TABLES = {
	sessions: true,
	session_events: true,
	commands: true,
	participants: true,
	organizations: true,
	accounts: true,
	memberships: true,
	auth_sessions: true,
	one_time_links: true,
	session_facilitators: true,
	staff_grants: true,
	org_audit: true,
	passkeys: true,
	programmes: true,
	items: true,
	themes: true,
	votes: true,
	links: true,
	action_rows: true,
	notes: true,
	report_links: true,
	photos: true,
	photo_blobs: true,
	former_codes: true,
	supports: true,
	action_updates: true,
	pic_links: true,
	privacy_requests: true,
	synthesis_edits: true,
	action_evidence: true,
	action_evidence_blobs: true
} as const satisfies Record<keyof Schema, true>;
