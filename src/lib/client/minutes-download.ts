/**
 * Fetches a minutes file or the summary with a key in the Authorization header (never in the
 * URL, where it would reach logs and history) and saves a file from the blob.
 */
export interface Fetched {
	ok: boolean;
	status: number;
	/** The API's error code when not ok, e.g. `forbidden`; `network` when the server was not reached. */
	error: string | null;
	response: Response | null;
}

export async function fetchWithKey(path: string, key: string): Promise<Fetched> {
	try {
		const response = await fetch(path, { headers: { authorization: `Bearer ${key}` } });
		if (response.ok) return { ok: true, status: response.status, error: null, response };
		const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
		return { ok: false, status: response.status, error: body?.error?.code ?? 'internal', response };
	} catch {
		return { ok: false, status: 0, error: 'network', response: null };
	}
}

/** Saves the response under the name the server gave in Content-Disposition. */
export async function saveResponse(response: Response, fallback: string): Promise<void> {
	const disposition = response.headers.get('content-disposition') ?? '';
	const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallback;
	const url = URL.createObjectURL(await response.blob());
	const link = Object.assign(document.createElement('a'), { href: url, download: filename });
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
