/** Who this phone is in a session: its own token, kept so a reload or a return is the same person. */
export interface PhoneIdentity {
	token: string;
	participantId: string;
	name: string;
}

const key = (code: string) => `rembuk:participant:${code}`;

/** 192 random bits, base64url: made on the phone, only its hash reaches the database. */
export function newToken(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(24));
	return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function loadIdentity(code: string): PhoneIdentity | null {
	try {
		return JSON.parse(localStorage.getItem(key(code)) ?? 'null');
	} catch {
		return null;
	}
}

export function saveIdentity(code: string, identity: PhoneIdentity) {
	localStorage.setItem(key(code), JSON.stringify(identity));
}

export function forgetIdentity(code: string) {
	localStorage.removeItem(key(code));
}
