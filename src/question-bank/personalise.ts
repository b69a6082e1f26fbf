/**
 * Fills the {skill}, {company} and {role} placeholders of a bank entry. When a value is not
 * known the placeholder is replaced by a neutral phrase chosen for its surroundings, so the
 * question still reads as something an interviewer would say ("at {company}" → "here").
 */
import type { BankEntry } from './types.js';

export const PLACEHOLDERS = ['skill', 'company', 'role'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = { [K in Placeholder]?: string | undefined };

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholders a text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

const clean = (value: string | undefined) => (value ?? '').replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();

/** "a" or "an" for the word that follows (by its first letter; good enough for role titles). */
const article = (word: string) => (/^[aeiou]/i.test(word) && !/^(?:uni|use|eu|one)/i.test(word) ? 'an' : 'a');

function fillRole(text: string, role: string): string {
  if (role) {
    return text
      .replace(/\b([Aa])n? \{role\}/g, (_m, a: string) => `${a === 'A' ? article(role).replace(/^a/, 'A') : article(role)} ${role}`)
      .replace(/\{role\}/g, role);
  }
  return text
    .replace(/\b[Aa]s an? \{role\}/g, 'in this role')
    .replace(/\b[Aa]n? \{role\}/g, 'someone in this role')
    .replace(/\bthe \{role\} (?:role|position|job)\b/g, 'this role')
    .replace(/\{role\} (?:role|position|job)\b/g, 'this role')
    .replace(/\{role\}/g, 'this role');
}

function fillCompany(text: string, company: string): string {
  if (company) return text.replace(/\{company\}/g, company);
  return text
    .replace(/\b(?:at|with|in) \{company\}/g, 'here')
    .replace(/\{company\}'s\b/g, 'our')
    .replace(/\b(join|choose|chose|joining|choosing) \{company\}/g, '$1 us')
    .replace(/\{company\}/g, 'this company');
}

function fillSkill(text: string, skill: string): string {
  return text.replace(/\{skill\}/g, skill || 'the tool you know best');
}

/**
 * The entry's question with every placeholder filled from `values` or, where a value is
 * missing or blank, with a neutral phrase. The result never contains a placeholder.
 */
export function personalise(entry: Pick<BankEntry, 'text'>, values: PlaceholderValues = {}): string {
  const text = fillCompany(fillRole(entry.text, clean(values.role)), clean(values.company));
  // Entries never start with a placeholder (a test checks), so no re-capitalising is needed.
  return fillSkill(text, clean(values.skill));
}
