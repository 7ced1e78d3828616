import { describe, expect, it } from 'vitest';
import { hashPassword, hashSecret, newSecret, verifyPassword } from './secrets.js';

describe('password hashing', () => {
  it('verifies the right password and refuses others', async () => {
    const hash = await hashPassword('correct horse battery staple', 10);
    expect(hash).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('Correct horse battery staple', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash and keeps its cost with it', async () => {
    const [a, b] = await Promise.all([hashPassword('same', 10), hashPassword('same', 11)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same', b)).toBe(true);
  });

  it('treats equivalent Unicode spellings alike', async () => {
    const hash = await hashPassword('caf\u00e9-password', 10);
    expect(await verifyPassword('cafe\u0301-password', hash)).toBe(true);
  });

  it('refuses stored values it does not understand', async () => {
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
    expect(await verifyPassword('x', '')).toBe(false);
  });
});

describe('bearer secrets', () => {
  it('are random, prefixed, and stored only as a hash', () => {
    const a = newSecret('keel');
    const b = newSecret('keel');
    expect(a).toMatch(/^keel_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(hashSecret(a)).toHaveLength(64);
    expect(hashSecret(a)).toBe(hashSecret(a));
    expect(hashSecret(a)).not.toContain(a);
  });
});
