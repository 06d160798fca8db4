/**
 * The handler table: what each command does, one entry per type of the command schema. Who may
 * send it and whether it runs after the close is the domain's table (POLICY in
 * domain/authorize.ts), keyed the same way; both are complete, or `npm run check` fails.
 */
import { attendanceHandlers } from './attendance';
import { boardHandlers } from './board';
import type { HandlerTable } from './context';
import { itemHandlers } from './items';
import { projectorHandlers } from './projector';
import { roomHandlers } from './room';
import { sessionHandlers } from './session';

export const HANDLERS: HandlerTable = { ...itemHandlers, ...sessionHandlers, ...boardHandlers, ...attendanceHandlers, ...roomHandlers, ...projectorHandlers };

