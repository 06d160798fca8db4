import type { Messages } from '../messages';
import type { myData as id } from '../id/my-data';

/** "Data saya" on the phone, English (see ../id/my-data.ts). */
export const myData: Messages<typeof id> = {
	title: 'My data in Rembuk',
	intro: 'This is all the personal data Rembuk keeps about you for this session (Indonesian Personal Data Protection Law No. 27/2022).',
	name: 'Name',
	group: 'Group',
	institution: 'Institution',
	position: 'Position',
	sex: 'Sex',
	consent: 'Consent given',
	notGiven: '(not given)',
	items: 'Your posts ({{count}})',
	anonymous: 'anonymous',
	noItems: 'No posts yet.',
	retention: 'Kept until {{months}} months after the session closed ({{date}}), then anonymised.',
	retentionOpen: 'Kept until {{months}} months after the session closes, then anonymised.',
	request: 'Ask to delete my data',
	confirm: 'The organizer will delete your name, institution, position and sex (within 3×24 hours). Your posts stay, without your name. Send the request?',
	send: 'Yes, send the request',
	cancel: 'Cancel',
	requested: 'Deletion request sent on {{date}}. The organizer will act on it within 3×24 hours.',
	close: 'Close',
	loading: 'Loading…'
};
