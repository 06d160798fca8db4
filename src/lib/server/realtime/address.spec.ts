import { describe, expect, it } from 'vitest';
import { socketAddress } from './address';

describe('socketAddress', () => {
	it("is the socket's peer unless a proxy header is configured", () => {
		expect(socketAddress({ 'x-forwarded-for': '203.0.113.9' }, '127.0.0.1', {})).toBe('127.0.0.1');
	});

	it('takes the address the trusted proxy added, not one a phone wrote itself', () => {
		const env = { ADDRESS_HEADER: 'X-Forwarded-For', XFF_DEPTH: '1' };
		expect(socketAddress({ 'x-forwarded-for': '10.0.0.66, 203.0.113.9' }, '127.0.0.1', env)).toBe('203.0.113.9');
		expect(socketAddress({ 'x-forwarded-for': '10.0.0.66, 203.0.113.9, 192.0.2.1' }, '127.0.0.1', { ...env, XFF_DEPTH: '2' })).toBe('203.0.113.9');
	});

	it('reads another header whole, and falls back to the peer when the header is missing', () => {
		expect(socketAddress({ 'x-real-ip': '203.0.113.9' }, '127.0.0.1', { ADDRESS_HEADER: 'x-real-ip' })).toBe('203.0.113.9');
		expect(socketAddress({}, '127.0.0.1', { ADDRESS_HEADER: 'x-real-ip' })).toBe('127.0.0.1');
	});
});
