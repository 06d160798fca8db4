/** Items under their theme headings, as the phone and the projector show them. Pure. */
import type { ItemView, Theme } from '../domain/types';

export interface ThemeGroup {
	/** Null for the items no theme holds yet; that group always comes last. */
	theme: Theme | null;
	items: ItemView[];
}

/**
 * Groups `items` by `themeId` in the themes' order. Empty themes are dropped unless `keepEmpty`
 * (the projector shows them while the facilitator builds the wall). An item whose theme is
 * unknown (deleted a moment ago) counts as ungrouped.
 */
export function groupByTheme(items: ItemView[], themes: Theme[], keepEmpty = false): ThemeGroup[] {
	const groups = new Map<string, ThemeGroup>(themes.map((t) => [t.id, { theme: t, items: [] }]));
	const loose: ItemView[] = [];
	for (const item of items) {
		const group = item.themeId ? groups.get(item.themeId) : undefined;
		if (group) group.items.push(item);
		else loose.push(item);
	}
	const result = [...groups.values()].filter((g) => keepEmpty || g.items.length > 0);
	if (loose.length > 0) result.push({ theme: null, items: loose });
	return result;
}

/** Items whose text this viewer may read: shown on the board, not withheld by silent writing. */
export function readable(item: ItemView): boolean {
	return item.status === 'visible' && !item.redacted;
}
