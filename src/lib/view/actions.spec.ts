import { describe, expect, it } from 'vitest';
import { DEFAULT_GROUPS } from '../domain/defaults';
import type { ActionRow } from '../domain/types';
import { picLine } from './actions';

const row = (pic: ActionRow['pic']) => ({ pic }) as ActionRow;

describe('picLine', () => {
	it('joins name, institution and the group in the chosen language', () => {
		const pic = { name: 'Sri Wahyuningsih', institution: 'DPMD Kukar', group: 'pemerintah' };
		expect(picLine(row(pic), DEFAULT_GROUPS, 'id')).toBe('Sri Wahyuningsih – DPMD Kukar – Pemerintah (OPD / kecamatan / desa)');
		expect(picLine(row(pic), DEFAULT_GROUPS, 'en')).toBe('Sri Wahyuningsih – DPMD Kukar – Government');
	});

	it('leaves out what is empty', () => {
		expect(picLine(row({ name: '', institution: 'Bappeda', group: '' }), DEFAULT_GROUPS, 'id')).toBe('Bappeda');
	});
});
