/** fetch for the JSON API, turning every failure into a message in the user's language. */
import { t } from '../i18n/index.svelte';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

export async function postJson<T>(url: string, body: unknown): Promise<ApiResult<T>> {
	let response: Response;
	try {
		response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
	} catch {
		return { ok: false, code: 'network', message: t('errors.network') };
	}
	const data = await response.json().catch(() => null);
	if (response.ok) return { ok: true, data: data as T };
	const code: string = data?.error?.code ?? 'internal';
	const detail: string = data?.error?.message ?? '';
	const message = t(`errors.${code}`);
	return { ok: false, code, message: code === 'invalid_input' && detail ? `${message} (${detail})` : message };
}
