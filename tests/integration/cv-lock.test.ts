/**
 * Issue 17, finding 8: the CV and job description are locked when the interview starts —
 * including uploads that were still being read when Start was pressed. Question 1 is written
 * from the CV stored at that moment, so a late upload must be refused (409 CV_LOCKED), not
 * replace it afterwards.
 *
 * The upload is sent through the real session service on the app's own database, with a
 * document reader the test holds open (a slow PDF, without the timing); Start goes over HTTP.
 */
import { describe, expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ExtractedDocument } from '../../src/documents/index.js';
import { isAppError } from '../../src/errors.js';
import { createSessionService } from '../../src/services/session-service.js';
import { useTestApp, type Visitor } from '../support/test-app.js';
import { setUpSession } from '../support/interview-driver.js';
import { stored } from '../support/db-inspect.js';

const test = useTestApp();

const NEW_CV = 'Jordan Vale — Pastry Chef. Ten years laminating croissant dough at Maison Fournier; ran a brigade of six.';

function heldReader() {
  let release!: (doc: ExtractedDocument) => void;
  let started!: () => void;
  const reading = new Promise<void>((resolve) => (started = resolve));
  const extractDocument = (_bytes: Buffer) => {
    started();
    return new Promise<ExtractedDocument>((resolve) => (release = resolve));
  };
  const finish = (text: string) => release({ text, format: 'txt', pageCount: null, wordCount: text.split(/\s+/).length, truncated: false });
  return { extractDocument, reading, finish };
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected the late upload to be refused');
}

describe('the CV is locked when the interview starts', () => {
  async function scenario(app: FastifyInstance, visitor: Visitor) {
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    const owner = await stored(app).ownerOf(id);
    const reader = heldReader();
    const service = createSessionService({
      sessions: app.storage.repositories.sessions,
      users: app.storage.repositories.users,
      extractDocument: reader.extractDocument,
      documentMaxChars: 50_000,
      maxInterviewsPerVisitor: 100,
    });
    const cvBefore = (await stored(app).session(id)).cvText;
    return { id, owner, reader, service, cvBefore };
  }

  test('an upload still being read when Start is pressed is refused and does not replace the CV question 1 was written from', async ({ app, visitor }) => {
    const { id, owner, reader, service, cvBefore } = await scenario(app, visitor);
    const upload = service.uploadCv(id, owner, { bytes: Buffer.from(NEW_CV), fileName: 'chef.txt' });
    await reader.reading;

    expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
    expect((await stored(app).messages(id)).filter((m) => m.kind === 'question')).toHaveLength(1);
    reader.finish(NEW_CV);
    const error = await refusal(upload);
    expect(error.code).toBe('CV_LOCKED');
    expect(error.statusCode).toBe(409);

    const row = await stored(app).session(id);
    expect(row.status).toBe('in_progress');
    expect(row.cvText).toBe(cvBefore);
    expect(row.cvFileName).toBe('cv-alex-morgan.txt');
    expect(row.cvText).not.toContain('Pastry Chef');
  });

  test('the same holds for a job-description file still being read', async ({ app, visitor }) => {
    const { id, owner, reader, service } = await scenario(app, visitor);
    const jobBefore = (await stored(app).session(id)).jobDescription;
    const upload = service.setJobDescription(id, owner, undefined, { bytes: Buffer.from('Head pastry chef wanted'), fileName: 'job.txt' });
    await reader.reading;
    expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
    reader.finish('Head pastry chef wanted');
    expect((await refusal(upload)).code).toBe('CV_LOCKED');
    const after = await stored(app).session(id);
    expect(after.jobDescription).toBe(jobBefore);
    expect(after.jobFileName).toBeNull();
  });

  test('an upload finishing after the interview was deleted is a 404, not a 500', async ({ app, visitor }) => {
    const { id, owner, reader, service } = await scenario(app, visitor);
    const upload = service.uploadCv(id, owner, { bytes: Buffer.from(NEW_CV), fileName: 'chef.txt' });
    await reader.reading;
    expect((await visitor.post(`/session/${id}/delete`, { confirm: 'yes' })).statusCode).toBe(303);
    reader.finish(NEW_CV);
    const error = await refusal(upload);
    expect(error.code).toBe('SESSION_NOT_FOUND');
    expect(error.statusCode).toBe(404);
  });

  test('over HTTP, an upload after Start gets the 409 message on the set-up page', async ({ app, visitor }) => {
    const { id } = await scenario(app, visitor);
    expect((await visitor.post(`/session/${id}/start`)).statusCode).toBe(303);
    const res = await visitor.upload(`/session/${id}/upload-cv`, {}, [{ field: 'cv_file', fileName: 'chef.txt', content: NEW_CV }]);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('can no longer change');
  });
});
