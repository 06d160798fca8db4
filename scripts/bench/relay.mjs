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

/** Each room's last seq: a phone's `auth.code` names its room (the bench's sessions), else one room for all. */
const seqs = new Map();
io.on('connection', (socket) => {
	const author = randomBytes(8).toString('hex');
	const code = socket.handshake.auth?.code;
	const room = typeof code === 'string' && code ? code : 'session';
	socket.join(room);
	socket.on('sync', (_request, ack) => {
		if (typeof ack === 'function') ack({ ok: true, mode: 'events', records: [], ownItemIds: [], seq: seqs.get(room) ?? 0 });
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
		const seq = (seqs.get(room) ?? 0) + 1;
		seqs.set(room, seq);
		const record = { seq, at: now, event: { type: 'item.added', item } };
		ack({ ok: true, seq, itemId: item.id });
		io.to(room).emit('record', record);
	});
});

httpServer.listen(port, host);
const stop = () => io.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
