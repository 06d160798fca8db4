/**
 * The sessions this browser ran, newest first, so the letterhead card can offer "the last one"'s
 * letterhead to a new session without asking the server for a list it must not give out.
 */
import { storageKeys, type StaffRole } from './storage-keys';

interface Visit {
	code: string;
	/** When this browser first opened the session's console: "newest" means created last. */
	createdAt: string;
}

/** How many sessions the list keeps: enough for a year of FGDs, small enough for localStorage. */
const KEEP = 50;

function visits(storage: Storage): Visit[] {
	try {
		const parsed: unknown = JSON.parse(storage.getItem(storageKeys.sessions) ?? '[]');
		if (!Array.isArray(parsed)) return [];
		return parsed.filter((v): v is Visit => typeof v?.code === 'string' && typeof v?.createdAt === 'string');
	} catch {
		return []; // a damaged list is started again
	}
}

/** Every session this browser holds a key for in `role`, with the key, found by the key's name. */
function heldKeys(role: StaffRole, storage: Storage = localStorage): { code: string; key: string }[] {
	const prefix = storageKeys.staffKey('', role);
	const held: { code: string; key: string }[] = [];
	for (let i = 0; i < storage.length; i++) {
		const name = storage.key(i) ?? '';
		const code = name.slice(prefix.length);
		if (name.startsWith(prefix) && /^[A-Z0-9]{6}$/.test(code)) held.push({ code, key: storage.getItem(name) ?? '' });
	}
	return held;
}

/** Notes that this browser opened `code`'s console, the first time only. */
export function rememberSession(code: string, storage: Storage = localStorage, now = new Date()): void {
	const list = visits(storage);
	if (list.some((v) => v.code === code)) return;
	list.push({ code, createdAt: now.toISOString() });
	storage.setItem(storageKeys.sessions, JSON.stringify(list.slice(-KEEP)));
}

/** Other sessions this browser holds a facilitator key for: newest first, unlisted ones last. */
export function previousSessions(code: string, storage: Storage = localStorage): { code: string; key: string }[] {
	rememberSession(code, storage);
	const held = heldKeys('facilitator', storage).filter((h) => h.code !== code);
	const listed = visits(storage)
		.filter((v) => v.code !== code)
		.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
		.flatMap((v) => held.filter((h) => h.code === v.code));
	return [...listed, ...held.filter((h) => !listed.includes(h))];
}
