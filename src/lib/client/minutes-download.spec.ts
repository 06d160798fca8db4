import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { download, downloadMinutes } from './minutes-download';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const file = (headers: Record<string, string> = {}) => new Response('%PDF-', { status: 200, headers });
let fetchMock: ReturnType<typeof vi.fn>;
let saved: string[];

beforeEach(() => {
	saved = [];
	fetchMock = vi.fn();
	vi.stubGlobal('fetch', fetchMock);
	vi.stubGlobal('document', { createElement: () => ({ click(this: { download: string }) { saved.push(this.download); } }) });
	vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
	vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
});
afterEach(() => {
	vi.unstubAllGlobals();
	vi.restoreAllMocks();
});

describe('download', () => {
	it("saves the file under the server's name, else the one asked for, and nothing when refused", async () => {
		fetchMock.mockResolvedValueOnce(file({ 'content-disposition': 'attachment; filename="notulen-ABC123-id-f4.pdf"' }));
		fetchMock.mockResolvedValueOnce(file());
		fetchMock.mockResolvedValueOnce(json(403, { error: { code: 'forbidden' } }));
		expect((await download('/a', { key: 'k', filename: 'fallback.pdf' })).ok).toBe(true);
		expect((await download('/b', { key: 'k', filename: 'fallback.pdf' })).ok).toBe(true);
		expect(await download('/c', { key: 'k', filename: 'fallback.pdf' })).toMatchObject({ ok: false, status: 403, code: 'forbidden' });
		expect(saved).toEqual(['notulen-ABC123-id-f4.pdf', 'fallback.pdf']);
		expect(fetchMock.mock.calls.map(([, init]) => init.headers.authorization)).toEqual(['Bearer k', 'Bearer k', 'Bearer k']);
	});
});

describe('downloadMinutes', () => {
	it('asks for the chosen file and names it by language and paper', async () => {
		fetchMock.mockResolvedValue(file());
		await downloadMinutes('ABC123', { format: 'docx', lang: 'en', paper: 'f4' }, 'k');
		expect(fetchMock.mock.calls[0][0]).toBe('/api/sessions/ABC123/minutes?format=docx&lang=en&paper=f4');
		expect(saved).toEqual(['notulen-ABC123-en-f4.docx']);
	});
});
