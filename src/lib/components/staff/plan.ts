/** Choices and formats for the follow-up action plan (rencana tindak lanjut). */
import { addressedKind, answeringKind } from '../../domain/links';
import { tidyText } from '../../domain/text';
import type { ActionRow } from '../../domain/types';
import type { LabelledItem, LabelledKind } from './labels';

/** Stored as the Indonesian term the minutes print; the UI labels them per language. */
export const FUNDING = [
	{ value: 'APBD', key: 'apbd' },
	{ value: 'APBN', key: 'apbn' },
	{ value: 'Dana Desa', key: 'danaDesa' },
	{ value: 'CSR/PPM', key: 'csr' },
	{ value: 'Swadaya', key: 'swadaya' },
	{ value: 'Hibah', key: 'hibah' },
	{ value: 'Belum ditentukan', key: 'undecided' }
] as const;

export const STATUSES: ActionRow['status'][] = ['rencana', 'berjalan', 'selesai', 'tertunda'];

/** What the editor holds for one row: everything but the server's id and position. */
export type RowFields = Omit<ActionRow, 'id' | 'position'>;

const rupiah = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });

/** "Rp 150.000.000" (Rupiah has no minor unit in practice). */
export const formatRupiah = (amount: number) => rupiah.format(amount).replace(/\u00a0/g, ' ');

/** Field order fixed, so two copies of one row compare equal as JSON. */
export function rowFields(row: ActionRow | null): RowFields {
	return {
		issueItemIds: [...(row?.issueItemIds ?? [])],
		recommendationId: row?.recommendationId ?? null,
		activity: row?.activity ?? '',
		output: row?.output ?? '',
		indicator: row?.indicator ?? '',
		pic: { name: row?.pic.name ?? '', institution: row?.pic.institution ?? '', group: row?.pic.group ?? '' },
		partners: row?.partners ?? '',
		timeframe: row?.timeframe ?? '',
		funding: row?.funding ?? '',
		cost: row?.cost ?? null,
		status: row?.status ?? 'rencana',
		remarks: row?.remarks ?? ''
	};
}

export function tidyRow(fields: RowFields): RowFields {
	const cost = typeof fields.cost === 'number' && Number.isFinite(fields.cost) ? Math.max(0, Math.round(fields.cost)) : null;
	return {
		...fields,
		activity: tidyText(fields.activity),
		output: tidyText(fields.output),
		indicator: tidyText(fields.indicator),
		pic: { name: tidyText(fields.pic.name), institution: tidyText(fields.pic.institution), group: fields.pic.group },
		partners: tidyText(fields.partners),
		timeframe: tidyText(fields.timeframe),
		remarks: tidyText(fields.remarks),
		cost
	};
}

/**
 * What a row may point at, by the link rule of `domain/links`: its issues come from the kind
 * recommendations address (constraints), its recommendation from the answering kind.
 */
export function planChoices(kinds: LabelledKind[]): { issues: LabelledItem[]; recommendations: LabelledItem[] } {
	return { issues: addressedKind(kinds)?.items ?? [], recommendations: answeringKind(kinds)?.items ?? [] };
}
