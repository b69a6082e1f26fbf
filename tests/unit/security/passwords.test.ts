import { describe, expect, it } from 'vitest';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../../src/security/passwords.js';

const COST = 12; // cheap for tests; the format is the same at the production cost (16)

describe('password hashing (scrypt)', () => {
  it('stores the algorithm, its parameters, a salt and the hash', async () => {
    const stored = await hashPassword('correct horse battery', COST);
    expect(stored).toMatch(/^scrypt\$12\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain('correct horse');
  });

  it('uses a fresh random salt every time', async () => {
    const [a, b] = await Promise.all([hashPassword('same password!', COST), hashPassword('same password!', COST)]);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery', COST);
    expect(await verifyPassword('correct horse battery', stored, COST)).toEqual({ ok: true, needsRehash: false });
    expect((await verifyPassword('correct horse batterY', stored, COST)).ok).toBe(false);
    expect((await verifyPassword('', stored, COST)).ok).toBe(false);
  });

  it('treats Unicode the same however it was typed (NFC)', async () => {
    const stored = await hashPassword('caf\u00e9 au lait!', COST);
    expect((await verifyPassword('cafe\u0301 au lait!', stored, COST)).ok).toBe(true);
  });

  it('asks for a rehash when the stored parameters are weaker than the current ones', async () => {
    const stored = await hashPassword('correct horse battery', 11);
    expect(await verifyPassword('correct horse battery', stored, 12)).toEqual({ ok: true, needsRehash: true });
    // ...but never for a wrong password.
    expect(await verifyPassword('wrong password here', stored, 12)).toEqual({ ok: false, needsRehash: false });
  });

  it.each([
    ['empty', ''],
    ['another scheme', 'bcrypt$2b$10$abc'],
    ['absurd cost (memory exhaustion)', 'scrypt$30$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['short salt', 'scrypt$12$8$1$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['missing parts', 'scrypt$12$8$1'],
  ])('never matches a malformed stored hash (%s)', async (_name, stored) => {
    expect((await verifyPassword('anything at all', stored, COST)).ok).toBe(false);
  });

  it('burns about as much time for an unknown user as a real check takes', async () => {
    const stored = await hashPassword('correct horse battery', COST);
    const time = async (fn: () => Promise<unknown>) => {
      const t = performance.now();
      for (let i = 0; i < 5; i++) await fn();
      return performance.now() - t;
    };
    const real = await time(() => verifyPassword('wrong guess 123', stored, COST));
    const burned = await time(() => burnPasswordCheck('wrong guess 123', COST));
    expect(burned).toBeGreaterThan(real * 0.4);
    expect(burned).toBeLessThan(real * 2.5);
  });
});
