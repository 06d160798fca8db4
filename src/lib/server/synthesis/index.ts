/** synthesis.render: the Laporan Hasil FGD of a list of sessions, in a format, language and paper. */
import type { Locale } from '../../domain/types';
import type { Database } from '../db/store';
import type { Paper } from '../minutes/paper';
import { renderSynthesisDocx } from './docx';
import type { SynthesisEdit } from './edits';
import { buildSynthesis, type Synthesis, type SynthesisOptions } from './model';
import { renderSynthesisPdf } from './pdf';
import { renderSynthesisXlsx } from './xlsx';

export { addEdit, listEdits, synthesisEditSchema, type SynthesisEdit } from './edits';
export { buildSynthesis, type Synthesis } from './model';

export const SYNTHESIS_FORMATS = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	pdf: 'application/pdf',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
} as const;
export type SynthesisFormat = keyof typeof SYNTHESIS_FORMATS;

export function renderSynthesis(s: Synthesis, format: SynthesisFormat, paper: Paper = 'a4'): Promise<Buffer> {
	if (format === 'pdf') return renderSynthesisPdf(s, { paper });
	if (format === 'docx') return renderSynthesisDocx(s, { paper });
	return renderSynthesisXlsx(s);
}

/** "laporan-hasil-fgd-2025-10-24-a4.pdf" / "fgd-results-report-…": the name the browser saves. */
export function synthesisFilename(s: Synthesis, format: SynthesisFormat, paper: Paper = 'a4'): string {
	const base = s.lang === 'id' ? 'laporan-hasil-fgd' : 'fgd-results-report';
	return `${base}-${s.generatedAt.slice(0, 10)}${format === 'xlsx' ? '' : `-${paper}`}.${format}`;
}

export async function render(db: Database, sessionIds: string[], edits: SynthesisEdit[], format: SynthesisFormat, lang: Locale, paper: Paper = 'a4', options: Omit<SynthesisOptions, 'lang'> = {}) {
	const s = await buildSynthesis(db, sessionIds, edits, { ...options, lang });
	return { body: await renderSynthesis(s, format, paper), contentType: SYNTHESIS_FORMATS[format], filename: synthesisFilename(s, format, paper) };
}
