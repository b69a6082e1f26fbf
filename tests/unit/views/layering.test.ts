/**
 * Presentation in one place (issue 15): page text, labels and markup are built in src/views
 * from what the services return, and routes stay thin. Reads the import statements of src/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../../src');
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s*'([^']+)'/gm;
const imports = files(SRC).map((f) => {
  const text = fs.readFileSync(f, 'utf8');
  const targets = [...text.matchAll(IMPORT)].map((m) => (m[1]!.startsWith('.') ? path.relative(SRC, path.resolve(path.dirname(f), m[1]!)) : m[1]!));
  return { file: path.relative(SRC, f), targets };
});
const folder = (file: string) => file.split(path.sep)[0]!;

describe('presentation layering (issue 15)', () => {
  it('no layer below the routes imports src/views or src/routes', () => {
    for (const { file, targets } of imports) {
      if (['views', 'routes'].includes(folder(file)) || file === 'app.ts' || file === 'server.ts') continue;
      for (const t of targets) expect(['views', 'routes'].includes(folder(t)), `${file} → ${t}`).toBe(false);
    }
  });

  it('src/views never imports the routes', () => {
    for (const { file, targets } of imports) if (folder(file) === 'views') for (const t of targets) expect(folder(t), `${file} → ${t}`).not.toBe('routes');
  });

  it('routes and views touch no files (the recording socket writes its WAV files in src/speech)', () => {
    for (const { file, targets } of imports) {
      if (!['views', 'routes'].includes(folder(file))) continue;
      for (const t of targets) expect(t, `${file} → ${t}`).not.toMatch(/^(?:node:)?fs(?:\/promises)?$/);
    }
  });
});
