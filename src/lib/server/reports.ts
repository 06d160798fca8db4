/**
 * Report links: a read-only key per organizer, opening the minutes and the summary of one
 * session and nothing else. The secret is handed out once, at creation; only its hash is kept
 * (./keyed-links, shared with the PIC update links).
 */
import type { Database } from './db/store';
import { createLink, findLiveLink, listLinks, revokeLink, type KeyedLinkRow } from './keyed-links';

export interface ReportLink {
	id: string;
	/** ISO instant. */
	createdAt: string;
	/** ISO instant; null while the link works. */
	revokedAt: string | null;
}

const toLink = (row: KeyedLinkRow): ReportLink => ({ id: row.id, createdAt: row.created_at, revokedAt: row.revoked_at });

/** A new link; `key` is the secret, never stored and never shown again. */
export async function create(db: Database, sessionId: string, now = new Date()): Promise<ReportLink & { key: string }> {
	const { id, createdAt, key } = await createLink(db, 'report_links', sessionId, now);
	return { id, createdAt, revokedAt: null, key };
}

/** Every link of the session, revoked ones too, oldest first. */
export async function list(db: Database, sessionId: string): Promise<ReportLink[]> {
	return (await listLinks(db, 'report_links', sessionId)).map(toLink);
}

/** False when the session has no such link; revoking twice keeps the first time. */
export function revoke(db: Database, sessionId: string, id: string, now = new Date()): Promise<boolean> {
	return revokeLink(db, 'report_links', sessionId, id, now);
}

/** Whether `key` opens a live report link of the session. */
export async function check(db: Database, sessionId: string, key: string): Promise<boolean> {
	return (await findLiveLink(db, 'report_links', sessionId, key)) !== null;
}
