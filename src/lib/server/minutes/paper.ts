/** Paper sizes for the printable minutes; which papers there are is in the shared list. */
import type { Paper } from '../../domain/minutes-formats';

export type { Paper } from '../../domain/minutes-formats';

/** Width and height in millimetres, portrait: a paper added to the list fails type-checking until it is here. */
export const PAPER_MM: Record<Paper, { width: number; height: number }> = {
	a4: { width: 210, height: 297 },
	f4: { width: 215, height: 330 }
};
