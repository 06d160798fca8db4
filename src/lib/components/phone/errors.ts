/** A refused command in the user's words. */
import type { ErrorCode } from '$lib/realtime/contract';
import { t } from '$lib/i18n/index.svelte';

export function errorText(code: ErrorCode | undefined): string {
	return t(`errors.${code ?? 'internal'}`);
}
