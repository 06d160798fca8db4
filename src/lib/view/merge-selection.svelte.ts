/**
 * The items ticked for merging, kept by the console above its tabs so a tick made on Papan is
 * still there on Tema, and either tab can merge them.
 */
export class MergeSelection {
	/** Ids in the order they were ticked: the first is the item the others merge into. */
	#ids = $state<string[]>([]);

	get ids(): readonly string[] {
		return this.#ids;
	}

	/** Enough ticked to merge: one target and at least one source. */
	get ready(): boolean {
		return this.#ids.length > 1;
	}

	has = (id: string): boolean => this.#ids.includes(id);

	/** Ticking again moves an id to the end, so the first tick alone decides the target. */
	set = (id: string, on: boolean): void => {
		const rest = this.#ids.filter((p) => p !== id);
		this.#ids = on ? [...rest, id] : rest;
	};

	clear = (): void => {
		this.#ids = [];
	};

	/** Forgets ids that are no longer on the board (hidden, merged elsewhere, deleted). */
	keep = (present: ReadonlySet<string>): void => {
		if (this.#ids.some((id) => !present.has(id))) this.#ids = this.#ids.filter((id) => present.has(id));
	};

	/** The merge command's arguments, or null while fewer than two items are ticked. */
	get merge(): { targetId: string; sourceIds: string[] } | null {
		const [targetId, ...sourceIds] = this.#ids;
		return targetId && sourceIds.length ? { targetId, sourceIds } : null;
	}
}
