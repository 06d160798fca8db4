/** Rencana tindak lanjut: the follow-up action plan, one row per agreed activity. */
import type { ActionRow, Locale } from '../../../domain/types';
import { maskPhones } from '../mask';
import type { MinutesItem } from './items';
import { resolveItems, type LinkedItem } from './recommendations';
import { attribute, person, type MinutesPerson, type Source } from './source';

export interface MinutesAction {
	id: string;
	/** 1-based, in the plan's order. */
	no: number;
	/** Isu / masalah: the reported items the row addresses (a merged item resolves to its target). */
	issues: LinkedItem[];
	/** The recommendation the row carries out, when one was chosen and is reported. */
	recommendation: LinkedItem | null;
	activity: string;
	output: string;
	/** Indikator & target. */
	indicator: string;
	/** Penanggung jawab: person, institution and stakeholder group. */
	pic: MinutesPerson;
	/** `pic` as "name – institution – group"; "–" when nobody is named yet. */
	picText: string;
	partners: string;
	timeframe: string;
	/** Sumber dana, as typed (APBD, APBN, Dana Desa, CSR/PPM …). */
	funding: string;
	/** Estimated cost in Rupiah. */
	cost: number | null;
	/** "Rp 150.000.000" (English minutes group with commas); "–" when not estimated. */
	costText: string;
	status: ActionRow['status'];
	statusLabel: string;
	remarks: string;
}

const STATUS: Record<Locale, Record<ActionRow['status'], string>> = {
	id: { rencana: 'Rencana', berjalan: 'Berjalan', selesai: 'Selesai', tertunda: 'Tertunda' },
	en: { rencana: 'Planned', berjalan: 'In progress', selesai: 'Done', tertunda: 'Postponed' }
};

/** Made once: building an Intl.NumberFormat costs far more than using one. */
const GROUPED: Record<Locale, Intl.NumberFormat> = {
	id: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }),
	en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })
};

export function rupiah(amount: number | null, lang: Locale): string {
	if (amount === null) return '–';
	return `Rp ${GROUPED[lang].format(amount)}`;
}

export function actionPlanOf(source: Source, items: MinutesItem[]): MinutesAction[] {
	const { session, lang } = source;
	return source.actions.map((row, index) => {
		const pic = person(session, lang, row.pic.name, row.pic.institution, row.pic.group);
		const [recommendation] = row.recommendationId ? resolveItems(source, items, [row.recommendationId]) : [];
		return {
			id: row.id,
			no: index + 1,
			issues: resolveItems(source, items, row.issueItemIds),
			recommendation: recommendation ?? null,
			activity: maskPhones(row.activity),
			output: maskPhones(row.output),
			indicator: maskPhones(row.indicator),
			pic,
			picText: attribute(pic),
			partners: maskPhones(row.partners),
			timeframe: maskPhones(row.timeframe),
			funding: maskPhones(row.funding),
			cost: row.cost,
			costText: rupiah(row.cost, lang),
			status: row.status,
			statusLabel: STATUS[lang][row.status],
			remarks: maskPhones(row.remarks)
		};
	});
}
