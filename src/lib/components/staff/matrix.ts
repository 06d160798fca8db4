/**
 * The console's link matrix as data: which items are columns, which are rows, and which rows no
 * recommendation answers yet. The kinds come from `domain/links`, the rule the server enforces.
 */
import { addressedKind, answerableKinds, answeringKind } from '../../domain/links';
import type { Link } from '../../domain/types';
import type { LabelledItem, LabelledKind } from './labels';

export interface LinkMatrix {
	/** The answering kind, whose items are the columns; null on a board of one kind. */
	recommendations: LabelledKind | null;
	/** The kinds it answers, whose items are the rows, in board order. */
	targets: LabelledKind[];
	/** The kind that must be answered (constraints); its unanswered rows are flagged. */
	addressed: LabelledKind | null;
	/** Addressed items no recommendation links to yet; none when nothing can answer them. */
	unanswered: LabelledItem[];
	/** How many addressed items each recommendation answers, by recommendation id. */
	answers: Map<string, number>;
}

// Recommendations are columns and the items they answer are rows: there are usually fewer
// recommendations than constraints and opportunities, and a row header has room for full text.
export function linkMatrix(kinds: LabelledKind[], links: Link[]): LinkMatrix {
	const recommendations = answeringKind(kinds);
	const targets = answerableKinds(kinds);
	// With nothing to answer them (one kind), the first kind's items are not "unanswered".
	const addressed = recommendations ? addressedKind(kinds) : null;
	const addressedIds = new Set(addressed?.items.map((i) => i.item.id));
	const answered = new Set(links.map((l) => l.targetId));
	const answers = new Map(
		(recommendations?.items ?? []).map((r) => [
			r.item.id,
			links.filter((l) => l.recommendationId === r.item.id && addressedIds.has(l.targetId)).length
		])
	);
	const unanswered = (addressed?.items ?? []).filter((i) => !answered.has(i.item.id));
	return { recommendations, targets, addressed, unanswered, answers };
}
