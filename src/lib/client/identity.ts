/** Who this phone is in a session: its own token, kept so a reload or a return is the same person. */
import { storageKeys } from './storage-keys';

export interface PhoneIdentity {
	token: string;
	participantId: string;
	name: string;
}

/** 192 random bits, base64url: made on the phone, only its hash reaches the database. */
export function newToken(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(24));
	return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function loadIdentity(code: string): PhoneIdentity | null {
	try {
		return JSON.parse(localStorage.getItem(storageKeys.participant(code)) ?? 'null');
	} catch {
		return null;
	}
}

export function saveIdentity(code: string, identity: PhoneIdentity) {
	localStorage.setItem(storageKeys.participant(code), JSON.stringify(identity));
}

export function forgetIdentity(code: string) {
	localStorage.removeItem(storageKeys.participant(code));
}
