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

const SKILL_CATEGORIES = [
  'language', 'frontend', 'backend', 'mobile', 'database', 'cloud', 'devops', 'messaging', 'testing', 'security',
  'data', 'ml', 'product', 'design', 'practice', 'management', 'sales', 'marketing', 'finance', 'healthcare',
  'office', 'operations', 'education',
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
  // Frameworks and laws one knows (GDPR, HIPAA, IFRS) or a company is audited against (SOC 2,
  // ISO 27001) are not held by a person: asking "do you hold GDPR?" would be a false premise.
  'NMC registration', 'Basic Life Support', 'Advanced Life Support', 'PMP', 'PRINCE2', 'ITIL', 'Six Sigma',
]);

/**
 * Evidence on a CV that shows a skill without naming it: a data scientist with an MSc and PyMC
 * knows statistics; a former SDR who booked meetings has done lead generation; a preceptor
 * supervises students. Case-insensitive patterns over CV lines (education and skills count).
 * A related match means the interviewer invites the candidate to talk about the skill rather
 * than asking about a gap.
 */
export const RELATED_EVIDENCE: Readonly<Record<string, RegExp>> = {
  statistics: /\b(?:(?:MSc|MS|M\.Sc|BSc|PhD|masters?|degree)\b[^.\n]{0,40}\b(?:data science|statistics|mathematics|maths|econometrics|economics|physics)|bayesian|pymc|stan\b|regression|hypothesis test\w*|a\/b test\w*|causal inference|difference[- ]in[- ]differences|econometric\w*|experiment(?:s|ation|al design))/i,
  'A/B testing': /\b(?:experiment(?:s|ation)|split tests?|multivariate tests?|controlled trials?)\b/i,
  'lead generation': /\b(?:SDR|BDR|sales development|business development rep\w*|outbound|booked \d+|meetings booked|cold (?:call|email)\w*|sequences?|pipeline generation|sourced \d+%? of (?:my |the )?pipeline)\b/i,
  hiring: /\b(?:interview(?:ed|ing) (?:candidates|engineers|applicants)|hiring panels?|recruited|hired \d+|built (?:a|the) team of)\b/i,
  'people management': /\b(?:line[- ]managed|managed a team of|direct reports|team of \d+ (?:engineers|people|staff|nurses))\b/i,
  'student supervision': /\b(?:preceptor\w*|practice (?:assessor|supervisor)|mentorship|student nurses|supervis\w* (?:students|trainees|juniors)|mentor(?:ed|ing)? (?:students|trainees|new(?:ly qualified)?))\b/i,
  'machine learning': /\b(?:xgboost|lightgbm|random forests?|gradient boosting|model training|trained (?:a )?models?|classifiers?)\b/i,
  'project management': /\b(?:managed (?:the )?projects?|project lead|delivered \d+ projects)\b/i,
  'web accessibility': /\b(?:WCAG|screen readers?|ARIA)\b/i,
  'mechanical ventilation': /\b(?:ventilated patients|portable ventilat\w*|invasive ventilation|ventilator)\b/i,
  'critical care': /\b(?:ICU|intensive care|HDU|high[- ]dependency|critical care|level[- ][23] patients)\b/i,
  'sales qualification': /\b(?:qualification|discovery calls?)\b/i,
  'customer service': /\b(?:customer[- ]facing|retail assistant|front of house|shop floor|call centre|helpdesk)\b/i,
  'curriculum design': /\b(?:schemes? of work|lesson plann\w*|planned lessons|curriculum)\b/i,
};

/**
 * Words that show someone is talking about working with a skill without naming it: an answer
 * about query plans and CTEs is an SQL answer; one about a pupil sent out of a practical is about
 * classroom management. Used only to recognise that an answer addresses a skill question.
 */
export const SKILL_DOMAIN: Readonly<Record<string, RegExp>> = {
  SQL: /\b(?:quer(?:y|ies)|joins?|CTEs?|window functions?|indexes|index|schema|subquer(?:y|ies)|tables?)\b/i,
  PostgreSQL: /\b(?:quer(?:y|ies)|indexes|index|EXPLAIN|vacuum|schema|tables?|migrations?)\b/i,
  Kafka: /\b(?:consumers?|partitions?|topics?|offsets?|lag|brokers?|messages?)\b/i,
  'classroom management': /\b(?:behaviour|behavior|disrupt\w*|sanctions?|on-call|seating|de-?escalat\w*|removed|detention|called home|calm)\b/i,
  'customer service': /\b(?:customers?|complain\w*|refunds?|callers?|contacts?|tickets?|help-?centre|articles?)\b/i,
  'student supervision': /\b(?:students?|preceptee\w*|newly qualified|sign(?:ed)? off|assess(?:ed|ing|ment))\b/i,
  forecasting: /\b(?:forecast\w*|commit|best case|pipeline|quarter)\b/i,
  'B2B sales': /\b(?:deals?|prospects?|buyers?|champions?|procurement|signed|closed|quota|pipeline)\b/i,
  reconciliation: /\b(?:reconcil\w*|ledger|control account|journals?|cut-?off|balances?)\b/i,
  // Special needs are told through the need itself and the people and plans around it.
  SEND: /\b(?:ADHD|dyslexi\w*|dyspraxi\w*|autis\w*|ASD|EHCPs?|SENCOs?|support plans?|additional needs|hearing impair\w*|visual(?:ly)? impair\w*|processing (?:speed|difficult\w*))\b/i,
};

/** Expands the rows of one category into definitions. */
export function group(category: SkillCategory, rows: readonly LexiconRow[]): SkillDefinition[] {
  return rows.map(([name, ...aliases]) => ({ name: name.replace(/^[=~]/, ''), category, aliases: [name, ...aliases] }));
}
