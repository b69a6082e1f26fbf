/** The API tokens repository's contract: made, listed, counted and revoked by their owner only. */
import { describe, expect, it } from 'vitest';
import type { DriverUnderTest } from './drivers.js';
import { nextMillisecond } from './fixtures.js';

const token = (id: string, userId: string, name = 'careers portal') => ({ id, userId, name, secretHash: 'c0ffee'.repeat(10) + 'abcd', scopes: ['read' as const, 'write' as const] });

export function apiTokensContract(driver: () => DriverUnderTest): void {
  describe('api tokens', () => {
    it('create returns the token without its secret hash; findById has it', async () => {
      const { repos } = driver();
      await repos.users.register('acct', 'api@example.com', 'scrypt$1');
      const made = await repos.apiTokens.create(token('tok-1', 'acct'), 10);
      expect(made).toEqual({ id: 'tok-1', userId: 'acct', name: 'careers portal', scopes: ['read', 'write'], createdAt: expect.any(Date), lastUsedAt: null });
      expect(made).not.toHaveProperty('secretHash');
      expect(await repos.apiTokens.findById('tok-1')).toEqual({ ...made, secretHash: token('tok-1', 'acct').secretHash });
      expect(await repos.apiTokens.findById('tok-none')).toBeUndefined();
    });

    it('the same token id twice is refused by the database on both drivers', async () => {
      const { repos, countRows } = driver();
      await repos.users.register('acct', 'api@example.com', 'scrypt$1');
      await repos.apiTokens.create(token('tok-1', 'acct'), 10);
      await expect(repos.apiTokens.create(token('tok-1', 'acct', 'again'), 10)).rejects.toThrow();
      expect(await countRows('api_tokens')).toBe(1);
    });

    it('stops at the limit per owner (null); tokens made at once never overshoot it', async () => {
      const { repos, countRows } = driver();
      await repos.users.register('acct', 'api@example.com', 'scrypt$1');
      expect(await repos.apiTokens.create(token('tok-1', 'acct'), 2)).not.toBeNull();
      expect(await repos.apiTokens.create(token('tok-2', 'acct'), 2)).not.toBeNull();
      expect(await repos.apiTokens.create(token('tok-3', 'acct'), 2)).toBeNull();
      await repos.users.register('other', 'other@example.com', 'scrypt$2');
      const made = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((n) => repos.apiTokens.create(token(`tok-other-${n}`, 'other'), 3)));
      expect(made.filter((t) => t !== null)).toHaveLength(3);
      expect(await countRows('api_tokens', { column: 'user_id', value: 'other' })).toBe(3);
    });

    it('listByOwner: newest first, only the owner’s', async () => {
      const { repos } = driver();
      await repos.users.register('acct', 'api@example.com', 'scrypt$1');
      await repos.users.register('other', 'other@example.com', 'scrypt$2');
      await repos.apiTokens.create({ ...token('tok-old', 'acct', 'old'), scopes: ['read'] }, 10);
      await nextMillisecond();
      await repos.apiTokens.create(token('tok-new', 'acct', 'new'), 10);
      await repos.apiTokens.create(token('tok-theirs', 'other'), 10);
      const listed = await repos.apiTokens.listByOwner('acct');
      expect(listed.map((t) => [t.id, t.scopes])).toEqual([
        ['tok-new', ['read', 'write']],
        ['tok-old', ['read']],
      ]);
      expect(await repos.apiTokens.listByOwner('nobody')).toEqual([]);
    });

    it('revoke: only by the owner', async () => {
      const { repos } = driver();
      await repos.users.register('acct', 'api@example.com', 'scrypt$1');
      await repos.users.register('other', 'other@example.com', 'scrypt$2');
      await repos.apiTokens.create(token('tok-1', 'acct'), 10);
      expect(await repos.apiTokens.revoke('tok-1', 'other')).toBe(false);
      expect(await repos.apiTokens.findById('tok-1')).toBeDefined();
      expect(await repos.apiTokens.revoke('tok-1', 'acct')).toBe(true);
      expect(await repos.apiTokens.revoke('tok-1', 'acct')).toBe(false);
      expect(await repos.apiTokens.findById('tok-1')).toBeUndefined();
    });

    it('touch records when the token was last used', async () => {
      const { repos } = driver();
      await repos.users.register('acct', 'api@example.com', 'scrypt$1');
      await repos.apiTokens.create(token('tok-1', 'acct'), 10);
      const at = new Date('2026-07-08T09:10:11.012Z');
      await repos.apiTokens.touch('tok-1', at);
      expect((await repos.apiTokens.findById('tok-1'))?.lastUsedAt).toEqual(at);
      expect((await repos.apiTokens.listByOwner('acct'))[0]?.lastUsedAt).toEqual(at);
    });
  });
}
