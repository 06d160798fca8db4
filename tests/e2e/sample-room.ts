/**
 * The 37-item sample FGD of `npm run demo` (scripts/demo-data.mjs), put into a running server
 * the way phones would: 18 people join over HTTP, post over their sockets, and the facilitator
 * opens the reveal. For the browser tests of the projector.
 */
import { randomBytes } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import type { Socket } from 'socket.io-client';
import { items, participants, session } from '../../scripts/demo-data.mjs';
import { command, connect } from './socket';

export const SAMPLE_ITEMS: { kind: string; by: string; text: string; anonymous: boolean }[] = items;

export interface SampleRoom {
	code: string;
	facilitatorKey: string;
	facilitator: Socket;
	/** Each person's socket by the demo data's `ref`. */
	phones: Map<string, Socket>;
	/** Item ids in posting order. */
	itemIds: string[];
	close(): void;
}

async function must(socket: Socket, body: unknown) {
	for (;;) {
		const result = await command(socket, body);
		if (result.ok) return result;
		// Each socket gets a burst, then a few commands a second.
		if (result.error.code !== 'rate_limited') throw new Error(`${JSON.stringify(body)} refused: ${result.error.code}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

export async function sampleRoom(url: string, request: APIRequestContext, extra: Record<string, unknown> = {}): Promise<SampleRoom> {
	const created = await (await request.post(`${url}/api/sessions`, { data: { ...session, ...extra } })).json();
	const { code, facilitatorKey } = created;
	const phones = new Map<string, Socket>();
	for (const { ref, ...profile } of participants) {
		const token = randomBytes(24).toString('base64url');
		const joined = await request.post(`${url}/api/sessions/${code}/participants`, { data: { token, ...profile, consent: true } });
		if (!joined.ok()) throw new Error(`join ${joined.status()}`);
		phones.set(ref, await connect(url, { code, role: 'participant', token }));
	}
	const facilitator = await connect(url, { code, role: 'facilitator', key: facilitatorKey });
	await must(facilitator, { type: 'phase.set', phase: 'writing' });
	const itemIds: string[] = [];
	for (const item of SAMPLE_ITEMS) {
		const result = await must(phones.get(item.by)!, { type: 'item.add', kind: item.kind, text: item.text, anonymous: item.anonymous });
		itemIds.push(result.ok ? result.itemId! : '');
	}
	await must(facilitator, { type: 'phase.set', phase: 'reveal' });
	const close = () => [facilitator, ...phones.values()].forEach((s) => s.close());
	return { code, facilitatorKey, facilitator, phones, itemIds, close };
}

export { must as send };
