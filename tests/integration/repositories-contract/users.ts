/** The users repository's contract: visitors, accounts, sign-ins, operators, merging and deleting. */
import { describe, expect, it } from 'vitest';
import { SIGN_INS_PER_ACCOUNT } from '../../../src/repositories/users-repository.js';
import type { SpeechSummary } from '../../../src/speech/types.js';
import type { DriverUnderTest } from './drivers.js';
import { seedSession } from './fixtures.js';

export function usersContract(driver: () => DriverUnderTest): void {
  describe('users', () => {
    it('ensure makes a guest row once, read back with the right types', async () => {
      const { repos, countRows } = driver();
      await repos.users.ensure('guest-1');
      await repos.users.ensure('guest-1');
      expect(await countRows('users')).toBe(1);
      const row = await repos.users.findById('guest-1');
      expect(row).toMatchObject({ id: 'guest-1', email: null, passwordHash: null, authVersion: 0, lastActiveAt: null, operatorSince: null });
      expect(row?.createdAt).toBeInstanceOf(Date);
      expect(await repos.users.findById('nobody')).toBeUndefined();
    });

    it('register turns a guest into an account; a second register is not_guest; the address is then taken', async () => {
      const { repos } = driver();
      await repos.users.ensure('guest-1');
      expect(await repos.users.register('guest-1', 'ada@example.com', 'scrypt$hash-1')).toBe(1);
      expect(await repos.users.findByEmail('ada@example.com')).toMatchObject({ id: 'guest-1', passwordHash: 'scrypt$hash-1', authVersion: 1 });
      expect(await repos.users.register('guest-1', 'ada2@example.com', 'scrypt$hash-2')).toBe('not_guest');
      await repos.users.ensure('guest-2');
      expect(await repos.users.register('guest-2', 'ada@example.com', 'scrypt$hash-3')).toBe('email_taken');
      expect(await repos.users.findById('guest-2')).toMatchObject({ email: null, authVersion: 0 });
      // A visitor with no row yet (registering on the first visit) gets one.
      expect(await repos.users.register('fresh', 'grace@example.com', 'scrypt$hash-4')).toBe(1);
      expect(await repos.users.findByEmail('nobody@example.com')).toBeUndefined();
    });

    it('two guests registering the same address at once: one account, the other email_taken', async () => {
      const { repos, countRows } = driver();
      await repos.users.ensure('guest-a');
      await repos.users.ensure('guest-b');
      const results = await Promise.all([
        repos.users.register('guest-a', 'same@example.com', 'scrypt$a'),
        repos.users.register('guest-b', 'same@example.com', 'scrypt$b'),
      ]);
      expect([...results].sort()).toEqual([1, 'email_taken']);
      expect(await countRows('users', { column: 'email', value: 'same@example.com' })).toBe(1);
    });

    it('at once: two ensures make one row; the same guest registering twice gets one account and not_guest', async () => {
      const { repos, countRows } = driver();
      await Promise.all([repos.users.ensure('guest'), repos.users.ensure('guest')]);
      expect(await countRows('users', { column: 'id', value: 'guest' })).toBe(1);
      const results = await Promise.all([
        repos.users.register('guest', 'tab-one@example.com', 'scrypt$1'),
        repos.users.register('guest', 'tab-two@example.com', 'scrypt$2'),
      ]);
      expect([...results].sort()).toEqual([1, 'not_guest']);
      expect((await repos.users.findById('guest'))?.authVersion).toBe(1);
    });

    it('setPasswordHash: only accounts; signing out everywhere bumps the version and ends every sign-in', async () => {
      const { repos, countRows } = driver();
      await repos.users.ensure('guest');
      expect(await repos.users.setPasswordHash('guest', 'scrypt$x', true)).toBeNull();
      await repos.users.register('acct', 'lin@example.com', 'scrypt$1');
      const first = await repos.users.createSignIn('acct');
      expect(await repos.users.setPasswordHash('acct', 'scrypt$2', false)).toBe(1);
      expect(await repos.users.hasSignIn(first, 'acct')).toBe(true);
      expect(await repos.users.setPasswordHash('acct', 'scrypt$3', true)).toBe(2);
      expect(await repos.users.hasSignIn(first, 'acct')).toBe(false);
      expect(await countRows('sign_ins', { column: 'user_id', value: 'acct' })).toBe(0);
      expect((await repos.users.findById('acct'))?.passwordHash).toBe('scrypt$3');
    });

    it('sign-ins belong to their account: another account cannot check or end them', async () => {
      const { repos } = driver();
      await repos.users.register('acct-1', 'one@example.com', 'scrypt$1');
      await repos.users.register('acct-2', 'two@example.com', 'scrypt$2');
      const id = await repos.users.createSignIn('acct-1');
      expect(id).toMatch(/^[\w-]{32}$/);
      expect(await repos.users.hasSignIn(id, 'acct-2')).toBe(false);
      await repos.users.endSignIn(id, 'acct-2');
      expect(await repos.users.hasSignIn(id, 'acct-1')).toBe(true);
      await repos.users.endSignIn(id, 'acct-1');
      expect(await repos.users.hasSignIn(id, 'acct-1')).toBe(false);
    });

    it('endAllSignIns: bumps the version and ends every sign-in of an account; false for a guest or nobody', async () => {
      const { repos, countRows } = driver();
      await repos.users.register('acct', 'mo@example.com', 'scrypt$1');
      await repos.users.createSignIn('acct');
      await repos.users.createSignIn('acct');
      expect(await repos.users.endAllSignIns('acct')).toBe(true);
      expect(await countRows('sign_ins', { column: 'user_id', value: 'acct' })).toBe(0);
      expect((await repos.users.findById('acct'))?.authVersion).toBe(2);
      await repos.users.ensure('guest');
      expect(await repos.users.endAllSignIns('guest')).toBe(false);
      expect(await repos.users.endAllSignIns('nobody')).toBe(false);
    });

    it(`keeps the newest ${SIGN_INS_PER_ACCOUNT} sign-ins of an account, signing the oldest out`, async () => {
      const { repos, countRows } = driver();
      await repos.users.register('acct', 'busy@example.com', 'scrypt$1');
      const ids: string[] = [];
      for (let i = 0; i < SIGN_INS_PER_ACCOUNT + 2; i++) ids.push(await repos.users.createSignIn('acct'));
      expect(await countRows('sign_ins', { column: 'user_id', value: 'acct' })).toBe(SIGN_INS_PER_ACCOUNT);
      expect(await repos.users.hasSignIn(ids[0]!, 'acct')).toBe(false);
      expect(await repos.users.hasSignIn(ids[1]!, 'acct')).toBe(false);
      expect(await repos.users.hasSignIn(ids[2]!, 'acct')).toBe(true);
      expect(await repos.users.hasSignIn(ids.at(-1)!, 'acct')).toBe(true);
    });

    it(`sign-ins made at once still leave exactly ${SIGN_INS_PER_ACCOUNT}`, async () => {
      const { repos, countRows } = driver();
      await repos.users.register('acct', 'many@example.com', 'scrypt$1');
      for (let i = 0; i < SIGN_INS_PER_ACCOUNT - 2; i++) await repos.users.createSignIn('acct');
      const made = await Promise.all(Array.from({ length: 6 }, () => repos.users.createSignIn('acct')));
      expect(new Set(made).size).toBe(6);
      expect(await countRows('sign_ins', { column: 'user_id', value: 'acct' })).toBe(SIGN_INS_PER_ACCOUNT);
    });

    it('operators: only accounts can be one; listed earliest first with their dates', async () => {
      const { repos } = driver();
      await repos.users.ensure('guest');
      expect(await repos.users.setOperator('guest', new Date('2026-01-01T00:00:00Z'))).toBe(false);
      expect(await repos.users.setOperator('nobody', new Date('2026-01-01T00:00:00Z'))).toBe(false);
      await repos.users.register('later', 'later@example.com', 'scrypt$1');
      await repos.users.register('earlier', 'earlier@example.com', 'scrypt$2');
      const since = new Date('2026-02-03T04:05:06.789Z');
      expect(await repos.users.setOperator('later', new Date(since.getTime() + 1))).toBe(true);
      expect(await repos.users.setOperator('earlier', since)).toBe(true);
      const operators = await repos.users.listOperators();
      expect(operators).toEqual([
        { id: 'earlier', email: 'earlier@example.com', operatorSince: since },
        { id: 'later', email: 'later@example.com', operatorSince: new Date(since.getTime() + 1) },
      ]);
      expect(operators[0]?.operatorSince).toBeInstanceOf(Date);
      expect(await repos.users.setOperator('later', null)).toBe(true);
      expect((await repos.users.listOperators()).map((o) => o.id)).toEqual(['earlier']);
    });

    it('touch records activity at most once a minute', async () => {
      const { repos } = driver();
      await repos.users.ensure('guest');
      const at = new Date('2026-05-06T07:08:09.123Z');
      expect(await repos.users.touch('guest', at)).toBe(true);
      expect(await repos.users.touch('guest', new Date(at.getTime() + 59_000))).toBe(false);
      expect((await repos.users.findById('guest'))?.lastActiveAt).toEqual(at);
      expect(await repos.users.touch('guest', new Date(at.getTime() + 61_000))).toBe(true);
      expect((await repos.users.findById('guest'))?.lastActiveAt).toEqual(new Date(at.getTime() + 61_000));
      expect(await repos.users.touch('nobody', at)).toBe(false);
    });

    it("mergeGuestInto moves a guest's interviews into the account and removes the guest; never takes from an account", async () => {
      const { repos, countRows } = driver();
      await seedSession(repos, 'guest');
      await seedSession(repos, 'guest');
      await repos.users.register('acct', 'kim@example.com', 'scrypt$1');
      await seedSession(repos, 'other-acct');
      await repos.users.register('other-acct', 'other@example.com', 'scrypt$2');
      expect(await repos.users.mergeGuestInto('acct', 'acct')).toBe(0);
      expect(await repos.users.mergeGuestInto('other-acct', 'acct')).toBe(0);
      expect(await repos.users.mergeGuestInto('nobody', 'acct')).toBe(0);
      expect(await repos.users.mergeGuestInto('guest', 'acct')).toBe(2);
      expect(await repos.users.findById('guest')).toBeUndefined();
      expect(await repos.sessions.listIdsByOwner('acct')).toHaveLength(2);
      expect(await countRows('interview_sessions', { column: 'owner_id', value: 'other-acct' })).toBe(1);
    });

    it("mergeGuestInto gives the account the guest's unattached recording summaries, so an answer sent after signing in gets its metrics", async () => {
      const { repos } = driver();
      const session = await seedSession(repos, 'guest');
      const at = new Date('2026-05-06T07:08:09.000Z');
      const summary: SpeechSummary = {
        version: 1, durationSeconds: 40, speakingSeconds: 36, silentSeconds: 4, timeToFirstWord: 0.8, speechSeconds: 37, longPauseCount: 0, longPauses: [],
        level: { meanDb: -23, sdDb: 4, maxDb: -6 }, pitch: { medianHz: 180, variationSemitones: 2.5, rangeSemitones: 8, voicedSeconds: 31 },
        rate: { syllables: 200, estimatedWpm: 140, words: null, wpm: null }, fillers: null,
        transcript: { available: false, segments: 0, failedSegments: 0 }, envelope: { stepSeconds: 0.5, levelDb: [], pitchHz: [] }, endedBy: 'stop',
      };
      const row = { id: 'rec-1', ownerId: 'guest', sessionId: session.id, summary, createdAt: at, expiresAt: new Date(at.getTime() + 600_000) };
      expect(await repos.recordingSummaries.save(row, 20)).toBe(true);
      await repos.users.register('acct', 'sam@example.com', 'scrypt$1');
      expect(await repos.users.mergeGuestInto('guest', 'acct')).toBe(1);
      expect(await repos.recordingSummaries.take('rec-1', session.id, 'guest', at)).toBeNull();
      expect((await repos.recordingSummaries.take('rec-1', session.id, 'acct', at))?.summary).toEqual(summary);
    });

    it('delete removes a user and, by cascade, their interviews, messages, sign-ins and tokens', async () => {
      const { repos, countRows } = driver();
      const session = await seedSession(repos, 'acct');
      await repos.users.register('acct', 'gone@example.com', 'scrypt$1');
      await repos.messages.append({ sessionId: session.id, ownerId: 'acct', kind: 'question', questionNumber: 1, content: 'Tell me about a migration you led.' });
      await repos.users.createSignIn('acct');
      await repos.apiTokens.create({ id: 'tok-1', userId: 'acct', name: 'laptop', secretHash: 'ab'.repeat(32), scopes: ['read'] }, 10);
      await seedSession(repos, 'keeper');
      expect(await repos.users.delete('acct')).toBe(true);
      expect(await repos.users.delete('acct')).toBe(false);
      expect(await countRows('interview_sessions', { column: 'owner_id', value: 'acct' })).toBe(0);
      expect(await countRows('messages', { column: 'session_id', value: session.id })).toBe(0);
      expect(await countRows('sign_ins', { column: 'user_id', value: 'acct' })).toBe(0);
      expect(await countRows('api_tokens', { column: 'user_id', value: 'acct' })).toBe(0);
      expect(await countRows('interview_sessions', { column: 'owner_id', value: 'keeper' })).toBe(1);
    });

    it("the operator's user list: numbers, most recently active first, ties by id byte order, and the total", async () => {
      const { repos } = driver();
      const at = new Date('2026-06-01T12:00:00.000Z');
      for (const id of ['B-user', '_user', 'a-user']) {
        await repos.users.ensure(id);
        await repos.users.touch(id, at);
      }
      await seedSession(repos, '_user');
      await seedSession(repos, '_user');
      await repos.users.ensure('idle');
      await repos.users.touch('idle', new Date(at.getTime() - 3_600_000));
      await repos.users.ensure('newest');
      await repos.users.touch('newest', new Date(at.getTime() + 1));
      const { rows, total } = await repos.users.listForAdmin(4);
      expect(total).toBe(5);
      // SQLite compares text byte by byte: 'a' (0x61) > '_' (0x5f) > 'B' (0x42).
      expect(rows.map((r) => r.id)).toEqual(['newest', 'a-user', '_user', 'B-user']);
      expect(rows[2]).toEqual({ id: '_user', email: null, createdAt: expect.any(Date), lastActiveAt: at, sessionCount: 2 });
      expect(await repos.users.findForAdmin('_user')).toEqual(rows[2]);
      expect(await repos.users.findForAdmin('idle')).toMatchObject({ sessionCount: 0 });
      expect(await repos.users.findForAdmin('nobody')).toBeUndefined();
    });
  });
}
