/**
 * Inputs the fuzzer found answering 500, kept as plain tests: a form field sent twice (an
 * array after parsing), and a multipart upload cut off before its end.
 */
import { describe, expect } from 'vitest';
import { html } from '../support/html.js';
import { setUpSession } from '../support/interview-driver.js';
import { multipart, useTestApp, Visitor } from '../support/test-app.js';

const test = useTestApp({ scope: 'file' });

describe('fuzzer findings', () => {
  test('a repeated form field is a validation error (422), not a 500', async ({ app }) => {
    const visitor = new Visitor(app);
    const token = await visitor.csrfToken();
    const res = await app.inject({
      method: 'POST',
      url: '/session/create',
      headers: { cookie: visitor.cookieHeader!, 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': token },
      payload: 'job_title=a&job_title=b&company_name=Acme&company_name=Acme&interview_type=mixed&interview_type=mixed',
    });
    expect(res.statusCode).toBe(422);
    expect(html(res.body).querySelector('#error')?.getAttribute('data-code')).toBe('VALIDATION_FAILED');

    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    const job = await app.inject({
      method: 'POST',
      url: `/session/${id}/upload-job`,
      headers: { cookie: visitor.cookieHeader!, 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': token },
      payload: 'job_description=one&job_description=two',
    });
    expect(job.statusCode).toBe(422);
  });

  test('a multipart upload cut off before its end is a 400 that says so, not a 500', async ({ app }) => {
    const visitor = new Visitor(app);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    const token = await visitor.csrfToken();
    const body = multipart({}, [{ field: 'cv_file', fileName: 'cv.txt', content: 'A CV with enough words to be read as one. '.repeat(50) }]);
    const res = await app.inject({
      method: 'POST',
      url: `/session/${id}/upload-cv`,
      headers: { cookie: visitor.cookieHeader!, ...body.headers, 'x-csrf-token': token },
      payload: body.payload.subarray(0, Math.floor(body.payload.length / 2)),
    });
    expect(res.statusCode).toBe(400);
    expect(html(res.body).querySelector('#error')?.getAttribute('data-code')).toBe('UPLOAD_INCOMPLETE');
  });

  test('a multipart boundary longer than the parser takes (issue 17) is a 400 with no error log, with or without a CSRF token', async ({ makeApp }) => {
    const lines: string[] = [];
    const logged = await makeApp({ logLevel: 'info' }, { logStream: { write: (line) => void lines.push(line) } });
    const visitor = new Visitor(logged);
    const id = await setUpSession(visitor, { cv: 'cv-alex-morgan.txt' });
    const token = await visitor.csrfToken();
    for (const length of [253, 256, 300, 5000]) {
      const boundary = 'b'.repeat(length);
      for (const csrf of [{}, { 'x-csrf-token': token }]) {
        for (const route of ['upload-cv', 'upload-job']) {
          const res = await logged.inject({
            method: 'POST',
            url: `/session/${id}/${route}`,
            headers: { cookie: visitor.cookieHeader!, 'content-type': `multipart/form-data; boundary=${boundary}`, ...csrf },
            payload: `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--${boundary}--\r\n`,
          });
          expect(res.statusCode, `${route}, boundary of ${length}`).toBe(400);
          expect(html(res.body).querySelector('#error')?.getAttribute('data-code')).toBe('MALFORMED_UPLOAD');
        }
      }
    }
    expect(lines.filter((l) => JSON.parse(l).level >= 50)).toEqual([]);
  });
});
