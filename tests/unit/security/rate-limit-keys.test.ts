import { describe, expect, it } from 'vitest';
import type { FastifyRequest } from 'fastify';
import { addressKey, visitorKey } from '../../../src/security/rate-limits.js';

const request = (ip: string, visitorId?: string) =>
  ({ ip, session: { get: (key: string) => (key === 'visitorId' ? visitorId : undefined) } }) as unknown as FastifyRequest;

describe('rate-limit keys', () => {
  it('uses the visitor id from the cookie when there is one, else the address', () => {
    expect(visitorKey(request('10.0.0.1', 'abc'))).toBe('v:abc');
    expect(visitorKey(request('10.0.0.1'))).toBe('ip:10.0.0.1');
  });

  it('treats an IPv4-mapped address as IPv4', () => {
    expect(addressKey(request('::ffff:192.0.2.7'))).toBe('ip:192.0.2.7');
  });

  it('groups an IPv6 client by its /64, however the address is written', () => {
    const a = addressKey(request('2001:db8:1:2:aaaa:bbbb:cccc:dddd'));
    expect(a).toBe('ip6:2001:db8:1:2::/64');
    expect(addressKey(request('2001:0db8:0001:0002::1'))).toBe(a);
    expect(addressKey(request('2001:db8:1:3::1'))).not.toBe(a);
    expect(addressKey(request('::1'))).toBe('ip6:0:0:0:0::/64');
  });
});
