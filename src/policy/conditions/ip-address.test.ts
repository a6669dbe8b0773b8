import { describe, expect, it } from 'vitest';
import { cidrContains, parseCidr, parseIp } from './ip-address.js';

const inBlock = (cidr: string, ip: string) => cidrContains(parseCidr(cidr)!, parseIp(ip)!);

describe('IP addresses', () => {
  it('matches IPv4 blocks at any prefix length', () => {
    expect(inBlock('203.0.113.0/24', '203.0.113.9')).toBe(true);
    expect(inBlock('203.0.113.0/24', '203.0.114.9')).toBe(false);
    expect(inBlock('10.0.0.0/9', '10.127.255.255')).toBe(true);
    expect(inBlock('10.0.0.0/9', '10.128.0.0')).toBe(false);
    expect(inBlock('0.0.0.0/0', '198.51.100.1')).toBe(true);
  });

  it('treats an address without prefix as a single host', () => {
    expect(inBlock('192.0.2.1', '192.0.2.1')).toBe(true);
    expect(inBlock('192.0.2.1', '192.0.2.2')).toBe(false);
  });

  it('matches IPv6 blocks, with compressed forms', () => {
    expect(inBlock('2001:DB8:1234:5678::/64', '2001:db8:1234:5678:abcd::1')).toBe(true);
    expect(inBlock('2001:DB8:1234:5678::/64', '2001:db8:1234:5679::1')).toBe(false);
    expect(inBlock('::1/128', '::1')).toBe(true);
  });

  it('never mixes families, except IPv4-mapped IPv6 addresses', () => {
    expect(inBlock('0.0.0.0/0', '2001:db8::1')).toBe(false);
    expect(inBlock('127.0.0.0/8', '::ffff:127.0.0.1')).toBe(true);
  });

  it('rejects malformed input', () => {
    expect(parseCidr('300.1.1.1/8')).toBeUndefined();
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseIp('1:2:3')).toBeUndefined();
    expect(parseIp('1::2::3')).toBeUndefined();
    expect(parseIp('abc')).toBeUndefined();
  });
});
