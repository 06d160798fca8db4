/**
 * The browser's one way to the HTTP API: every call goes through `request`, so a key always
 * travels in the Authorization header (never in the URL, where it would reach logs and history)
 * and every failure, from the server or the network, becomes one code and one message in the
 * user's language.
 */
import { t } from '../i18n/index.svelte';

export interface RequestOptions {
	method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** A facilitator, minute-taker or report key. */
	key?: string;
	/** Sent as a JSON body. */
	json?: unknown;
	/** Sent as multipart/form-data (a file upload); the browser writes its content type. */
	form?: FormData;
	headers?: Record<string, string>;
}

export interface Refusal {
	ok: false;
	/** 0 when the server was not reached. */
	status: number;
	/** The API's error code, e.g. `forbidden`; `network` when the server was not reached. */
	code: string;
	message: string;
}

export type Answer = { ok: true; response: Response } | Refusal;
export type ApiResult<T> = { ok: true; data: T } | Refusal;

/**
 * A refusal (from the HTTP API or a socket command) in the user's words. The server's detail is
 * added only to `invalid_input`, where it names the field to fix.
 */
export function refusalText(code: string | undefined, detail = ''): string {
	const message = t(`errors.${code ?? 'internal'}`);
	return code === 'invalid_input' && detail ? `${message} (${detail})` : message;
}

export async function request(path: string, options: RequestOptions = {}): Promise<Answer> {
	const headers: Record<string, string> = { ...options.headers };
	if (options.key) headers.authorization = `Bearer ${options.key}`;
	if (options.json !== undefined) headers['content-type'] = 'application/json';
	let response: Response;
	try {
		const body = options.form ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
		response = await fetch(path, { method: options.method ?? 'GET', headers, body });
	} catch {
		return { ok: false, status: 0, code: 'network', message: refusalText('network') };
	}
	if (response.ok) return { ok: true, response };
	const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
	// A body cut off by the server's size limit comes back without our error shape.
	const code = body?.error?.code ?? (response.status === 413 ? 'invalid_input' : 'internal');
	return { ok: false, status: response.status, code, message: refusalText(code, body?.error?.message) };
}

/** `request` for an answer in JSON. */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<ApiResult<T>> {
	const answer = await request(path, options);
	if (!answer.ok) return answer;
	return { ok: true, data: (await answer.response.json()) as T };
}

export const postJson = <T>(path: string, body: unknown): Promise<ApiResult<T>> => requestJson<T>(path, { method: 'POST', json: body });
