/**
 * The benchmarks (bench/*.ts) and scripts reuse the test helpers in tests/support outside Vitest,
 * where Vitest's runner API (`test.extend`, `describe`) throws at import. Every helper must load
 * in a plain Node process, or `npm run bench:*` breaks while `npm test` stays green.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT, TSX } from '../support/server-process.js';

it('every helper in tests/support loads outside Vitest, as the benchmarks import them', () => {
  const helpers = fs.readdirSync(path.join(PROJECT_ROOT, 'tests/support')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  expect(helpers.length).toBeGreaterThan(10);
  const script = `
    const failed = [];
    for (const f of ${JSON.stringify(helpers)}) {
      try { await import('./tests/support/' + f); } catch (e) { failed.push(f + ': ' + String(e).split('\\n')[0]); }
    }
    console.log(JSON.stringify(failed));
    process.exit(0);`;
  const out = execFileSync(process.execPath, ['--import', TSX, '--input-type=module', '-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
  expect(JSON.parse(out.trim().split('\n').pop() ?? 'null')).toEqual([]);
  // As long as the child may take: 8–14 s alone here, over 20 s while other suites load both cores.
}, 60_000);
