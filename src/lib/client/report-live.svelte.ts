/**
 * The open programme report's live line: listens to the report's event stream and reloads the
 * page's data (through the page's own load and its access check) when a session of the
 * programme changed. After a dropped line it reloads once more, since a change may have been missed.
 */

/** What the report page's load depends on; invalidated to reload it. */
export const REPORT_DATA = 'rembuk:programme-report';

/** The part of EventSource used here, so a spec can hand in a fake. */
export interface EventSourceLike {
	readonly readyState: number;
	addEventListener(type: string, listener: () => void): void;
	close(): void;
}

/** connecting: not yet heard the server; live: listening; stopped: refused or closed for good (the page must be reloaded). */
export type LiveState = 'connecting' | 'live' | 'stopped';

const CLOSED = 2;

export class ReportLive {
	state = $state<LiveState>('connecting');
	#source: EventSourceLike;
	#reload: () => Promise<unknown>;
	#dropped = false;
	#reloading: Promise<unknown> | null = null;
	#again = false;

	/** `reload`: SvelteKit's `invalidate` of the report's data; `open` makes the EventSource (a fake in specs). */
	constructor(url: string, reload: () => Promise<unknown>, open: (url: string) => EventSourceLike = (u) => new EventSource(u)) {
		this.#reload = reload;
		this.#source = open(url);
		this.#source.addEventListener('open', () => {
			this.state = 'live';
			if (this.#dropped) this.#refresh();
			this.#dropped = false;
		});
		this.#source.addEventListener('changed', () => this.#refresh());
		this.#source.addEventListener('denied', () => this.stop());
		this.#source.addEventListener('error', () => {
			// The browser retries by itself unless the answer was a refusal (then it is closed).
			if (this.#source.readyState === CLOSED) this.state = 'stopped';
			else if (this.state !== 'stopped') {
				this.state = 'connecting';
				this.#dropped = true;
			}
		});
	}

	/** One reload at a time; a change heard during one brings one more after it. */
	#refresh() {
		if (this.#reloading) {
			this.#again = true;
			return;
		}
		this.#reloading = this.#reload()
			.catch(() => {})
			.finally(() => {
				this.#reloading = null;
				if (!this.#again) return;
				this.#again = false;
				this.#refresh();
			});
	}

	stop() {
		this.#source.close();
		this.state = 'stopped';
	}
}
