import { singularKindLabel } from '../../domain/defaults';
import type { Words } from './md/words';
import type { Minutes } from './model';

/**
 * Kind key → its label for a cell that holds one item or choice ("Constraint" in English, where the
 * kind's heading says "Constraints"), from the sections that carry the labels.
 */
export function kindLabels(minutes: Minutes): Map<string, string> {
	const refs = [...minutes.matrix.rows, ...minutes.findings, ...(minutes.recommendations ? [minutes.recommendations] : [])];
	return new Map(refs.map((k) => [k.kind, singularKindLabel(k.label, minutes.lang)]));
}

/** What an empty cell of the printed tables shows, so a blank never reads as a lost value. */
export const EMPTY_CELL = '–';

/**
 * The rows of the appendix's item table (No, kind, theme, text, by, votes), one source for the
 * Markdown, PDF and DOCX so they cannot print the same item differently.
 */
export function itemListCells(minutes: Minutes, words: Words): string[][] {
	const kinds = kindLabels(minutes);
	const themeNames = new Map(minutes.themes.map((t) => [t.id, t.name]));
	return minutes.items.map((item, i) => [
		String(i + 1),
		kinds.get(item.kind) ?? item.kind,
		(item.themeId && themeNames.get(item.themeId)) || EMPTY_CELL,
		item.mergedCount ? `${item.text} (${words.merged(item.mergedCount + 1)})` : item.text,
		item.attribution,
		item.votes === null ? EMPTY_CELL : String(item.votes)
	]);
}

/** The thirteen cells of each action-plan row as the minutes print them, empty fields as a dash. */
export function actionPlanCells({ actionPlan }: Minutes): string[][] {
	return actionPlan.map((a) =>
		[
			String(a.no),
			a.issues.map((i) => i.text).join('; '),
			a.recommendation?.text ?? '',
			a.activity,
			a.output,
			a.indicator,
			a.picText,
			a.partners,
			a.timeframe,
			a.funding,
			a.costText,
			a.statusLabel,
			a.remarks
		].map((text) => text || EMPTY_CELL)
	);
}
