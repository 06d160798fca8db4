/**
 * The polling fallback: on a network (a venue proxy, some operators) that refuses WebSockets, a
 * phone still joins, posts and hears the room over HTTP long-polling, the only other transport
 * the phone's socket.io-client is built with (vite.config.ts, phoneTransports).
 */
import { expect, test } from '@playwright/test';
import { joinOnPhone, newPhone, post, refuseWebSockets } from './helpers';
import { send } from './sample-room';
import { TestServer } from './server';
import { connect } from './socket';

const server = new TestServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.dispose());

test('a phone whose network refuses WebSockets joins, posts and hears the room over long-polling', async ({ browser, request }) => {
	test.setTimeout(90_000);
	const created = await (await request.post(`${server.url}/api/sessions`, { data: { title: 'FGD Tanpa WebSocket', startsAt: '2025-10-24T09:00' } })).json();
	const { code, facilitatorKey } = created;
	const facilitator = await connect(server.url, { code, role: 'facilitator', key: facilitatorKey });
	await send(facilitator, { type: 'phase.set', phase: 'writing' });

	const phone = await newPhone(browser);
	await refuseWebSockets(phone.context);
	const polls: string[] = [];
	phone.page.on('request', (r) => {
		if (r.url().includes('/socket.io/') && r.url().includes('transport=polling')) polls.push(r.url());
	});
	await phone.page.goto(`${server.url}/j/${code}`);
	await joinOnPhone(phone.page, 'Ibu Sari', 'komunitas');
	expect(polls.length).toBeGreaterThan(0);

	await post(phone.page, 'Kendala', 'Sinyal di balai desa lemah');
	await expect.poll(async () => {
		const answer = await facilitator.timeout(5000).emitWithAck('sync', { lastSeq: 0 });
		return (answer.snapshot.items as { text: string }[]).map((i) => i.text);
	}).toContain('Sinyal di balai desa lemah');

	// And it hears the room: the facilitator opens grouping, the phone follows.
	await send(facilitator, { type: 'phase.set', phase: 'grouping' });
	await expect(phone.page.getByText('Sinyal di balai desa lemah')).toBeVisible();
	await expect(phone.page.getByTestId('connection')).toHaveAttribute('data-state', 'online');
	facilitator.close();
});
