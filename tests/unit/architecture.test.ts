/**
 * The folder layering of DESIGN §2 for the parts issue 12 reorganised: the language layer at
 * the bottom, analysis above it, and the offline interviewer used only by its provider.
 * Reads the import statements of src/ (type-only imports included).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s*'(\.[^']+)'/gm;
const imports = new Map(
  files(SRC).map((f) => {
    const text = fs.readFileSync(f, 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((m) => path.relative(SRC, path.resolve(path.dirname(f), m[1]!)).replace(/\.js$/, '.ts'));
    return [path.relative(SRC, f), targets] as const;
  }),
);
const folder = (file: string) => file.split(path.sep)[0]!;

describe('import layering (issue 12, item 1)', () => {
  it('src/text imports nothing else from the app', () => {
    for (const [file, targets] of imports) if (folder(file) === 'text') for (const t of targets) expect(folder(t), `${file} → ${t}`).toBe('text');
  });

  it('src/analysis imports only the language layer, itself and the AI contract types', () => {
    for (const [file, targets] of imports) {
      if (folder(file) !== 'analysis') continue;
      // The interview's vocabulary (interview/definitions.ts) moved out of ai/types.ts in issue 15.
      for (const t of targets) expect(['text', 'analysis'].includes(folder(t)) || t === path.join('ai', 'types.ts') || t === path.join('interview', 'definitions.ts'), `${file} → ${t}`).toBe(true);
    }
  });

  it('src/interview imports nothing from src/ai: ai/ reads the domain, never the reverse (issue 15)', () => {
    const domain = [...imports].filter(([file]) => folder(file) === 'interview');
    expect(domain.length).toBeGreaterThan(5);
    for (const [file, targets] of domain) for (const t of targets) expect(folder(t), `${file} → ${t}`).not.toBe('ai');
  });

  it('only the offline provider imports the offline interviewer', () => {
    for (const [file, targets] of imports) {
      if (file.startsWith(path.join('ai', 'offline'))) continue;
      for (const t of targets) if (t.startsWith(path.join('ai', 'offline'))) expect(file, `${file} → ${t}`).toBe(path.join('ai', 'providers', 'offline.ts'));
    }
  });

  it('has no import cycle through text, analysis, coverage, question-bank, intelligence or the offline interviewer', () => {
    const mine = (f: string) => ['text', 'analysis', 'coverage', 'question-bank', 'intelligence'].includes(folder(f)) || f.startsWith(path.join('ai', 'offline'));
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(f)), f].join(' → '));
        return;
      }
      state.set(f, 'visiting');
      for (const t of imports.get(f) ?? []) if (mine(t)) visit(t, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of imports.keys()) if (mine(f)) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('has exactly one tokenizer: no other module imports a stemmer or an NLP library', () => {
    for (const file of imports.keys()) {
      if (folder(file) === 'text') continue;
      const text = fs.readFileSync(path.join(SRC, file), 'utf8');
      expect(text, file).not.toMatch(/from '(?:stemmer|wink-nlp|wink-eng-lite-web-model|eld[^']*|natural|compromise)'/);
    }
  });
});
