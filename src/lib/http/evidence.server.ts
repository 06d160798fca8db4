/**
 * Evidence files over HTTP, for the three places that take or serve them (the staff tracker's
 * API, the PIC's plain form at /t/CODE/KEY, the programme's table): reading a multipart update,
 * the refusals' statuses, the download response and the audit entries. Who may act is checked by
 * each caller before it comes here.
 */
import * as audit from '../server/accounts/audit';
import type { Database } from '../server/db/store';
import type { Download } from '../server/evidence';
import { MAX_EVIDENCE_BODY } from '../server/body-limits';
import { EvidenceRefused, prepareAll, tooLarge, type EvidenceRefusal, type ReadyEvidence } from '../server/evidence-file';

/** The input's name on every form that takes evidence files. */
export const FILES_FIELD = 'files';

export const REFUSAL_STATUS: Record<EvidenceRefusal | 'full', number> = { too_large: 413, wrong_type: 415, unreadable: 400, too_many: 400, full: 409 };

/** The form of a multipart update; EvidenceRefused('too_large') when the body is past what an update may carry. */
export async function readForm(request: Request): Promise<FormData> {
	if (Number(request.headers.get('content-length') ?? 0) > MAX_EVIDENCE_BODY) throw tooLarge();
	try {
		return await request.formData();
	} catch (error) {
		// adapter-node stops reading past BODY_SIZE_LIMIT with its own error shape.
		if ((error as { status?: number } | null)?.status === 413) throw tooLarge();
		throw new EvidenceRefused('unreadable', 'The form could not be read');
	}
}

/** The form's text field, '' when absent or a file. */
export const field = (form: FormData, name: string): string => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

/** The form's evidence files, checked and prepared (photos re-encoded); EvidenceRefused for any refused file. */
export function filesOf(form: FormData): Promise<ReadyEvidence[]> {
	const files = form.getAll(FILES_FIELD).filter((f): f is File => f instanceof Blob);
	return prepareAll(files.map((f) => ({ name: f.name ?? '', size: f.size, bytes: async () => new Uint8Array(await f.arrayBuffer()) })));
}

/** `attachment` with the stored name: an ASCII fallback, and the exact name for browsers that read RFC 5987. */
export function contentDisposition(name: string): string {
	const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A stored file as a download: never shown inline, never sniffed into another type, never cached. */
export function fileResponse(file: Download): Response {
	return new Response(new Uint8Array(file.data), {
		headers: {
			'content-type': file.contentType,
			'content-length': String(file.data.length),
			'content-disposition': contentDisposition(file.name),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
}

/** The organization's audit entries for evidence: files added with an update, a file downloaded. */
export async function auditUploaded(db: Database, sessionId: string, who: audit.SessionActor, files: readonly { name: string }[], scope = ''): Promise<void> {
	if (files.length === 0) return;
	await audit.addForSession(db, sessionId, who, {
		action: 'evidence.uploaded',
		detail: `${scope ? `${scope}: ` : ''}${files.map((f) => f.name).join(', ')}`
	});
}

export async function auditDownloaded(db: Database, sessionId: string, who: audit.SessionActor, file: { name: string }, scope = ''): Promise<void> {
	await audit.addForSession(db, sessionId, who, { action: 'evidence.downloaded', detail: `${scope ? `${scope}: ` : ''}${file.name}` });
}
