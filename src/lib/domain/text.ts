/**
 * What counts as readable text, wherever people type it: the server refuses the rest at the
 * boundary (`realtime/schemas.ts`), and the phone and staff forms tidy and check a draft the same
 * way before they send it, so what they show while it is on its way is what the server stores.
 */

/** Text as it is stored: Unicode NFC (one form for "é" however the keyboard typed it), trimmed. */
export function tidyText(text: string): string {
	return text.normalize('NFC').trim();
}

/** True when nothing would be left to store: empty, or only spaces and line breaks. */
export function isBlank(text: string): boolean {
	return tidyText(text) === '';
}

/**
 * Control characters other than tab and newline (and carriage return, which a pasted Windows
 * line break brings): they show as nothing or as boxes, and break the minutes' layouts.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function hasControlCharacters(text: string): boolean {
	return CONTROL.test(text);
}

/**
 * False for a lone surrogate: it reaches SQLite as invalid UTF-8 and reads back as U+FFFD, so
 * the stored text would differ from the text that was acknowledged and broadcast.
 */
export function isWellFormed(text: string): boolean {
	return text.isWellFormed();
}
