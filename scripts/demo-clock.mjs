// The sample FGD's own clock. `npm run demo` creates a *sample* session and sets its clock before
// each step, so the minutes' timeline, notes, joins and posts (and the closing, if you close it)
// fall on the event day at the times of its agenda rather than on the day the demo ran. Only a
// sample session takes this (PUT /api/sessions/CODE/clock); a real session's times are always
// the server's own.

/** Indonesia keeps no daylight saving time: each zone is one fixed offset. */
const OFFSETS = { 'Asia/Jakarta': '+07:00', 'Asia/Makassar': '+08:00', 'Asia/Jayapura': '+09:00' };

/** When each step happens, following the agenda in demo-facilitation.mjs (08.30 registration … 12.00 closing). */
export const SCHEDULE = {
	/** Participants register one a minute. */
	registration: '08.30',
	writing: '09.50',
	/** Items arrive one every 30 seconds. */
	posts: '09.52',
	details: '10.12',
	reveal: '10.15',
	revealNotes: '10.25',
	grouping: '10.35',
	voting: '10.55',
	/** Each participant votes 20 seconds after the one before. */
	votes: '10.56',
	votesRevealed: '11.05',
	discussion: '11.10',
	discussionNotes: '11.15',
	/** Quotes four minutes apart. */
	quotes: '11.18',
	action: '11.30',
	/** Action-plan rows seven minutes apart. */
	actionRows: '11.35'
};

const pad = (n) => String(n).padStart(2, '0');

/** `time` ("09.52") on the session's day, plus `seconds`, as an instant with the zone's offset. */
export function eventTime(session, time, seconds = 0) {
	const [hours, minutes] = time.split('.').map(Number);
	const total = hours * 3600 + minutes * 60 + seconds;
	const clock = `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
	return `${session.startsAt.slice(0, 10)}T${clock}${OFFSETS[session.timeZone]}`;
}

/** `setClock(time, seconds)`: moves the sample session's clock to that moment of its day. */
export function sessionClock(request, session, code, facilitatorKey) {
	return (time, seconds = 0) =>
		request('PUT', `/api/sessions/${code}/clock`, { at: eventTime(session, time, seconds) }, facilitatorKey);
}
