// Preloaded into a server under test (`node --expose-gc --import ./scripts/bench/probe.mjs …`)
// so the bench can ask for its memory over the IPC channel without the server exposing anything.
// The production server never loads this file.
if (process.send) {
	process.on('message', (message) => {
		if (message?.type !== 'memory') return;
		// A full collection, then V8's last-resort one, which also hands freed pages back.
		globalThis.gc?.();
		globalThis.gc?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
		process.send({ type: 'memory', id: message.id, usage: process.memoryUsage() });
	});
	// Listening on the channel must not keep a server alive that is trying to exit.
	process.channel?.unref();
}
