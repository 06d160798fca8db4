import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.svelte';
import { phone } from '../i18n/id/phone';
import type { CommandResult } from '../realtime/contract';
import { attempt } from './commands';

const answering = (result: CommandResult) => ({ send: async () => result });

describe('attempt', () => {
	it("is empty when the command was applied, else the refusal in the user's words", async () => {
		i18n.use('id');
		expect(await attempt(answering({ ok: true, seq: 7 }), { type: 'session.close' })).toBe('');
		const refused = answering({ ok: false, error: { code: 'session_closed', message: 'closed' } });
		expect(await attempt(refused, { type: 'session.close' })).toBe(phone.errors.session_closed);
	});
});
