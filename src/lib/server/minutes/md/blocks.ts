/**
 * Markdown building blocks. Headings, labels and table headers are ours; everything a
 * participant or organizer typed goes through `escapeMarkdown` or `escapeLine` here, so user
 * text prints as text and cannot open a heading, a link, a list or raw HTML.
 */

/**
 * Makes user text inert where it sits inside a line: backslash-escapes every character that
 * can open emphasis, code, a link, an image, HTML, a table cell, strikethrough or a heading,
 * and takes the `&` off entity references. Line breaks become spaces, so the text stays on
 * the line its caller put it on.
 */
export function escapeMarkdown(text: string): string {
	return text
		.replace(/\s*[\r\n]+\s*/g, ' ')
		.replace(/[\\`*_[\]<>|~#]/g, '\\$&')
		.replace(/&(?=#?\w+;)/g, '\\&');
}

/** As `escapeMarkdown`, for a line that starts a block: list, setext and ordered-list markers lose their meaning too. */
export function escapeLine(text: string): string {
	return escapeMarkdown(text.trim())
		.replace(/^[-+=]/, '\\$&')
		.replace(/^(\d+)([.)])/, '$1\\$2');
}

/** User text of several lines, each escaped, kept apart by hard breaks and indented to sit inside a list item. */
export function multiline(text: string, indent: string): string {
	return text
		.split(/\r?\n/)
		.map(escapeLine)
		.filter(Boolean)
		.join(`\\\n${indent}`);
}

/** An escaped table cell; "–" for an empty one, so a column never looks misaligned. */
export function cell(text: string): string {
	return escapeMarkdown(text) || '–';
}

export function row(cells: string[]): string {
	return `| ${cells.join(' | ')} |`;
}

/** Header and alignment rows; `align` is `l` or `r` per column. */
export function tableHead(header: string[], align: string): string[] {
	return [row(header), row([...align].map((a) => (a === 'r' ? '---:' : '---')))];
}

/** `- **label:** value`, with "–" for an empty value. */
export function field(label: string, value: string): string {
	return `- **${label}:** ${escapeMarkdown(value) || '–'}`;
}

export function placeholder(text: string): string {
	return `*${text}*`;
}

/**
 * An ordered-list item: "1. text" (user text, escaped here), an optional italic line of facts
 * after a hard break ("*Oleh: … · 4 suara*", already Markdown), then any further lines
 * (already Markdown, such as a nested list) indented to sit inside the item.
 */
export function listItem(n: number, text: string, facts: string | null = null, more: string[] = []): string {
	const marker = `${n}. `;
	const indent = ' '.repeat(marker.length);
	const head = marker + multiline(text, indent) + (facts ? `\\\n${indent}*${facts}*` : '');
	return [head, ...more.map((line) => indent + line)].join('\n');
}
