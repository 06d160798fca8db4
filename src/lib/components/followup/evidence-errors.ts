/** The evidence files' limits and refusals in the reader's words, for every page that uploads them. */
import { MAX_EVIDENCE_BYTES, MAX_FILES_PER_UPDATE } from '$lib/domain/followup';
import { t } from '$lib/i18n/index.svelte';

/** What the hint and the errors quote: megabytes per file, files per update. */
export const EVIDENCE_LIMITS = { mb: MAX_EVIDENCE_BYTES / 1024 / 1024, count: MAX_FILES_PER_UPDATE };

const KEYS: Record<string, string> = {
	file_too_large: 'followup.form.fileTooLarge',
	file_wrong_type: 'followup.form.fileWrongType',
	file_unreadable: 'followup.form.fileUnreadable',
	file_too_many: 'followup.form.fileTooMany',
	files_full: 'followup.form.filesFull'
};

/** The text for a file refusal code (`file_too_large` …), or null when the code is no file refusal. */
export function evidenceErrorText(code: string): string | null {
	return KEYS[code] ? t(KEYS[code], EVIDENCE_LIMITS) : null;
}
