import { describe, expect, it } from 'vitest';
import { deviceProofFor, keepDeviceProof } from './device-proof';

const memory = () => {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
};

describe('device proofs', () => {
  it('keeps one proof per e-mail, whatever its case, and ignores an empty one', () => {
    const storage = memory();
    expect(deviceProofFor('a@example.com', storage)).toBeNull();
    keepDeviceProof('A@Example.com ', 'proof-a', storage);
    keepDeviceProof('b@example.com', 'proof-b', storage);
    keepDeviceProof('b@example.com', null, storage);
    expect(deviceProofFor('a@example.com', storage)).toBe('proof-a');
    expect(deviceProofFor('B@example.com', storage)).toBe('proof-b');
  });

  it('survives a damaged entry', () => {
    const storage = memory();
    storage.setItem('pace.devices', '{not json');
    expect(deviceProofFor('a@example.com', storage)).toBeNull();
    keepDeviceProof('a@example.com', 'fresh', storage);
    expect(deviceProofFor('a@example.com', storage)).toBe('fresh');
  });
});
