/**
 * Maps free question text to a competency: questions remote models write, and the themes of
 * the offline interviewer. Keyword scoring rather than a model, because it runs on every
 * planned question and must give the same answer every time. The focus (what the planner says
 * the question probes, e.g. "conflict" or "Kubernetes") is the clearer signal, so it counts
 * three times as much as the question text.
 */
import { findSkills } from '../analysis/skill-matcher.js';
import type { CompetencyId } from '../interview/definitions.js';
import { neighbourScores } from './neighbours.js';

/** Signals per competency; each distinct matching term counts once however often it occurs. */
const SIGNAL_SOURCES: readonly (readonly [CompetencyId, readonly RegExp[]])[] = [
  ['self_presentation', [
    /\b(?:tell|walk) (?:me|us) (?:a (?:little|bit) )?(?:about|through) (?:yourself|your (?:background|career|path|cv|experience so far))\b/i,
    /\b(?:introduc(?:e|tion) yourself|self[- ]presentation|about yourself|elevator pitch|overview of your career|(?:your|career) (?:story|path|journey))\b/i,
    /\b(?:proudest|main strengths|your strengths|what (?:would|will|could) you bring)\b/i,
  ]],
  ['motivation', [
    /\bwhy (?:do you want|are you (?:interested|applying|looking)|this (?:role|company|job)|us|here|now|join|leave|are you leaving)\b/i,
    /\b(?:motivat\w*|career goals?|next (?:few|five|three) years|three to five years|where do you see yourself|move on from|appeals? to you|gives you (?:the most )?energy|long term|make you (?:stay|leave))\b/i,
    /\b(?:questions? (?:for (?:me|us|the interviewer)|do you have)|what would you like to ask|anything (?:else )?(?:you'?d like|to add)|before we (?:finish|wrap up)|(?:not|haven'?t) (?:yet )?(?:covered|talked about))\b/i,
    /\b(?:passion\w*|excite[sd]?|excites|drawn to|attracts? you)\b/i,
  ]],
  ['teamwork', [
    /\b(?:team ?work|teammates?|collaborat\w*|cross[- ]functional|work(?:ed|ing)? (?:closely )?with (?:another|other|a) (?:team|discipline|department)s?|pair(?:ed|ing)?|together|team member|group project)\b/i,
    /\b(?:help(?:ed)? a colleague|unblock\w*|shared (?:goal|result)|way of working|other teams?|team more effective|feedback from a colleague)\b/i,
  ]],
  ['conflict', [
    /\b(?:disagree\w*|disagreement|conflict\w*|push(?:ed)? back|pushback|tension|argument|difficult (?:colleague|conversation|person|coworker)s?|clash\w*|objection|criticism|friction|pulling their weight)\b/i,
    /\b(?:didn'?t|did not) (?:agree|see eye to eye|want to hear)\b/i,
  ]],
  ['leadership', [
    /\b(?:lead(?:ing)? (?:a|the|your)? ?(?:team|project|initiative|group)|led|took the lead|leadership|leaders|mentor\w*|coach\w*|influenc\w*|persuad\w*|convinc\w*|without (?:formal )?authority|vision|direct reports?|delegat\w*|grow(?:ing|n)? (?:people|others|engineers|other leaders)|hir(?:e|ing)|unpopular decision|underperform\w*|set(?:ting)? (?:the )?direction)\b/i,
  ]],
  ['ownership', [
    /\b(?:ownership|owned|took (?:it )?on|take responsibility|took responsibility|accountab\w*|end[- ]to[- ]end|not (?:strictly )?your (?:job|responsibility)|beyond your (?:role|remit)|without being asked|initiative|nobody else|first idea|give up|commitment|yours to make|could have escalated)\b/i,
  ]],
  ['failure', [
    /\b(?:fail(?:ed|ure|ures)?|mistakes?|went wrong|didn'?t (?:go|turn out)|did not (?:go|turn out|work out)|regret|got (?:it )?wrong|turned out to be wrong|missed (?:a )?deadline|setback|learn(?:ed|t) from|weakness\w*|taken on more than)\b/i,
  ]],
  ['prioritisation', [
    /\b(?:priorit\w*|competing (?:deadlines|demands|requests)|more work than|too much (?:work|on)|say(?:ing)? no|deadlines?|workload|time management|urgent|backlog|postpone\w*|busier|due on the same day|should not do|mattered more|short-term commitments)\b/i,
  ]],
  ['communication', [
    /\b(?:communicat\w*|explain\w*|non[- ]technical|present(?:ed|ing|ation)?s?|written|write[- ]?ups?|documentation|audience|misunderst\w*|listen\w*|jargon|information flows?|proposal)\b/i,
  ]],
  ['stakeholders', [
    /\b(?:stakeholders?|expectations|senior (?:leaders|leadership|management|stakeholder)|executives?|sponsors?|negotiat\w*|manag(?:e|ing) up|bad news|competing requests|someone more senior|updated on|keep(?:ing)? (?:them|people|everyone) (?:informed|updated))\b/i,
  ]],
  ['adaptability', [
    /\b(?:adapt\w*|learn(?:ed|t|ing)? (?:something|a new|quickly|fast)|keep learning|new (?:tool|technology|language|domain|process)|unfamiliar|chang(?:e|ed|ing) (?:of )?(?:plans?|priorities|requirements|direction)|plans changed|major change|ambigu\w*|pivot\w*|uncertain\w*|unclear instructions|incomplete information|shifted|out of your comfort zone)\b/i,
  ]],
  ['customer_focus', [
    /\b(?:customers?|users?'? (?:needs|experience|feedback)|user research|clients?|patients?|service users?|complain\w*|satisf\w*|end users?|user feedback|families|upset|angry|people who (?:would )?use)\b/i,
  ]],
  ['problem_solving', [
    /\b(?:problem[- ]solv\w*|root cause|solv(?:e|ed|ing)|puzzle|estimat\w*|break (?:it|the problem) down|how would you approach|tricky problem|complex problem|wasn'?t obvious|got stuck|limited (?:time|money|resources))\b/i,
  ]],
  ['system_design', [
    /\bdesign(?:ing)?\s+(?:\w+\s+){0,3}?(?:system|service|api|architecture|platform|rate limiter|queue|cache|feed|url shortener|notification system|web app)s?\b/i,
    /\b(?:architect\w*|system design|scal(?:e|es|ing|ability|able)|distributed|sharding|partition\w*|load balanc\w*|throughput|latency|high availability|caching|rate limit\w*|microservices?|monolith|event[- ]driven|consistency|millions? of (?:users|requests)|requests per second)\b/i,
  ]],
  ['debugging', [
    /\b(?:debug\w*|bug|bugs|troubleshoot\w*|diagnos\w*|stack trace|reproduc\w*|intermittent|memory leak|leak|profil\w*|slow (?:query|page|endpoint|request)|crash\w*|wrong answer|works on (?:your|my) machine|track (?:it )?down|find the cause|investigat\w*)\b/i,
  ]],
  ['testing', [
    /\b(?:test(?:s|ing|ed)?|tdd|test[- ]driven|coverage|qa|quality assurance|regression|mock\w*|unit|integration|end[- ]to[- ]end|e2e|flaky)\b/i,
  ]],
  ['data', [
    /\b(?:data(?:set|base|bases| model| pipeline| quality| warehouse)?|sql|quer(?:y|ies)|tables?|schema|metrics?|analytics|dashboards?|a\/b|experiment\w*|statistic\w*|evidence|kpis?|index(?:es|ing)?|etl|data[- ]driven|measure)\b/i,
  ]],
  ['security', [
    /\b(?:secur\w*|vulnerab\w*|attack\w*|threat\w*|auth(?:entication|orisation|orization)?|encrypt\w*|secrets?|password\w*|owasp|injection|xss|cross[- ]site|csrf|privacy|gdpr|personal data|breach\w*|least privilege|access control|confidential\w*)\b/i,
  ]],
  ['operations', [
    /\b(?:incidents?|outages?|on[- ]call|downtime|monitor\w*|alert\w*|observability|deploy\w*|rollbacks?|roll(?:ing)? (?:back|out)|releases?|uptime|slos?|slas?|service level|error budget|post[- ]?mortems?|runbooks?|reliab\w*|capacity|disaster recovery|emergenc\w*|escalat\w*|stopped working|time pressure|act fast)\b/i,
  ]],
  ['code_quality', [
    /\b(?:code review\w*|review(?:ed|ing)? (?:code|pull requests|a pull request|prs?)|been reviewed|pull requests?|refactor\w*|readab\w*|read and maintain|maintainab\w*|clean code|technical debt|tech debt|legacy code|naming|coding standards|linters?|conventions|version control|commits?|rewrite|shared library|attention to detail|accura\w*|double[- ]check\w*|caught a mistake|quality)\b/i,
  ]],
];

const FOCUS_WEIGHT = 3;
/** How strong a signal must be to beat "it is about a named skill". */
const CLEAR_SIGNAL = 2;

const SIGNALS = SIGNAL_SOURCES.map(([id, patterns]) => [id, patterns.map((p) => new RegExp(p.source, 'gi'))] as const);

/** The distinct terms of `text` that the patterns match ("bug" twice counts once). */
function terms(text: string, patterns: readonly RegExp[]): number {
  const found = new Set<string>();
  for (const p of patterns) for (const m of text.matchAll(p)) found.add(m[0].toLowerCase());
  return found.size;
}

/** How many distinct signal terms of each competency a text contains (e.g. a job description). */
export function competencySignals(text: string): Map<CompetencyId, number> {
  return scores(text, '');
}

function scores(text: string, focus: string): Map<CompetencyId, number> {
  const out = new Map<CompetencyId, number>();
  for (const [id, patterns] of SIGNALS) {
    const score = terms(text, patterns) + (focus ? FOCUS_WEIGHT * terms(focus, patterns) : 0);
    if (score > 0) out.set(id, score);
  }
  return out;
}

/** Nearest-bank-entry similarity below this says nothing (measured on the bank, leave-one-out). */
const NEIGHBOUR_MIN = 0.12;

function bestOf(candidates: readonly CompetencyId[], by: ReadonlyMap<CompetencyId, number>): CompetencyId | undefined {
  let best: CompetencyId | undefined;
  for (const c of candidates) if (best === undefined || (by.get(c) ?? 0) > (by.get(best) ?? 0)) best = c;
  return best;
}

/**
 * `classifyCompetency` with one bank entry left out of the neighbour examples, so tests and
 * the figures in the report can measure it on the bank itself without it finding the answer.
 */
export function classifyExcluding(text: string, focus: string, excludeId: string | undefined): CompetencyId {
  const keyword = scores(text, focus);
  const top = Math.max(0, ...keyword.values());
  const namesSkill = findSkills(`${focus} ${text}`).length > 0;
  let neighbours: Map<CompetencyId, number> | undefined;
  const near = () => (neighbours ??= neighbourScores(`${focus} ${text}`, excludeId));
  if (top > 0) {
    const tied = [...keyword].filter(([, s]) => s === top).map(([c]) => c);
    const winner = tied.length === 1 ? tied[0] : bestOf(tied, near());
    // A single weak keyword does not outweigh a named skill unless the bank agrees.
    if (winner && (!namesSkill || top >= CLEAR_SIGNAL || bestOf([...near().keys()], near()) === winner)) return winner;
  }
  if (namesSkill) return 'role_skills';
  const nearest = bestOf([...near().keys()], near());
  return nearest && (near().get(nearest) ?? 0) >= NEIGHBOUR_MIN ? nearest : 'problem_solving';
}

/**
 * The competency a question probes. The strongest keyword signal wins, ties broken by the most
 * similar bank entry; a question that only names skills from the lexicon ("How have you used
 * Kubernetes in production?") is a role-skills question, because it asks about the skill rather
 * than a practice; a question with no keyword takes the competency of its nearest bank entry
 * when one is similar enough, and is otherwise treated as problem solving.
 */
export function classifyCompetency(text: string, focus = ''): CompetencyId {
  return classifyExcluding(text, focus, undefined);
}

