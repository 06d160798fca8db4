/** A refused command in the phone's words; the codes added with the phases have their own text here. */
import type { ErrorCode } from '$lib/realtime/contract';
import { t } from '$lib/i18n/index.svelte';

const PHONE_CODES: ErrorCode[] = ['phase_closed', 'over_budget', 'over_cap'];

export function errorText(code: ErrorCode | undefined): string {
	if (!code) return t('errors.internal');
	return PHONE_CODES.includes(code) ? t(`phone.errors.${code}`) : t(`errors.${code}`);
}
