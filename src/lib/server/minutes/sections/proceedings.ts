/**
 * Jalannya diskusi: when each phase began (from the log, so the times are the server's own),
 * and the minute-taker's notes and quotes grouped by the phase they were taken in.
 */
import { PHASES, type Locale, type Phase } from '../../../domain/types';
import { maskPhones } from '../mask';
import { attribute, clock, person, type MinutesPerson, type Source } from './source';

export interface TimelineEntry {
	/** ISO instant the facilitator moved to the phase. */
	at: string;
	/** `at` in the session's zone, e.g. "10.15 WITA". */
	time: string;
	phase: Phase;
	label: string;
}

export interface MinutesNote {
	kind: 'note' | 'quote';
	at: string;
	time: string;
	text: string;
	/** Who said it, as the minute-taker recorded them; null for a note. */
	speaker: MinutesPerson | null;
	/** "name – institution – group"; null for a note. */
	attribution: string | null;
}

export interface PhaseNotes {
	phase: Phase;
	label: string;
	/** In the order they were taken. */
	notes: MinutesNote[];
}

export interface MinutesProceedings {
	/** Every phase change in order; a phase the facilitator returned to appears again. */
	timeline: TimelineEntry[];
	/** Phases in the order of the method (lobby … closed), only those with notes. */
	phases: PhaseNotes[];
}

export const PHASE_LABELS: Record<Locale, Record<Phase, string>> = {
	id: {
		lobby: 'Pembukaan dan registrasi',
		writing: 'Penulisan masukan secara mandiri',
		reveal: 'Pemaparan masukan',
		grouping: 'Klarifikasi dan pengelompokan tema',
		voting: 'Pemungutan suara prioritas',
		discussion: 'Pembahasan tema prioritas',
		action: 'Penyusunan rencana tindak lanjut',
		closed: 'Penutupan'
	},
	en: {
		lobby: 'Opening and registration',
		writing: 'Silent writing',
		reveal: 'Reveal (round-robin)',
		grouping: 'Clarification and grouping into themes',
		voting: 'Dot voting',
		discussion: 'Discussion of priority themes',
		action: 'Follow-up action planning',
		closed: 'Closing'
	}
};

export function proceedingsOf(source: Source): MinutesProceedings {
	const labels = PHASE_LABELS[source.lang];
	const timeline = source.phaseChanges.map(({ at, phase }) => ({
		at,
		time: clock(source, at),
		phase,
		label: labels[phase]
	}));
	const taken = source.notes.map((note) => {
		const erased = note.speaker?.participantId ? source.erased.has(note.speaker.participantId) : false;
		const speaker = erased
			? source.people.get(note.speaker!.participantId!)!
			: note.speaker
			? person(source.session, source.lang, note.speaker.name, note.speaker.institution, note.speaker.group)
			: null;
		const entry: MinutesNote = {
			kind: note.kind,
			at: note.at,
			time: clock(source, note.at),
			text: maskPhones(note.text),
			speaker,
			attribution: speaker && attribute(speaker)
		};
		return { phase: note.phase, entry };
	});
	const phases = PHASES.map((phase) => ({
		phase,
		label: labels[phase],
		notes: taken.filter((t) => t.phase === phase).map((t) => t.entry)
	})).filter((p) => p.notes.length > 0);
	return { timeline, phases };
}
