/** The identitas kegiatan as label–value pairs, in the official order: every format prints these. */
import type { Words } from './md/words';
import type { Minutes } from './model';

export function eventFields({ session, details, attendance }: Minutes, words: Words): [string, string][] {
	const f = words.fields;
	const { name, position } = details.chair;
	// Parentheses, not a comma: names carry titles with commas ("Ir. Bambang, M.Si.").
	const chair = name && position ? `${name} (${position})` : name || position;
	return [
		[f.title, session.title],
		[f.theme, session.theme],
		[f.day, session.day],
		[f.time, session.timeRange],
		[f.venue, session.venue],
		[f.organizers, session.organizers.join('; ')],
		[f.region, session.region],
		[f.chair, chair],
		[f.facilitator, details.facilitator],
		[f.speakers, details.speakers.join('; ')],
		[f.minuteTaker, details.minuteTaker.name],
		[f.status, session.closedAtText ? words.closed(session.closedAtText) : words.open],
		[f.count, words.people(attendance.total)]
	];
}
