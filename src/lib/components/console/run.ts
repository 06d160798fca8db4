/** Sends a staff command and turns a refusal into a message in the user's language. */
import type { LiveSession } from '$lib/client/live.svelte';
import { t } from '$lib/i18n/index.svelte';
import type { Command } from '$lib/realtime/contract';

export async function run(live: LiveSession, command: Command): Promise<string> {
	const result = await live.send(command);
	return result.ok ? '' : t(`errors.${result.error.code}`);
}
