/**
 * The interview step claims' contract (issue 16): a lease on an interview's next interviewer
 * step, so two app instances never ask the model for the same step. One holder at a time, even
 * when several claim at once; a claim that expired can be taken over (its instance died); only
 * the holder renews or releases it; it goes with its interview.
 */
import { describe, expect, it } from 'vitest';
import type { DriverUnderTest } from './drivers.js';
import { seedSession } from './fixtures.js';

const T0 = new Date('2026-05-01T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const LEASE = 30_000;

export function stepClaimsContract(driver: () => DriverUnderTest): void {
  describe('interview step claims', () => {
    it('one holder at a time: another is refused while the lease runs; the holder claims again and renews it', async () => {
      const { repos, countRows } = driver();
      const session = await seedSession(repos, 'owner');
      expect(await repos.stepClaims.claim(session.id, 'instance-a', T0, LEASE)).toBe(true);
      expect(await repos.stepClaims.claim(session.id, 'instance-b', at(1_000), LEASE)).toBe(false);
      expect(await repos.stepClaims.claim(session.id, 'instance-b', at(LEASE - 1), LEASE)).toBe(false);
      // Its own claim again (a step after a failed release): taken, and the lease starts over.
      expect(await repos.stepClaims.claim(session.id, 'instance-a', at(10_000), LEASE)).toBe(true);
      expect(await repos.stepClaims.claim(session.id, 'instance-b', at(LEASE + 1_000), LEASE)).toBe(false);
      // Renewed at 20 s: good until 50 s.
      expect(await repos.stepClaims.renew(session.id, 'instance-a', at(20_000), LEASE)).toBe(true);
      expect(await repos.stepClaims.claim(session.id, 'instance-b', at(20_000 + LEASE - 1), LEASE)).toBe(false);
      expect(await countRows('interview_step_claims', { column: 'session_id', value: session.id })).toBe(1);
    });

    it('an expired claim is taken over; its old holder can then neither renew nor release it', async () => {
      const { repos, countRows } = driver();
      const session = await seedSession(repos, 'owner');
      expect(await repos.stepClaims.claim(session.id, 'dead-instance', T0, LEASE)).toBe(true);
      // Expired at exactly T0 + lease.
      expect(await repos.stepClaims.claim(session.id, 'instance-b', at(LEASE), LEASE)).toBe(true);
      expect(await repos.stepClaims.renew(session.id, 'dead-instance', at(LEASE + 1), LEASE)).toBe(false);
      expect(await repos.stepClaims.release(session.id, 'dead-instance')).toBe(false);
      expect(await repos.stepClaims.claim(session.id, 'dead-instance', at(LEASE + 2), LEASE)).toBe(false);
      expect(await countRows('interview_step_claims', { column: 'holder', value: 'instance-b' })).toBe(1);
      expect(await countRows('interview_step_claims', { column: 'holder', value: 'dead-instance' })).toBe(0);
    });

    it('release by another holder does nothing; by the holder it frees the step for anyone', async () => {
      const { repos, countRows } = driver();
      const session = await seedSession(repos, 'owner');
      const other = await seedSession(repos, 'owner');
      expect(await repos.stepClaims.claim(session.id, 'instance-a', T0, LEASE)).toBe(true);
      expect(await repos.stepClaims.claim(other.id, 'instance-b', T0, LEASE)).toBe(true);
      expect(await repos.stepClaims.release(session.id, 'instance-b')).toBe(false);
      expect(await repos.stepClaims.claim(session.id, 'instance-b', at(1_000), LEASE)).toBe(false);
      expect(await repos.stepClaims.release(session.id, 'instance-a')).toBe(true);
      expect(await repos.stepClaims.release(session.id, 'instance-a')).toBe(false);
      expect(await countRows('interview_step_claims', { column: 'session_id', value: session.id })).toBe(0);
      // The other interview's claim is untouched.
      expect(await countRows('interview_step_claims', { column: 'session_id', value: other.id })).toBe(1);
      expect(await repos.stepClaims.renew(session.id, 'instance-a', at(2_000), LEASE)).toBe(false);
      expect(await repos.stepClaims.claim(session.id, 'instance-b', at(2_000), LEASE)).toBe(true);
    });

    it('claims at once by several holders: exactly one gets each interview', async () => {
      const { repos, countRows } = driver();
      const sessions = await Promise.all([1, 2, 3, 4, 5].map(() => seedSession(repos, 'owner')));
      const holders = ['instance-a', 'instance-b', 'instance-c', 'instance-d'];
      const results = await Promise.all(sessions.flatMap((s) => holders.map(async (holder) => ({ session: s.id, holder, won: await repos.stepClaims.claim(s.id, holder, T0, LEASE) }))));
      for (const session of sessions) {
        const winners = results.filter((r) => r.session === session.id && r.won);
        expect(winners).toHaveLength(1);
        expect(await countRows('interview_step_claims', { column: 'holder', value: winners[0]!.holder })).toBeGreaterThanOrEqual(1);
      }
      expect(await countRows('interview_step_claims')).toBe(5);
    });

    it('takeovers of an expired claim at once: exactly one holder gets it', async () => {
      const { repos } = driver();
      const session = await seedSession(repos, 'owner');
      expect(await repos.stepClaims.claim(session.id, 'dead-instance', T0, LEASE)).toBe(true);
      const later = at(LEASE + 5_000);
      const won = await Promise.all(['instance-a', 'instance-b', 'instance-c', 'instance-d'].map((holder) => repos.stepClaims.claim(session.id, holder, later, LEASE)));
      expect(won.filter(Boolean)).toHaveLength(1);
    });

    it('nothing to claim for an interview that does not exist; a claim goes with its interview', async () => {
      const { repos, countRows } = driver();
      expect(await repos.stepClaims.claim('no-such-interview', 'instance-a', T0, LEASE)).toBe(false);
      expect(await countRows('interview_step_claims')).toBe(0);
      const session = await seedSession(repos, 'owner');
      expect(await repos.stepClaims.claim(session.id, 'instance-a', T0, LEASE)).toBe(true);
      expect(await repos.sessions.deleteOwned(session.id, 'owner')).toBe(true);
      expect(await countRows('interview_step_claims')).toBe(0);
      expect(await repos.stepClaims.renew(session.id, 'instance-a', at(1_000), LEASE)).toBe(false);
    });
  });
}
