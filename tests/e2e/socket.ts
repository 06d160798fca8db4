/** A raw socket.io client for the tests that act outside the UI (forged or hostile commands). */
import { io, type Socket } from 'socket.io-client';
import type { CommandResult, SocketAuth } from '../../src/lib/realtime/contract';

export async function connect(url: string, auth: SocketAuth): Promise<Socket> {
	const socket = io(url, { path: '/socket.io', auth, transports: ['websocket'], reconnection: false });
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', (error) => reject(error));
	});
	return socket;
}

export async function refusal(url: string, auth: SocketAuth): Promise<string> {
	try {
		(await connect(url, auth)).disconnect();
		return 'connected';
	} catch (error) {
		return (error as Error).message;
	}
}

export function command(socket: Socket, command: unknown, id = `test-${Math.random().toString(36).slice(2, 12)}`): Promise<CommandResult> {
	return socket.timeout(5000).emitWithAck('command', { id, command });
}
