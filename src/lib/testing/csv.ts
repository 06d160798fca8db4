/**
 * For specs: reads CSV as a spreadsheet does, leniently, so it can also read a file with the
 * wrong separator. A field that starts with `"` is quoted up to a lone `"` (`""` is one quote);
 * anything after that closing quote, and any `"` inside an unquoted field, is kept as text.
 * CR, LF and CRLF outside quotes end a row.
 */
export function readCsv(text: string, separator: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let fresh = true;
	let quoted = false;
	const endField = () => {
		row.push(field);
		field = '';
		fresh = true;
	};
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c !== '"') field += c;
			else if (text[i + 1] === '"') field += text[++i];
			else quoted = false;
		} else if (c === '"' && fresh) {
			quoted = true;
			fresh = false;
		} else if (c === separator) {
			endField();
		} else if (c === '\r' || c === '\n') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			endField();
			rows.push(row);
			row = [];
		} else {
			field += c;
			fresh = false;
		}
	}
	if (!fresh || row.length > 0) {
		endField();
		rows.push(row);
	}
	return rows;
}
