import { fail, redirect } from '@sveltejs/kit';
import { joinCode } from '$lib/realtime/schemas';
import type { Actions } from './$types';

/**
 * Join by code as a plain form: works before the page's script has arrived (or without it). Only
 * the code's shape is checked here; whether such a session exists is the join page's answer.
 */
export const actions = {
	join: async ({ request }) => {
		const typed = String((await request.formData()).get('code') ?? '').slice(0, 20);
		const code = joinCode.safeParse(typed);
		if (!code.success) return fail(400, { code: typed, badCode: true });
		redirect(303, `/j/${code.data}`);
	}
} satisfies Actions;
