/**
 * DejaVu Sans, embedded in every PDF: it covers Indonesian text and the dashes, quotes and
 * "Rp" amounts the minutes print, which pdfkit's built-in Helvetica (WinAnsi only) does not
 * promise. Resolved through Node at run time, so the same call works from the sources, the
 * tests and the bundled server in build/, which keeps node_modules external.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const FONTS = {
	regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
	bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
	/** For the wide tables (action plan, matrix): more characters to the line at the same size. */
	condensed: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf'),
	condensedBold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf')
} as const;

export type FontName = keyof typeof FONTS;
