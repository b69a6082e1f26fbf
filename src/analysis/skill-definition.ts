/**
 * The shape of a lexicon entry, kept apart from the data so both halves of the lexicon can
 * import it without a circular module dependency.
 *
 * Alias markers (the canonical name is always an alias too, with the same marker):
 * - plain  — matched case-insensitively on word boundaries ("k8s", "postgres");
 * - `=Foo` — matched case-sensitively, for words that are also English ("React", "Swift");
 * - `~Foo` — case-sensitive AND only in a list or language context ("Python, Go", "in R"),
 *            because "Go", "R" and "C" are otherwise ordinary words or letters.
 */

export const SKILL_CATEGORIES = [
  'language', 'frontend', 'backend', 'mobile', 'database', 'cloud', 'devops', 'messaging', 'testing', 'security',
  'data', 'ml', 'product', 'design', 'practice', 'management', 'sales', 'marketing', 'finance', 'healthcare',
  'office', 'operations',
] as const;
/** A lexicon category. */
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];

/** One lexicon row: the canonical name (possibly marked) followed by its aliases. */
export type LexiconRow = readonly [name: string, ...aliases: string[]];

/** One skill: canonical name, category and aliases. */
export interface SkillDefinition {
  name: string;
  category: SkillCategory;
  /** Aliases including the canonical name, still carrying their `=`/`~` markers. */
  aliases: readonly string[];
}

/**
 * Skills that are qualifications one holds rather than tools one uses: the interviewer asks
 * whether the candidate holds them instead of asking for a story about "using" them.
 */
export const CREDENTIALS = new Set([
  'NMC registration', 'Basic Life Support', 'Advanced Life Support', 'PMP', 'PRINCE2', 'ITIL', 'Six Sigma', 'SOC 2',
  'ISO 27001', 'HIPAA', 'GDPR', 'IFRS', 'GAAP',
]);

/** Expands the rows of one category into definitions. */
export function group(category: SkillCategory, rows: readonly LexiconRow[]): SkillDefinition[] {
  return rows.map(([name, ...aliases]) => ({ name: name.replace(/^[=~]/, ''), category, aliases: [name, ...aliases] }));
}
