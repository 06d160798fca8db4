/**
 * The minutes as JSON, for spreadsheets, archives and dashboards. The field names are a
 * contract documented on the model's types: a renamed, removed or re-meant field bumps
 * `schemaVersion`; a new field (a later section such as votes) does not.
 */
import type { Locale } from '../../domain/types';
import type { KindFindings, Minutes, MinutesAttendance, MinutesSession } from './model';

export interface MinutesDocument {
	schemaVersion: 1;
	/** ISO instant the minutes were built. */
	generatedAt: string;
	/** Language of every label in the document (group, kind and date texts). */
	lang: Locale;
	session: MinutesSession;
	attendance: MinutesAttendance;
	findings: KindFindings[];
}

export function toDocument(minutes: Minutes): MinutesDocument {
	return {
		schemaVersion: 1,
		generatedAt: minutes.generatedAt,
		lang: minutes.lang,
		session: minutes.session,
		attendance: minutes.attendance,
		findings: minutes.findings
	};
}

export function renderJson(minutes: Minutes): string {
	return JSON.stringify(toDocument(minutes), null, 2) + '\n';
}
