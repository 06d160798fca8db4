/** Which kinds a recommendation links to, and the links as this phone believes them to be. Pure. */
import type { Kind, Link } from '../domain/types';
import type { Command } from '../realtime/contract';

export interface LinkKinds {
	/** The kind whose items link out: the last kind on the board (`rekomendasi` by default), as the server rules. */
	recommendation: string;
	/** The kinds they link to: the first two on the board (constraints, then opportunities). */
	targets: string[];
}

export function linkKinds(kinds: Kind[]): LinkKinds | null {
	if (kinds.length < 2) return null;
	const recommendation = kinds[kinds.length - 1].key;
	const targets = kinds
		.slice(0, 2)
		.map((k) => k.key)
		.filter((key) => key !== recommendation);
	return { recommendation, targets };
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
