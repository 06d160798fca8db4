/** Who may do what: the one place that authorizes commands. Pure, so it is tested alone. */
import type { Role } from './types';

export type CommandType = 'item.add' | 'item.edit' | 'item.delete' | 'session.settings' | 'session.close';

/** Who may send each command. Exported so the authorization matrix test covers every command listed here. */
export const ALLOWED: Record<CommandType, Role[]> = {
	'item.add': ['participant'],
	'item.edit': ['participant'],
	'item.delete': ['participant'],
	'session.settings': ['facilitator'],
	'session.close': ['facilitator']
};

/** True when `role` may send `type`; for item commands the caller must also own the item. */
export function mayRun(role: Role, type: CommandType): boolean {
	return ALLOWED[type].includes(role);
}

/** A participant touches only their own items. */
export function mayTouchItem(participantId: string | null, authorId: string): boolean {
	return participantId !== null && participantId === authorId;
}
