/**
 * Cold start: time from spawning the server to its first `/health` 200 (polled every 5 ms),
 * for the compiled build (`node dist/src/server.js`, after `npm run build`) and for the
 * TypeScript entry through tsx (`npm start`), on a new DATA_DIR (database created and
 * migrated) and on an existing one. Default configuration otherwise: the Whisper model is not
 * loaded at start (it loads on first use), so this is "without models loaded".
 * Target: under 1 s.
 *
 *   npm run bench:cold-start      (≈ 1 minute, builds dist/ first)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, startServerProcess, TSX } from '../tests/support/server-process.js';
import { appendResults, quantile } from './results.js';

const RUNS = Number(process.env.BENCH_COLD_START_RUNS ?? 7);

console.log('npm run build…');
execFileSync('npm', ['run', 'build'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

const variants = [
  { name: 'node dist/src/server.js', args: [path.join(PROJECT_ROOT, 'dist/src/server.js')] },
  { name: 'node --import tsx src/server.ts (npm start)', args: ['--import', TSX, path.join(PROJECT_ROOT, 'src/server.ts')] },
];

async function measure(args: string[], fresh: boolean): Promise<number[]> {
  const times: number[] = [];
  const existing = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-cold-'));
  for (let i = 0; i < RUNS + 1; i++) {
    const dataDir = fresh ? fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-cold-')) : existing;
    const started = performance.now();
    // The default configuration (TRANSCRIBER=whisper, loaded lazily), quiet logs.
    const server = await startServerProcess({ args, env: { DATA_DIR: dataDir, TRANSCRIBER: 'whisper', LOG_LEVEL: 'warn' }, waitFor: 'health' });
    const elapsed = performance.now() - started;
    await server.stop('SIGTERM');
    if (fresh) fs.rmSync(dataDir, { recursive: true, force: true });
    if (i > 0) times.push(elapsed); // the first run warms the OS file cache
  }
  fs.rmSync(existing, { recursive: true, force: true });
  return times.sort((a, b) => a - b);
}

const rows: string[] = [];
for (const variant of variants) {
  for (const fresh of [true, false]) {
    const t = await measure(variant.args, fresh);
    const median = quantile(t, 0.5);
    const row = `| \`${variant.name}\` | ${fresh ? 'new (created + migrated)' : 'existing'} | ${t.length} | ${median.toFixed(0)} | ${t[0]!.toFixed(0)} | ${t.at(-1)!.toFixed(0)} | ${median < 1000 ? 'met' : '**missed**'} |`;
    console.log(row);
    rows.push(row);
  }
}

appendResults('Cold start: spawn → first /health 200', 'npm run bench:cold-start', [
  'Each run spawns a new process (after one unmeasured warm-up run per row); the time includes Node start-up, module loading, opening SQLite and migrations, and listening.',
  '',
  '| entry | DATA_DIR | runs | median ms | min ms | max ms | target < 1 s |',
  '|---|---|---|---|---|---|---|',
  ...rows,
]);
