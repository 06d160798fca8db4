/** Small helpers shared by the JSON endpoints: one error shape, bounded bodies, schema validation. */
import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import type { ErrorCode } from '../realtime/contract';

const MAX_BODY = 32 * 1024;

export class HttpProblem extends Error {
	constructor(
		readonly status: number,
		readonly code: ErrorCode,
		message: string
	) {
		super(message);
	}
}

export function problem(status: number, code: ErrorCode, message: string): Response {
	return json({ error: { code, message } }, { status });
}

/**
 * Reads a JSON body of bounded size and validates it; throws HttpProblem with a clear message.
 * `max` (characters) is raised only by a route that takes an image, such as the letterhead's logo.
 */
export async function readBody<S extends z.ZodType>(request: Request, schema: S, max = MAX_BODY): Promise<z.infer<S>> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.includes('application/json')) await refuse(request, new HttpProblem(415, 'invalid_input', 'Send JSON (Content-Type: application/json)'));
	// Refused without keeping it when the sender says it is too big: the server takes photo-sized
	// bodies (BODY_SIZE_LIMIT), and a JSON body must not be held whole to learn it is not one.
	// UTF-8 takes at most 3 bytes for each UTF-16 character counted by `max`.
	if (Number(request.headers.get('content-length') ?? 0) > max * 3) await refuse(request, new HttpProblem(413, 'invalid_input', 'Body too large'));
	let text: string;
	try {
		text = await request.text();
	} catch (error) {
		// adapter-node stops reading past BODY_SIZE_LIMIT (512 KB) with its own error shape; answer in ours.
		if ((error as { status?: number } | null)?.status === 413) throw new HttpProblem(413, 'invalid_input', 'Body too large');
		throw error;
	}
	if (text.length > max) throw new HttpProblem(413, 'invalid_input', 'Body too large');
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw new HttpProblem(400, 'invalid_input', 'Body is not valid JSON');
	}
	const parsed = schema.safeParse(body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const code: ErrorCode = issue?.message === 'consent_required' ? 'consent_required' : 'invalid_input';
		throw new HttpProblem(400, code, `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
	}
	return parsed.data;
}

/**
 * Reads the rest of a refused body and throws it away, then throws `problem`. Answering while the
 * sender is still uploading makes the connection close under it: the sender then sees a reset
 * instead of our error, and a client that reuses connections can lose its next request too.
 */
async function refuse(request: Request, problem: HttpProblem): Promise<never> {
	try {
		await request.body?.pipeTo(new WritableStream());
	} catch {
		// The sender gave up, or the body passed BODY_SIZE_LIMIT: nothing left to read either way.
	}
	throw problem;
}

/** Runs an endpoint body, turning HttpProblem into its JSON response. */
export async function handle(run: () => Promise<Response> | Response): Promise<Response> {
	try {
		return await run();
	} catch (error) {
		if (error instanceof HttpProblem) return problem(error.status, error.code, error.message);
		throw error;
	}
}

/** The address a request came from, for rate limits. */
export function clientAddress(event: { getClientAddress: () => string }): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}
