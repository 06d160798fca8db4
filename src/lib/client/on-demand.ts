/**
 * A screen the phone fetches only when it is first shown (the voting, results, action-plan and
 * link screens): a joined phone loads the board it needs now, not every phase's. The import
 * starts once and is shared; a failed one (the network dropped) is tried again the next time.
 */
export function onDemand<T>(load: () => Promise<{ default: T }>): () => Promise<T> {
	let loading: Promise<T> | undefined;
	return () =>
		(loading ??= load().then(
			(module) => module.default,
			(error: unknown) => {
				loading = undefined;
				throw error;
			}
		));
}
