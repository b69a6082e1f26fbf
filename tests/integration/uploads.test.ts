import { describe, expect } from 'vitest';
import { sessionIdFrom, useTestApp, type Visitor } from '../support/test-app.js';
import { html } from '../support/html.js';
import { fixture } from '../support/interview-driver.js';

const test = useTestApp();

describe('CV and job description uploads', () => {
  let id: string;
  test.beforeEach(async ({ visitor }) => {
    const created = await visitor.post('/session/create', {
      job_title: 'Senior Backend Engineer',
      company_name: 'Northwind Health',
      job_description: 'We need Kafka and Terraform experience.',
    });
    id = sessionIdFrom(created.headers.location as string);
  });

  const uploadCv = (visitor: Visitor, fileName: string, content: Buffer, htmx = false) =>
    visitor.upload(`/session/${id}/upload-cv`, {}, [{ field: 'cv_file', fileName, content }], { htmx });

  test.for(['cv-alex-morgan.pdf', 'cv-alex-morgan.docx', 'cv-alex-morgan.txt'])('reads %s and shows a preview', async (name, { visitor }) => {
    const res = await uploadCv(visitor, name, fixture(name));
    expect(res.statusCode).toBe(303);
    const page = await visitor.get(`/session/${id}/upload`);
    const preview = html(page.body).querySelector('#cv-preview')?.textContent ?? '';
    expect(preview).toContain('Alex Morgan');
    expect(preview).not.toMatch(/Page \d of \d/);
    expect(html(page.body).querySelector('#start-button')).not.toBeNull();
  });

  test('detects the type by content, not by the file name', async ({ visitor }) => {
    const res = await uploadCv(visitor, 'my-cv.txt', fixture('cv-alex-morgan.pdf'));
    expect(res.statusCode).toBe(303);
    const page = await visitor.get(`/session/${id}/upload`);
    expect(page.body).toContain('(PDF)');
  });

  test('answers an htmx upload with the CV section and an out-of-band start section', async ({ visitor }) => {
    const res = await uploadCv(visitor, 'cv.pdf', fixture('cv-alex-morgan.pdf'), true);
    expect(res.statusCode).toBe(200);
    expect(res.headers.vary).toContain('HX-Request');
    const doc = html(res.body);
    expect(doc.querySelector('#cv-section')).not.toBeNull();
    expect(doc.querySelector('#start-section')?.getAttribute('hx-swap-oob')).toBe('true');
    expect(doc.querySelector('html')).toBeNull();
  });

  const bad: Array<[string, number, string, RegExp]> = [
    ['photo.png', 415, 'UNSUPPORTED_FILE_TYPE', /PNG/i],
    ['legacy.doc', 415, 'UNSUPPORTED_FILE_TYPE', /\.doc/],
    ['archive.zip', 415, 'UNSUPPORTED_FILE_TYPE', /ZIP/i],
    ['binary.txt', 415, 'UNSUPPORTED_FILE_TYPE', /PDF/],
    ['corrupted.pdf', 422, 'DOCUMENT_CORRUPTED', /damaged/],
    ['corrupted.docx', 422, 'DOCUMENT_CORRUPTED', /damaged/],
    ['encrypted.pdf', 422, 'DOCUMENT_ENCRYPTED', /password/],
    ['image-only.pdf', 422, 'DOCUMENT_NO_TEXT', /no text/],
    ['empty.txt', 422, 'DOCUMENT_EMPTY', /empty/],
  ];
  test.for(bad)('rejects %s with %i and a message that says what to do', async ([name, status, code, message], { visitor }) => {
    const res = await uploadCv(visitor, name, fixture(name));
    expect(res.statusCode).toBe(status);
    const error = html(res.body).querySelector('#error');
    expect(error?.getAttribute('data-code')).toBe(code);
    expect(error?.textContent).toMatch(message);
    // The job description typed on the create form is still there.
    expect(html(res.body).querySelector('#job_description')?.textContent).toContain('Kafka');
  });

  test('rejects a file over the size limit with 413 and keeps serving', async ({ visitor }) => {
    const big = Buffer.alloc(6 * 1024 * 1024, 'a');
    const res = await uploadCv(visitor, 'huge.txt', big);
    expect(res.statusCode).toBe(413);
    expect(html(res.body).querySelector('#error')?.textContent).toContain('5 MB');
    expect((await visitor.get('/dashboard')).statusCode).toBe(200);
  });

  test('asks for a file when none was chosen', async ({ visitor }) => {
    const res = await visitor.upload(`/session/${id}/upload-cv`, {}, [{ field: 'cv_file', fileName: '', content: Buffer.alloc(0) }]);
    expect(res.statusCode).toBe(422);
    expect(html(res.body).querySelector('#error')?.getAttribute('data-code')).toBe('FILE_MISSING');
  });

  test('rejects a CV post that is not multipart', async ({ visitor }) => {
    const res = await visitor.post(`/session/${id}/upload-cv`, { cv_file: 'hello' });
    expect(res.statusCode).toBe(422);
  });

  test('saves a pasted job description, and a job description file', async ({ visitor }) => {
    const pasted = await visitor.post(`/session/${id}/upload-job`, { job_description: 'Own our Kafka pipelines.' });
    expect(pasted.statusCode).toBe(303);
    let page = await visitor.get(`/session/${id}/upload`);
    expect(html(page.body).querySelector('#job_description')?.textContent).toBe('Own our Kafka pipelines.');

    const file = await visitor.upload(`/session/${id}/upload-job`, { job_description: '' }, [
      { field: 'job_file', fileName: 'job.docx', content: fixture('job-backend-engineer.docx') },
    ]);
    expect(file.statusCode).toBe(303);
    page = await visitor.get(`/session/${id}/upload`);
    expect(html(page.body).querySelector('#job_description')?.textContent).toContain('Northwind Health');
  });

  test('rejects an empty job description and a broken job file without losing the saved one', async ({ visitor }) => {
    const empty = await visitor.post(`/session/${id}/upload-job`, { job_description: '   ' });
    expect(empty.statusCode).toBe(422);
    const broken = await visitor.upload(`/session/${id}/upload-job`, {}, [
      { field: 'job_file', fileName: 'job.pdf', content: fixture('corrupted.pdf') },
    ]);
    expect(broken.statusCode).toBe(422);
    const page = await visitor.get(`/session/${id}/upload`);
    expect(html(page.body).querySelector('#job_description')?.textContent).toContain('Kafka and Terraform');
  });
});
