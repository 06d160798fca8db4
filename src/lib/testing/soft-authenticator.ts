/**
 * A software passkey for unit specs: makes the same JSON answers a browser hands over after
 * navigator.credentials.create()/get(), with a real P-256 key, "none" attestation and a signature
 * counter, so the server's checks run against genuine signatures. Each answer can be bent
 * (another origin, an old counter) to show that the server refuses it.
 */
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { isoCBOR } from '@simplewebauthn/server/helpers';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();
const b64 = (data: Uint8Array) => Buffer.from(data).toString('base64url');

/** Authenticator data flags: user present, user verified, attested credential data included. */
const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

export class SoftAuthenticator {
	readonly credentialId = randomBytes(16);
	readonly keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	counter = 0;
	userHandle: string | undefined;

	constructor(
		readonly origin: string,
		readonly rpId = new URL(origin).hostname
	) {}

	get id() {
		return b64(this.credentialId);
	}

	#authData(flags: number, counter: number, attested?: Buffer) {
		const head = Buffer.alloc(37);
		sha256(this.rpId).copy(head, 0);
		head[32] = flags;
		head.writeUInt32BE(counter, 33);
		return attested ? Buffer.concat([head, attested]) : head;
	}

	#cosePublicKey() {
		const jwk = this.keys.publicKey.export({ format: 'jwk' });
		const coords = (v: string | undefined) => new Uint8Array(Buffer.from(v ?? '', 'base64url'));
		// kty EC2, alg ES256, crv P-256, x, y
		return isoCBOR.encode(
			new Map<number, number | Uint8Array>([
				[1, 2],
				[3, -7],
				[-1, 1],
				[-2, coords(jwk.x)],
				[-3, coords(jwk.y)]
			])
		);
	}

	/** The answer to registration options (`challenge`, `user.id`), as from navigator.credentials.create(). */
	register(options: { challenge: string; user: { id: string } }, bend: { origin?: string; verified?: boolean } = {}): RegistrationResponseJSON {
		this.userHandle = options.user.id;
		const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.create', challenge: options.challenge, origin: bend.origin ?? this.origin, crossOrigin: false }));
		const idLength = Buffer.alloc(2);
		idLength.writeUInt16BE(this.credentialId.length);
		const attested = Buffer.concat([Buffer.alloc(16), idLength, this.credentialId, Buffer.from(this.#cosePublicKey())]);
		const flags = UP | AT | (bend.verified === false ? 0 : UV);
		const attestationObject = isoCBOR.encode(
			new Map<string, string | Uint8Array | Map<string, string>>([
				['fmt', 'none'],
				['attStmt', new Map<string, string>()],
				['authData', new Uint8Array(this.#authData(flags, this.counter, attested))]
			])
		);
		return {
			id: this.id,
			rawId: this.id,
			type: 'public-key',
			clientExtensionResults: {},
			response: { clientDataJSON: b64(clientDataJSON), attestationObject: b64(attestationObject), transports: ['internal'] }
		};
	}

	/** The answer to sign-in options, as from navigator.credentials.get(); counts up unless told a counter. */
	authenticate(options: { challenge: string }, bend: { origin?: string; counter?: number; userHandle?: string } = {}): AuthenticationResponseJSON {
		const counter = bend.counter ?? ++this.counter;
		const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin: bend.origin ?? this.origin, crossOrigin: false }));
		const authenticatorData = this.#authData(UP | UV, counter);
		const signature = sign('sha256', Buffer.concat([authenticatorData, sha256(clientDataJSON)]), this.keys.privateKey);
		return {
			id: this.id,
			rawId: this.id,
			type: 'public-key',
			clientExtensionResults: {},
			response: {
				clientDataJSON: b64(clientDataJSON),
				authenticatorData: b64(authenticatorData),
				signature: b64(signature),
				userHandle: bend.userHandle ?? this.userHandle
			}
		};
	}
}

/** A fresh random challenge in options' shape, for an answer the server never asked for. */
export const strayChallenge = () => ({ challenge: randomBytes(32).toString('base64url') });
