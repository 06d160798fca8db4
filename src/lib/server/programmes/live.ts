/**
 * The open report page's line to the server: Server-Sent Events that say only "changed" when a
 * session of the programme changed, so the page reloads its data through the page's own access
 * check. Nothing of the sessions travels here. Before each message, and every heartbeat, the
 * reader's right is asked again: a member signed out, removed or made facilitator is cut off.
 */
import type { ProgrammeWatch } from './watch';

/** Comments keep proxies and the browser from closing a quiet line; also when the right is re-checked. */
export const HEARTBEAT_MS = 25_000;

export interface ReportStreamOptions {
	watch: ProgrammeWatch;
	programmeId: string;
	/** Asked before each message and heartbeat; false (or a failure to tell) closes the line (the page then stops listening). */
	stillAllowed: () => boolean | Promise<boolean>;
	/** The request's signal: the line is let go when the page goes. */
	signal?: AbortSignal;
	heartbeatMs?: number;
	now?: () => Date;
}

const encoder = new TextEncoder();
const message = (event: string, data: unknown) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

/** The event stream of one open report. */
export function reportStream(options: ReportStreamOptions): ReadableStream<Uint8Array> {
	const { watch, programmeId, stillAllowed, signal, heartbeatMs = HEARTBEAT_MS, now = () => new Date() } = options;
	let stop = () => {};
	return new ReadableStream<Uint8Array>({
		start(controller) {
			let open = true;
			const end = () => {
				if (!open) return;
				open = false;
				unwatch();
				clearInterval(beat);
				signal?.removeEventListener('abort', end);
				try {
					controller.close();
				} catch {
					// already closed by the reader
				}
			};
			stop = end;
			/** Sends when still allowed; otherwise says so and ends. */
			const send = async (chunk: Uint8Array) => {
				if (!open) return;
				const allowed = await Promise.resolve()
					.then(stillAllowed)
					.catch(() => false);
				if (!open) return;
				if (!allowed) {
					controller.enqueue(message('denied', {}));
					return end();
				}
				controller.enqueue(chunk);
			};
			const unwatch = watch.watch(programmeId, () => send(message('changed', { at: now().toISOString() })));
			const beat = setInterval(() => send(encoder.encode(': ping\n\n')), heartbeatMs);
			beat.unref?.();
			signal?.addEventListener('abort', end);
			// A retry after a dropped line waits a little; the first bytes tell the browser the line is open.
			controller.enqueue(encoder.encode('retry: 5000\n: open\n\n'));
		},
		cancel() {
			stop();
		}
	});
}

export const STREAM_HEADERS = {
	'content-type': 'text/event-stream; charset=utf-8',
	'cache-control': 'no-store',
	// Proxies such as nginx would otherwise hold the messages back in a buffer.
	'x-accel-buffering': 'no'
} as const;
