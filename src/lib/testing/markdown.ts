/** For specs that read the Markdown minutes. */
import { expect } from 'vitest';

/** The lines under the first `heading` up to the next heading of the same or a higher level (its subsections included). */
export function section(md: string, heading: string): string {
	const lines = md.split('\n');
	const start = lines.indexOf(heading);
	expect(start, `heading ${heading}`).toBeGreaterThanOrEqual(0);
	const level = heading.indexOf(' ');
	const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && line.indexOf(' ') <= level);
	return lines.slice(start + 1, end === -1 ? undefined : end).join('\n');
}
