import { describe, expect } from 'vitest';
import { useTestApp, Visitor } from '../support/test-app.js';
import { currentQuestion, fixture, setUpSession } from '../support/interview-driver.js';
import { count } from '../support/db-inspect.js';

const test = useTestApp({ scope: 'file' });

describe('sessions are private to the visitor who created them', () => {
  let owner: Visitor;
  let stranger: Visitor;
  let id: string;
  test.beforeAll(async ({ app }) => {
    owner = new Visitor(app);
    stranger = new Visitor(app);
    await stranger.get('/dashboard'); // give the stranger an identity of their own
    id = await setUpSession(owner);
    await owner.post(`/session/${id}/start`);
  });

  test.for(['upload', 'interview', 'feedback'])('GET /session/:id/%s is 404 for another visitor', async (page) => {
    expect((await stranger.get(`/session/${id}/${page}`)).statusCode).toBe(404);
  });

  test('every POST on another visitor’s session is 404 and changes nothing', async ({ app }) => {
    const before = await currentQuestion(owner, id);
    expect((await stranger.post(`/session/${id}/start`)).statusCode).toBe(404);
    expect((await stranger.post(`/session/${id}/message`, { answer: 'hijack' })).statusCode).toBe(404);
    expect((await stranger.post(`/session/${id}/complete`)).statusCode).toBe(404);
    expect((await stranger.post(`/session/${id}/upload-job`, { job_description: 'x' })).statusCode).toBe(404);
    const cv = await stranger.upload(`/session/${id}/upload-cv`, {}, [
      { field: 'cv_file', fileName: 'cv.txt', content: fixture('cv-alex-morgan.txt') },
    ]);
    expect(cv.statusCode).toBe(404);
    expect(await currentQuestion(owner, id)).toEqual(before);
    expect(await count(app, "select count(*) n from messages where kind = 'answer'")).toBe(0);
  });

  test('a tampered cookie is a new visitor, not the owner', async ({ app }) => {
    const res = await app.inject({ method: 'GET', url: `/session/${id}/interview`, headers: { cookie: 'rehearse_session=AAAA;' } });
    expect(res.statusCode).toBe(404);
  });
});
