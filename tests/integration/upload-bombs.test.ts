/**
 * Issue 17, "uploads starved for everyone": an attacker keeps PDF bombs in flight (nested form
 * XObjects, 40,000 pages, a page of huge text) from one address under several guest identities,
 * while thirteen other people upload their CVs. Before, each bomb held a parse slot for the full
 * 15 s and 12 of 13 real uploads got 503 DOCUMENTS_BUSY. Now every real upload is read (303),
 * and every bomb gets a clear 4xx with a stable code: 422 for the file, or 429 when that
 * visitor or address already has its share of parses. The app's defaults are used throughout
 * (rate limits, DOCUMENT_MAX_PARALLEL=2, DOCUMENT_MAX_QUEUED=10, DOCUMENT_MAX_PER_VISITOR=2).
 */
import { readFileSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { sessionIdFrom, useTestApp, Visitor } from '../support/test-app.js';
import { html } from '../support/html.js';
import { hugeTextPdf, manyPagesPdf, nestedXObjectBomb } from '../support/pdf-bombs.js';

const cv = readFileSync(new URL('../fixtures/cv-alex-morgan.pdf', import.meta.url));
const BOMBS = { nested: nestedXObjectBomb(), huge: hugeTextPdf(), pages: manyPagesPdf() };
const BOMB_CODES = ['DOCUMENT_TOO_COMPLEX', 'DOCUMENT_TOO_MANY_PAGES'];

async function newInterview(visitor: Visitor): Promise<string> {
  const created = await visitor.post('/session/create', { job_title: 'Backend Engineer', company_name: 'Acme' });
  expect(created.statusCode).toBe(303);
  return sessionIdFrom(created.headers.location as string);
}

const test = useTestApp({ scope: 'file' });

describe('a PDF bomb flood alongside real uploads', () => {
  test('serves every real upload while the bombs are refused with clear codes', async ({ app }) => {
    const attackers = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const visitor = new Visitor(app, '203.0.113.9');
        return { visitor, id: await newInterview(visitor) };
      }),
    );
    const people = await Promise.all(
      Array.from({ length: 13 }, async (_, i) => {
        const visitor = new Visitor(app, `198.51.100.${i + 1}`);
        return { visitor, id: await newInterview(visitor) };
      }),
    );

    let honestDone = false;
    const bombResults: Array<{ kind: string; status: number; code: string | null }> = [];
    const kinds = Object.keys(BOMBS) as Array<keyof typeof BOMBS>;
    // Each identity keeps two bombs in flight until the real uploads are over (bounded: 8 rounds).
    const flood = attackers.flatMap(({ visitor, id }, a) =>
      [0, 1].map(async (lane) => {
        for (let round = 0; round < 8 && !honestDone; round++) {
          const kind = kinds[(a + lane + round) % kinds.length]!;
          const res = await visitor.upload(`/session/${id}/upload-cv`, {}, [{ field: 'cv_file', fileName: `${kind}.pdf`, content: BOMBS[kind] }]);
          bombResults.push({ kind, status: res.statusCode, code: html(res.body).querySelector('#error')?.getAttribute('data-code') ?? null });
        }
      }),
    );
    // Real people upload while the flood runs, a few at a time.
    const honest: number[] = [];
    const uploads = (async () => {
      for (let i = 0; i < people.length; i += 3) {
        const batch = people.slice(i, i + 3).map(async ({ visitor, id }) => {
          const res = await visitor.upload(`/session/${id}/upload-cv`, {}, [{ field: 'cv_file', fileName: 'cv.pdf', content: cv }]);
          honest.push(res.statusCode);
          if (res.statusCode !== 303) throw new Error(`a real upload got ${res.statusCode}: ${res.body.slice(0, 600)}`);
        });
        await Promise.all(batch);
      }
      honestDone = true;
    })();
    await Promise.all([uploads, ...flood]);

    expect(honest).toEqual(Array(13).fill(303));
    for (const { visitor, id } of people) {
      const page = await visitor.get(`/session/${id}/upload`);
      expect(page.body).toContain('Senior Backend Engineer'); // the CV preview
    }

    expect(bombResults.length).toBeGreaterThan(12);
    for (const result of bombResults) {
      if (result.status === 422) expect(BOMB_CODES).toContain(result.code);
      else expect([result.status, result.code]).toEqual([429, 'TOO_MANY_DOCUMENTS']);
    }
    for (const kind of kinds) {
      const refused = bombResults.filter((r) => r.kind === kind && r.status === 422);
      expect(refused.length, `${kind} bombs refused as files`).toBeGreaterThan(0);
      expect(refused.every((r) => r.code === (kind === 'pages' ? 'DOCUMENT_TOO_MANY_PAGES' : 'DOCUMENT_TOO_COMPLEX'))).toBe(true);
    }
  }, 120_000);
});
