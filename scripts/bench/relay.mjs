// The bare socket.io relay the bench compares Rembuk with: the same socket.io version and
// options, the same messages (an acknowledged `command` becomes a `record` broadcast to the
// room), and nothing else: no validation, no authorization, no database.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 3401);
const host = process.env.HOST ?? '127.0.0.1';

const httpServer = createServer((req, res) => {
	if (req.url === '/healthz') {
		res.writeHead(200, { 'content-type': 'application/json' });
		return res.end('{"ok":true,"service":"relay"}');
	}
	res.writeHead(404).end();
});
// The options Rembuk's attach.ts uses, so only the work per message differs.
const io = new Server(httpServer, { path: '/socket.io', maxHttpBufferSize: 16 * 1024, pingInterval: 10_000, pingTimeout: 10_000 });

let seq = 0;
io.on('connection', (socket) => {
	const author = randomBytes(8).toString('hex');
	socket.join('session');
	socket.on('sync', (_request, ack) => {
		if (typeof ack === 'function') ack({ ok: true, mode: 'events', records: [], ownItemIds: [], seq });
	});
	socket.on('command', (envelope, ack) => {
		if (typeof ack !== 'function') return;
		const command = envelope?.command ?? {};
		const now = new Date().toISOString();
		const item = {
			id: randomBytes(8).toString('hex'),
			kind: command.kind,
			text: command.text,
			authorId: author,
			anonymous: false,
			createdAt: now,
			updatedAt: now
		};
		const record = { seq: ++seq, at: now, event: { type: 'item.added', item } };
		ack({ ok: true, seq: record.seq, itemId: item.id });
		io.to('session').emit('record', record);
	});
});

httpServer.listen(port, host);
const stop = () => io.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
