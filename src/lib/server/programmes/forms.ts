/** The organization pages' forms for programmes and sessions, read and validated (a bad field changes nothing). */
import { z } from 'zod';
import { LIMITS } from '../../domain/defaults';

const text = (max: number, min = 1) => z.string().trim().min(min).max(max);

export const newSessionForm = z.object({
	title: text(LIMITS.title),
	startsAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
	venue: text(LIMITS.shortText, 0).default(''),
	regionCode: z.string().max(20).default(''),
	programmeId: z.string().max(40).default('')
});

export const programmeForm = z.object({
	name: text(LIMITS.title),
	theme: text(LIMITS.shortText, 0).default(''),
	/** The code of a session whose settings become the template; '' for the defaults. */
	templateSession: z.string().max(10).default('')
});

/** A form's fields as strings (files ignored), for the schemas above. */
export function fields(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string') out[key] = value;
	return out;
}
