/** Which kinds a recommendation links to, and the links as this phone believes them to be. Pure. */
import { answerableKinds, answeringKind } from '../domain/links';
import type { Kind, Link } from '../domain/types';
import type { Command } from '../realtime/contract';

export interface LinkKinds {
	/** The kind whose items link out: the last kind on the board (`rekomendasi` by default). */
	recommendation: string;
	/** The kinds they link to: every kind before it, in board order (constraints, opportunities…). */
	targets: string[];
}

/** The link rule of `domain/links` as the phone's link sheet uses it; null when nothing links. */
export function linkKinds(kinds: Kind[]): LinkKinds | null {
	const recommendation = answeringKind(kinds);
	if (!recommendation) return null;
	return { recommendation: recommendation.key, targets: answerableKinds(kinds).map((k) => k.key) };
}

/** Ids linked to `recommendationId`, with this phone's unsent `link.set` commands applied on top. */
export function linkedTo(recommendationId: string, links: Link[], pending: Command[]): Set<string> {
	const ids = new Set(links.filter((l) => l.recommendationId === recommendationId).map((l) => l.targetId));
	for (const command of pending) {
		if (command.type !== 'link.set' || command.recommendationId !== recommendationId) continue;
		if (command.linked) ids.add(command.targetId);
		else ids.delete(command.targetId);
	}
	return ids;
}
