/** How staff components talk to the server: one command at a time, answers in the user's language. */
import type { LiveSession } from '../../client/live.svelte';
import { t } from '../../i18n/index.svelte';
import type { Command } from '../../realtime/contract';

/** Sends a staff command; resolves to '' when it was applied, else the translated reason. */
export async function attempt(live: LiveSession, command: Command): Promise<string> {
	const result = await live.send(command);
	return result.ok ? '' : t(`errors.${result.error.code}`);
}

/** Text as the server stores it (NFC, trimmed), so a saved form does not look edited afterwards. */
export const tidy = (s: string) => s.normalize('NFC').trim();
