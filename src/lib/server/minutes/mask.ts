/**
 * Phone numbers are personal data (UU PDP No. 27/2022) and must not reach shared documents.
 * Masking keeps the first four and last two digits, so a reader can still tell two numbers
 * apart, and keeps separators, so the text reads as it was written: 0812-xxxx-xx90.
 */

/**
 * What looks like an Indonesian phone number: +62 (or 62 before a mobile 8) and 10–15 digits,
 * or 0 with an area or mobile prefix and 9–16 digits; digits may be split by up to two of
 * space . - ( ) at a time. Requiring three digits before the first separator keeps dates
 * such as 05-11-2025 out, and amounts such as Rp 1.500.000 do not start with 0. When in
 * doubt this masks too much rather than too little.
 */
const PHONE =
	/(?<![\p{L}\p{N}+])(?:(?:\+ ?62|62(?=[ .-]?8))(?:[ .()-]{0,2}\d){8,13}|\(?0\d{2}(?:[ .()-]{0,2}\d){6,13})(?!\d)/gu;

const KEEP_START = 4;
const KEEP_END = 2;

function maskDigits(number: string): string {
	const total = number.replace(/\D/g, '').length;
	let seen = 0;
	return number.replace(/\d/g, (digit) => {
		const index = seen++;
		return index < KEEP_START || index >= total - KEEP_END ? digit : 'x';
	});
}

export function maskPhones(text: string): string {
	return text.replace(PHONE, maskDigits);
}
