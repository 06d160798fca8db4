/** Small boards for the view specs. */
import type { ItemView } from '../domain/types';

export function item(id: string, kind: string, extra: Partial<ItemView> = {}): ItemView {
	return {
		id,
		kind,
		text: `text ${id}`,
		authorId: 'p1',
		anonymous: false,
		createdAt: '2025-10-24T01:00:00.000Z',
		updatedAt: '2025-10-24T01:00:00.000Z',
		status: 'visible',
		themeId: null,
		mergedFrom: [],
		...extra
	};
}
