/**
 * Saves a minutes file, for the console and the report page alike. Kept apart from `api.ts`,
 * which the phone loads too: the phone never downloads a file.
 */
import { minutesFilename, minutesPath, type MinutesFile } from '../domain/minutes-formats';
import { request, type Answer } from './api';

/**
 * Fetches a file with a key (through `request`, so in the Authorization header) and saves it from
 * the blob, under the name the server gave in Content-Disposition, else `filename`.
 */
export async function download(path: string, options: { key: string; filename: string }): Promise<Answer> {
	const answer = await request(path, { key: options.key });
	if (!answer.ok) return answer;
	const disposition = answer.response.headers.get('content-disposition') ?? '';
	const filename = fromDisposition(disposition) ?? options.filename;
	const url = URL.createObjectURL(await answer.response.blob());
	const link = Object.assign(document.createElement('a'), { href: url, download: filename });
	link.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
	return answer;
}

/** The name in Content-Disposition: the exact UTF-8 one (`filename*`) when given, else the plain one. */
export function fromDisposition(disposition: string): string | null {
	const exact = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
	if (exact) {
		try {
			return decodeURIComponent(exact);
		} catch {
			// A malformed escape: fall back to the plain name.
		}
	}
	return /filename="([^"]+)"/.exec(disposition)?.[1] ?? null;
}

export function downloadMinutes(code: string, file: MinutesFile, key: string): Promise<Answer> {
	return download(minutesPath(code, file), { key, filename: minutesFilename(code, file) });
}
