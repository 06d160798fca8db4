/**
 * The passkey endpoints' bodies, checked once at the boundary: the browser's WebAuthn answers in
 * their JSON form (base64url strings), bounded in size. What the strings hold is SimpleWebAuthn's
 * to verify; fields this schema does not name pass through untouched.
 */
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { z } from 'zod';

const b64url = (max: number) => z.string().max(max).regex(/^[A-Za-z0-9_-]*={0,2}$/, 'base64url');

const common = {
	id: b64url(1400).min(1),
	rawId: b64url(1400).min(1),
	type: z.literal('public-key'),
	clientExtensionResults: z.looseObject({}),
	authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional()
};

export const signInBody = z.object({
	response: z.looseObject({
		...common,
		response: z.looseObject({
			clientDataJSON: b64url(4000),
			authenticatorData: b64url(4000),
			signature: b64url(1000),
			userHandle: b64url(200).optional()
		})
	})
});

export const registerBody = z.object({
	name: z.string().max(200),
	response: z.looseObject({
		...common,
		response: z.looseObject({
			clientDataJSON: b64url(4000),
			attestationObject: b64url(16000),
			transports: z.array(z.string().max(20)).max(10).optional()
		})
	})
});

export const asAuthentication = (body: z.infer<typeof signInBody>) => body.response as unknown as AuthenticationResponseJSON;
export const asRegistration = (body: z.infer<typeof registerBody>) => body.response as unknown as RegistrationResponseJSON;
