/**
 * Ownership lives in the repository queries themselves: with another owner's id, messages and
 * feedback can be neither read nor written, whatever a route or service forgets to check.
 */
import { describe, expect } from 'vitest';
import { useTestApp } from '../support/test-app.js';
import { answerAll, setUpSession } from '../support/interview-driver.js';
import { strongAnswer } from '../support/answers.js';
import { snapshot } from '../support/db-inspect.js';

const test = useTestApp({ scope: 'file' });

describe('repository queries are scoped to the owner', () => {
  let id: string;
  let owner: string;
  const stranger = 'someone-else-entirely';
  test.beforeAll(async ({ app, visitor }) => {
    id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    await visitor.post(`/session/${id}/start`);
    await answerAll(visitor, id, strongAnswer);
    await visitor.post(`/session/${id}/complete`);
    owner = (await app.storage.repositories.sessions.ownerOf(id))!;
  });

  test('reads nothing with the wrong owner', async ({ app }) => {
    const messages = app.storage.repositories.messages;
    const feedback = app.storage.repositories.feedback;
    const sessions = app.storage.repositories.sessions;
    expect((await messages.listBySession(id, owner)).length).toBeGreaterThan(8);
    expect(await messages.listBySession(id, stranger)).toEqual([]);
    expect(await feedback.findBySession(id, owner)).toBeDefined();
    expect(await feedback.findBySession(id, stranger)).toBeUndefined();
    expect(await sessions.findOwned(id, stranger)).toBeUndefined();
    expect(await sessions.listIdsByOwner(stranger)).toEqual([]);
  });

  test('writes nothing with the wrong owner', async ({ app }) => {
    const messages = app.storage.repositories.messages;
    const feedback = app.storage.repositories.feedback;
    const sessions = app.storage.repositories.sessions;
    const before = await snapshot(app);
    // Someone else's interview is, to every repository, an interview that does not exist: the
    // same 404 domain error a route shows (never a plain Error, which would be a 500).
    const notFound = async (write: () => Promise<unknown>) => {
      await expect(write()).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND', statusCode: 404 });
    };
    const answer = (await messages.listBySession(id, owner)).find((m) => m.kind === 'answer')!;
    expect(await messages.setFirstEvaluation(answer.id, stranger, { evaluation: { ...answer.evaluation!, score: 10 }, provider: 'forged', coverage: null })).toBe(false);
    expect(await messages.recordTurn({ answerId: answer.id, ownerId: stranger, decision: { action: 'raise', reason: 'forged', level: 'mid', nextLevel: 'senior' } })).toBe(false);
    await notFound(() => messages.append({ sessionId: id, ownerId: stranger, kind: 'answer', questionNumber: 1, content: 'forged' }));
    const summary = (await feedback.findBySession(id, owner))!.summary;
    await notFound(() => feedback.saveAndComplete(id, stranger, { ...summary, overallScore: 10 }, 'forged', new Date()));
    expect(await sessions.deleteOwned(id, stranger)).toBe(false);
    await notFound(() => sessions.updateJobDescription(id, stranger, 'forged', null));
    expect(await snapshot(app)).toBe(before);
  });
});
