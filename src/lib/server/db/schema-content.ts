/**
 * The rows of a session's content (db/migrations 001–016), for Kysely: the board, facilitation, the
 * minute-taker's notes, photos, links, follow-up and privacy requests, as the domain modules query
 * them. Same conventions as ./schema.ts.
 */
import type { Generated } from 'kysely';

export interface ItemsTable {
	id: string;
	session_id: string;
	kind: string;
	text: string;
	author_id: string;
	anonymous: Generated<number>;
	created_at: string;
	updated_at: string;
	deleted_at: string | null;
	/** visible | pending | hidden | merged */
	status: Generated<string>;
	theme_id: string | null;
	merged_into: string | null;
	hidden_reason: string | null;
}

export interface ThemesTable {
	id: string;
	session_id: string;
	name: string;
	position: number;
	deleted_at: string | null;
}

export interface VotesTable {
	session_id: string;
	participant_id: string;
	target_id: string;
	count: number;
}

export interface LinksTable {
	session_id: string;
	recommendation_id: string;
	target_id: string;
}

export interface ActionRowsTable {
	id: string;
	session_id: string;
	position: number;
	/** JSON of the row. */
	data: string;
	deleted_at: string | null;
}

export interface NotesTable {
	id: string;
	session_id: string;
	/** note | quote */
	kind: string;
	phase: string;
	text: string;
	/** JSON {participantId, name, institution, group} for quotes. */
	speaker: string | null;
	at: string;
	deleted_at: string | null;
}

export interface ReportLinksTable {
	id: string;
	session_id: string;
	key_hash: string;
	created_at: string;
	revoked_at: string | null;
}

export interface PhotosTable {
	id: string;
	session_id: string;
	caption: Generated<string>;
	width: number;
	height: number;
	bytes: number;
	added_by: string;
	created_at: string;
}

export interface PhotoBlobsTable {
	photo_id: string;
	jpeg: Buffer;
}

export interface FormerCodesTable {
	code: string;
	session_id: string;
}

export interface SupportsTable {
	session_id: string;
	item_id: string;
	participant_id: string;
	created_at: string;
}

export interface ActionUpdatesTable {
	id: string;
	session_id: string;
	row_id: string;
	at: string;
	/** 'facilitator', or 'pic:<link id>'. */
	actor: string;
	status: 'rencana' | 'berjalan' | 'selesai' | 'tertunda';
	note: Generated<string>;
	evidence_url: string | null;
}

export interface PicLinksTable {
	id: string;
	session_id: string;
	institution: string;
	key_hash: string;
	created_at: string;
	revoked_at: string | null;
}

export interface PrivacyRequestsTable {
	id: string;
	session_id: string;
	participant_id: string;
	kind: Generated<string>;
	requested_at: string;
	/** 'participant' or 'facilitator' */
	requested_by: string;
	done_at: string | null;
	hid_items: Generated<number>;
}

export interface SynthesisEditsTable {
	id: string;
	scope_id: string;
	at: string;
	actor: string;
	op: 'merge' | 'split' | 'rename' | 'pin';
	/** JSON { itemIds: string[], name?: string } */
	payload: string;
}

export interface ActionEvidenceTable {
	id: string;
	session_id: string;
	update_id: string;
	name: string;
	type: 'pdf' | 'jpeg';
	bytes: number;
	created_at: string;
}

export interface ActionEvidenceBlobsTable {
	evidence_id: string;
	session_id: string;
	data: Buffer;
}

export interface ContentSchema {
	items: ItemsTable;
	themes: ThemesTable;
	votes: VotesTable;
	links: LinksTable;
	action_rows: ActionRowsTable;
	notes: NotesTable;
	report_links: ReportLinksTable;
	photos: PhotosTable;
	photo_blobs: PhotoBlobsTable;
	former_codes: FormerCodesTable;
	supports: SupportsTable;
	action_updates: ActionUpdatesTable;
	pic_links: PicLinksTable;
	privacy_requests: PrivacyRequestsTable;
	synthesis_edits: SynthesisEditsTable;
	action_evidence: ActionEvidenceTable;
	action_evidence_blobs: ActionEvidenceBlobsTable;
}
