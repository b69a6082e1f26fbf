/**
 * Prompt templates are Markdown files next to this module, read once when it is first
 * imported (start-up), so wording can be reviewed and changed without touching code. A leading
 * `<!-- … -->` comment documents each template's placeholders and is not sent.
 *
 * `{{name}}` placeholders are filled in a single pass: a value that itself contains `{{x}}`
 * (say, a CV) is inserted literally and never expanded.
 */
import fs from 'node:fs';

export const PROMPT_NAMES = ['system', 'plan-question', 'next-turn', 'evaluate-answer', 'summarize-interview', 'repair', 'json-only'] as const;
export type PromptName = (typeof PROMPT_NAMES)[number];

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

function load(name: PromptName): string {
  const raw = fs.readFileSync(new URL(`./${name}.md`, import.meta.url), 'utf8');
  return raw.replace(/^\s*<!--[\s\S]*?-->\s*/, '').trim();
}

const TEMPLATES: Readonly<Record<PromptName, string>> = Object.fromEntries(PROMPT_NAMES.map((n) => [n, load(n)])) as Record<
  PromptName,
  string
>;

/** Fills `{{placeholders}}` in `template`; a placeholder without a value is a programming error. */
export function render(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(PLACEHOLDER, (_match, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`prompt placeholder {{${key}}} has no value`);
    return String(value);
  });
}

export function renderPrompt(name: PromptName, values: Readonly<Record<string, string | number>> = {}): string {
  return render(TEMPLATES[name], values);
}

/** The placeholders a template uses (tests check every one is filled). */
export function placeholdersOf(name: PromptName): string[] {
  return [...new Set([...TEMPLATES[name].matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}
