import { describe, expect, it } from 'vitest';
import { isForbiddenAddress, urlProblem } from './webhook-target.rules';

describe('webhook target addresses', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd00:ec2::254',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::a9fe:a9fe',
    '[::1]',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows %s',
    (address) => {
      expect(isForbiddenAddress(address)).toBe(false);
    },
  );

  it('accepts https only, unless http is allowed', () => {
    expect(urlProblem('https://example.com/hook', { allowHttp: false })).toBeNull();
    expect(urlProblem('http://example.com/hook', { allowHttp: false })).toMatch(/https/);
    expect(urlProblem('http://example.com/hook', { allowHttp: true })).toBeNull();
    expect(urlProblem('ftp://example.com/hook', { allowHttp: true })).not.toBeNull();
    expect(urlProblem(`https://example.com/${'a'.repeat(1000)}`, { allowHttp: false })).toMatch(
      /longer/,
    );
  });
});
