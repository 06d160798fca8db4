/**
 * A form's own copy of something the server holds. It follows the server field by field: when
 * someone else saves, the fields this user has not touched take the new values and the ones they
 * are editing stay as typed (their next save wins for those fields only).
 */
import { untrack } from 'svelte';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export class Draft<T extends object> {
	current = $state() as T;
	/** The server's value this draft was last brought up to, as JSON. */
	#base = $state('');

	/** `read` must build a fresh plain object from reactive state; call during component init. */
	constructor(read: () => T) {
		const first = read();
		this.current = first;
		this.#base = JSON.stringify(first);
		$effect.pre(() => {
			const next = read();
			const text = JSON.stringify(next);
			untrack(() => this.#follow(next, text));
		});
	}

	/** The user changed something the server has not got yet. */
	get dirty(): boolean {
		return JSON.stringify(this.current) !== this.#base;
	}

	reset() {
		this.current = JSON.parse(this.#base) as T;
	}

	#follow(next: T, text: string) {
		if (text === this.#base) return;
		const base = JSON.parse(this.#base) as Record<string, unknown>;
		const current = this.current as Record<string, unknown>;
		for (const [key, value] of Object.entries(next)) if (same(current[key], base[key])) current[key] = value;
		this.#base = text;
	}
}
