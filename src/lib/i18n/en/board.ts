import type { BoardMessages } from '../id/board';

/** English for the participant's board (see ../id/board.ts); loaded only when someone chooses English. */
export const board: BoardMessages = {
	removal: {
		title: 'You were removed from this session',
		reason: 'The facilitator’s reason: {{reason}}',
		hint: 'This phone is no longer connected to the session. Speak to the facilitator if this is a mistake.'
	},
	phase: {
		name: {
			lobby: 'Lobby',
			writing: 'Silent writing',
			reveal: 'Reveal',
			grouping: 'Grouping',
			voting: 'Voting',
			discussion: 'Discussion',
			action: 'Action plan',
			closed: 'Closed'
		},
		hint: {
			lobby: 'Please wait; the discussion starts shortly.',
			lobbyOpen: 'Go ahead and post your input; everyone can see it.',
			writing: 'Write your own ideas. Other people’s input stays hidden for now.',
			reveal: 'All input is now open. Read it, then add what is missing.',
			grouping: 'Watch the input being sorted into themes; speak up if something is misplaced.',
			voting: 'Give your votes to the ideas that matter most.',
			discussion: 'Discuss the top themes together.',
			action: 'Follow the agreed action plan.',
			closed: 'The discussion is over. Thank you for your input.'
		},
		label: 'Stage',
		timeLeft: 'Time left',
		timeUp: 'Time is up',
		paused: 'Paused',
		minutesLeft: 'Time left: {{count}} min',
		underMinute: 'Less than a minute left',
		closedFor: {
			grouping: 'The facilitator is grouping the input.',
			timeUp: 'Time for this stage is up; new input is closed.',
			other: '{{kind}} is not open at this stage.'
		}
	},
	phone: {
		welcome: 'Welcome, {{name}}',
		waiting: 'The session has not started yet. This screen changes by itself when it does.',
		othersSent: 'Sent by other participants: {{count}}',
		ownOnly: 'Only you can read your input until the reveal.',
		ungrouped: 'Not grouped yet',
		pendingApproval: 'Waiting for the facilitator’s approval',
		thanks: 'Thank you!',
	},
	vote: {
		left: 'Your votes left: {{left}} of {{budget}}',
		cap: 'At most {{cap}} votes on one choice.',
		add: 'Add a vote',
		remove: 'Take a vote off',
		yours: 'Your votes: {{count}}',
		hidden: 'Results appear when the facilitator opens them.',
		results: 'Results',
		total: 'Votes: {{count}}',
		none: 'Nothing to vote on here yet.',
		noResults: 'No votes yet.',
		items: 'Items: {{count}}'
	},
	similar: {
		title: 'Something similar is already here:',
		support: 'Support this',
		supported: 'Supported',
		draftKept: 'Your text stays in the box: send it if it differs, or clear it.',
		supportVote: 'Give a vote'
	},
	links: {
		open: 'Link',
		title: 'Link this recommendation',
		hint: 'Tick the input this recommendation answers or builds on.',
		done: 'Done',
		none: 'Nothing to link yet.',
		linked: 'Linked',
		notYetOpen: 'Linked items not yet revealed: {{count}}'
	},
	actionPlan: {
		title: 'Action plan',
		number: 'No',
		activity: 'Activity',
		output: 'Output',
		pic: 'Responsible',
		timeframe: 'When',
		status: 'Status',
		empty: 'The action plan has not been drafted yet.',
		statuses: { rencana: 'Planned', berjalan: 'Under way', selesai: 'Done', tertunda: 'On hold' }
	},
	myData: {
		open: 'My data'
	}
};
