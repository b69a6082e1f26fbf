/**
 * Runs every benchmark in this folder (`*.bench.ts`), one after another, each in its own
 * process so one benchmark's heap and JIT state can't colour the next one's figures.
 * Each benchmark appends its own section to bench/RESULTS.md. They run with the server's V8
 * flags (support/server-flags.ts): what is measured in process is what the server runs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from './support/server-flags.js';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', path.join(dir, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
