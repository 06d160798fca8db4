/** Paper for the printable minutes: A4, or F4/folio, which many regional offices still file on. */
export type Paper = 'a4' | 'f4';

/** Width and height in millimetres, portrait. */
export const PAPER_MM: Record<Paper, { width: number; height: number }> = {
	a4: { width: 210, height: 297 },
	f4: { width: 215, height: 330 }
};
