import { describe, expect, it } from 'vitest';
import { bodyLimit, LARGEST_BODY, MAX_EVIDENCE_BODY, PHOTO_BODY, SMALL_BODY } from './body-limits';
import { MAX_EVIDENCE_BYTES, MAX_FILES_PER_UPDATE } from './evidence-file';
import { MAX_UPLOAD_BYTES } from './photo-image';

describe('request body limits by route', () => {
	it('take files only where files are taken', () => {
		expect(bodyLimit('/api/sessions/ABC123/photos').max).toBe(PHOTO_BODY);
		expect(bodyLimit('/api/sessions/ABC123/followup')).toEqual({ max: MAX_EVIDENCE_BODY, backTo: null });
		expect(bodyLimit('/t/ABC123/k3y?/update')).toEqual({ max: MAX_EVIDENCE_BODY, backTo: '/t/ABC123/k3y?error=file_too_large' });
		expect(bodyLimit('/org/program/p1/tindak-lanjut?/update').backTo).toBe('/org/program/p1/tindak-lanjut?error=file_too_large');
		for (const url of ['/api/sessions/ABC123/followup/summary', '/api/sessions/ABC123/items', '/t/ABC123/k3y/bukti/f1', '/', '/org/program/p1', undefined])
			expect(bodyLimit(url)).toEqual({ max: SMALL_BODY, backTo: null });
	});

	it('leave room for every file an update may carry, and adapter-node takes the largest', () => {
		expect(MAX_EVIDENCE_BODY).toBeGreaterThan(MAX_FILES_PER_UPDATE * MAX_EVIDENCE_BYTES);
		expect(PHOTO_BODY).toBeGreaterThan(MAX_UPLOAD_BYTES);
		expect(LARGEST_BODY).toBe(Math.max(PHOTO_BODY, MAX_EVIDENCE_BODY));
	});
});
