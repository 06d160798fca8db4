// Runs the sample FGD's phases after the silent writing: reveal, grouping into themes, dot
// voting, discussion with links and quotes, and the action plan. Leaves the session in the
// action-plan phase, open, so whoever tries the demo can carry on.
import { SCHEDULE } from './demo-clock.mjs';
import { actions, details, favourites, links, notes, themes } from './demo-facilitation.mjs';

/** `setClock(time, seconds)` puts each step at its time of the event day (demo-clock.mjs). */
export async function facilitate({ send, progress, setClock, staff, sockets, posted, participants }) {
	const { facilitator, minutetaker } = staff;
	const find = (start) => {
		const item = posted.find((i) => i.text.startsWith(start));
		if (!item) throw new Error(`demo-facilitation.mjs names an item that does not exist: "${start}"`);
		return item;
	};
	const phase = (name) => send(facilitator, { type: 'phase.set', phase: name });

	await setClock(SCHEDULE.details);
	await send(minutetaker, { type: 'session.details', details });
	await setClock(SCHEDULE.reveal);
	await phase('reveal');
	await setClock(SCHEDULE.revealNotes);
	for (const text of notes.reveal) await send(minutetaker, { type: 'note.add', text, speaker: null });

	await setClock(SCHEDULE.grouping);
	await phase('grouping');
	for (const theme of themes) {
		const created = await send(facilitator, { type: 'theme.create', name: theme.name });
		const themeId = created.id;
		for (const item of posted.filter((i) => i.kind !== 'rekomendasi' && theme.words.some((w) => i.text.includes(w))))
			await send(facilitator, { type: 'item.theme', itemId: item.id, themeId });
	}
	progress(`${themes.length} themes`);

	await setClock(SCHEDULE.voting);
	await phase('voting');
	const choices = favourites.map((start) => find(start).id);
	// An uneven spread, as in a real room: favourites first, second choices scattered.
	const FIRST = [0, 0, 1, 0, 2, 1, 3];
	for (const [index, person] of participants.entries()) {
		const socket = sockets.get(person.ref);
		const first = FIRST[index % FIRST.length];
		let second = (index * 5 + 3) % choices.length;
		if (second === first) second = (second + 1) % choices.length;
		await setClock(SCHEDULE.votes, index * 20);
		await send(socket, { type: 'vote.set', targetId: choices[first], count: 3 });
		await send(socket, { type: 'vote.set', targetId: choices[second], count: 2 });
	}
	await setClock(SCHEDULE.votesRevealed);
	await send(facilitator, { type: 'voting.settings', revealed: true });
	progress(`${participants.length * 5} dots placed and revealed`);

	await setClock(SCHEDULE.discussion);
	await phase('discussion');
	for (const [recommendation, targets] of links)
		for (const target of targets)
			await send(facilitator, { type: 'link.set', recommendationId: find(recommendation).id, targetId: find(target).id, linked: true });
	await setClock(SCHEDULE.discussionNotes);
	for (const text of notes.discussion) await send(minutetaker, { type: 'note.add', text, speaker: null });
	for (const [index, quote] of notes.quotes.entries()) {
		await setClock(SCHEDULE.quotes, index * 240);
		const person = participants.find((p) => p.ref === quote.by);
		const speaker = { participantId: null, name: person.name, institution: person.institution, group: person.group };
		await send(minutetaker, { type: 'note.add', text: quote.text, speaker });
	}

	await setClock(SCHEDULE.action);
	await phase('action');
	for (const [index, { issues, recommendation, ...row }] of actions.entries()) {
		await setClock(SCHEDULE.actionRows, index * 420);
		const issueItemIds = issues.map((start) => find(start).id);
		await send(minutetaker, { type: 'action.save', row: { ...row, issueItemIds, recommendationId: find(recommendation).id } });
	}
	progress(`${actions.length} action-plan rows; the session waits in the action-plan phase`);
}
