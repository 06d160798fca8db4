/**
 * Pages leave gzipped when the browser accepts it. adapter-node compresses only the static files
 * (precompressed at build); a page's HTML, with its data and its inlined styles, would otherwise
 * cross a slow phone's link at full size before the join form can be drawn.
 */
import { gzipSync } from 'node:zlib';

/** Worth compressing: below this the gzip header and the CPU cost more than they save. */
const MIN_BYTES = 1024;

export async function gzipPage(request: Request, response: Response): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	const accepts = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
	if (!accepts || !type.startsWith('text/html') || response.headers.has('content-encoding') || !response.body) return response;
	const body = new Uint8Array(await response.arrayBuffer());
	if (body.length < MIN_BYTES) return new Response(body, response);
	const headers = new Headers(response.headers);
	headers.set('content-encoding', 'gzip');
	headers.set('vary', 'accept-encoding');
	headers.delete('content-length');
	return new Response(gzipSync(body), { status: response.status, statusText: response.statusText, headers });
}
