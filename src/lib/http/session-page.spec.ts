/** The session pages' load hands out the public view: no minutes details for whoever holds the join code. */
import { describe, expect, it } from 'vitest';
import { getContext } from '../server/context';
import * as sessions from '../server/sessions';
import { createSession, must } from '$lib/testing/server';
import { testContext } from '$lib/testing/stores';
import { loadSessionPage } from './session-page.server';

describe('the session pages', () => {
	it('load the public view, without the NIP, the conclusions or the letterhead contacts', async () => {
		// The pages' load reads the shared context's database.
		const db = (await testContext()).store.db;
		const session = await createSession(db);
		await must(db, session.minutetaker, { type: 'session.details', details: { chair: 'Ir. Hendra', chairNip: '19750312 200003 1 004', conclusions: 'Draf: anggaran dipotong' } });
		await getContext().writes.commit(session.row.id, async (trx) => ({
			records: [await sessions.setLetterhead(trx, session.row.id, 'facilitator', { office: 'DPMD', phone: '(0541) 661234', email: 'dpmd@kukarkab.go.id' })]
		}));
		const url = new URL(`http://rembuk.test/j/${session.row.code}`);
		const page = await loadSessionPage({ params: { code: session.row.code }, url, getClientAddress: () => '192.0.2.1' });
		expect(page.session).not.toHaveProperty('details');
		const text = JSON.stringify(page);
		for (const secret of ['19750312 200003 1 004', 'Draf: anggaran dipotong', '(0541) 661234', 'dpmd@kukarkab.go.id']) expect(text).not.toContain(secret);
		expect(page.session.title).toBe('FGD RPJMD Kutai Timur');
	});
});
