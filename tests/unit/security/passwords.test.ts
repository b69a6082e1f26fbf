import crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
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

  // Equal work is what makes the timing equal; measuring wall-clock time here would be flaky
  // on a busy machine, so the test checks the scrypt calls themselves.
  it('does the same scrypt work for an unknown user as a real check does', async () => {
    const stored = await hashPassword('correct horse battery', COST);
    const recorded: unknown[] = [];
    const original = crypto.scrypt;
    const wrapped = vi.spyOn(crypto, 'scrypt').mockImplementation(((...args: Parameters<typeof crypto.scrypt>) => {
      recorded.push({ keyLength: args[2], options: args[3] });
      return (original as (...a: unknown[]) => void)(...args);
    }) as typeof crypto.scrypt);
    try {
      await verifyPassword('wrong guess 123', stored, COST);
      await burnPasswordCheck('wrong guess 123', COST);
    } finally {
      wrapped.mockRestore();
    }
    expect(recorded).toHaveLength(2);
    expect(recorded[1]).toEqual(recorded[0]);
    expect(recorded[0]).toMatchObject({ keyLength: 32, options: { N: 2 ** COST, r: 8, p: 1 } });
  });
});
