/**
 * The daily retention run inside the server process: once shortly after start, then every 24
 * hours, through the one write path so open screens hear of it. A failed run is logged and
 * tried again the next day; it never takes the server down.
 */
import type { RembukContext } from '../context';
import { runRetention } from './index';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** The first run waits this long, so a restart during a session does not compete with the room's joins. */
export const FIRST_RUN_DELAY_MS = 60 * 1000;

export function startRetentionTimer(context: RembukContext, log: (line: string) => void = console.log): () => void {
	const run = async () => {
		try {
			const { anonymised } = await runRetention(context.store.db, (id, change) => context.writes.commit(id, change));
			if (anonymised.length > 0) log(`retention: anonymised ${anonymised.length} session(s) past their retention period`);
		} catch (error) {
			log(`retention: run failed, trying again in 24 hours: ${error instanceof Error ? error.message : String(error)}`);
		}
	};
	const first = setTimeout(run, FIRST_RUN_DELAY_MS);
	const daily = setInterval(run, DAY_MS);
	first.unref();
	daily.unref();
	return () => {
		clearTimeout(first);
		clearInterval(daily);
	};
}
