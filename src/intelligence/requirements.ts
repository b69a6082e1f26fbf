/**
 * The job-requirement coverage map: every requirement read from the job description, marked
 * as demonstrated in an answer (with the exact sentence and the question number), claimed in
 * the CV only (with the CV line), or missing.
 *
 * Requirements are the job description's own lines — the requirement lines first, then
 * responsibilities that add a skill or competency, then nice-to-haves — one entry per distinct
 * requirement, capped at MAX_REQUIREMENTS. A line is matched by the skills it names (through
 * the skill lexicon, so "k8s" shows "Kubernetes"; any one of them counts, as in "Kafka or a
 * similar platform"), by its distinctive content words, or, for short soft-skill lines
 * ("Excellent communication"), by the competency it names. Everything is deterministic and
 * pure: the same inputs always give the same map.
 */
import type { CvTip } from '../ai/schemas.js';
import { analyseCv, relatedEvidence } from '../analysis/cv-analysis.js';
import { COMPETENCIES, type Competency } from '../analysis/competencies.js';
import { analyseJob, isNeed, type JobLine } from '../analysis/job-analysis.js';
import { findSkills } from '../analysis/skill-matcher.js';
import { clipQuote, countWords, shorten, splitSentences, TextCache } from '../text/index.js';
import { contentKeys } from '../text/index.js';
import type { RequirementCoverage } from './types.js';

export const MAX_REQUIREMENTS = 12;
const MAX_LABEL = 120;
const MAX_QUOTE = 300;
/** The lowest answer score that can demonstrate a requirement (matches cv-tips.ts). */
const MIN_SCORE = 4;

export interface RequirementInput {
  jobDescription: string;
  cvText: string;
  /**
   * Main answers and follow-up answers alike; a follow-up answer carries its main question's
   * number. With a score, only decent answers (4/10 or more) count as demonstrations, as in the
   * CV tips ("you showed it in question 4"), so the two never disagree.
   */
  answers: { questionNumber: number; text: string; score?: number | undefined }[];
}

/** One requirement before it is matched against the CV and the answers. */
export interface ParsedRequirement {
  id: string;
  /** The job description's line, shortened for display. */
  requirement: string;
  importance: 'required' | 'nice';
  /** Canonical skill names the line names; any one of them demonstrates it. */
  skills: string[];
  competencies: Competency[];
  /** Distinctive content stems (generic requirement words removed). */
  stems: Set<string>;
}

/** Words every requirement line uses; they say nothing about what is required. */
const GENERIC = contentKeys(
  'experience experienced strong solid proven skills skill ability able knowledge understanding familiarity familiar ' +
    'willingness willing excellent clear good great plus year years minimum least ideally including include similar ' +
    'related relevant other another tools tool using use work working join role required requirement requirements ' +
    'essential desirable preferred bonus nice have having hands-on hands demonstrable track record background degree ' +
    'equivalent level high highly advanced comfortable confident keen passion passionate building build help helping ' +
    "contribute part take closely ensure based across range wide deep you'll you're we're we'll you've our your",
);
const NEGATED = /n['’]t\b|\bnever\b|\bnot\b|\bno experience\b/i;
const SPEAKER = /\b(?:I|I['’](?:ve|d|m)|[Ww]e|[Mm]y|[Oo]ur|[Mm]e)\b/;
const CONTACT = /@|https?:\/\/|www\./;

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');

const distinctiveStems = (text: string) => new Set([...contentKeys(text)].filter((s) => !GENERIC.has(s) && !/^\d/.test(s)));

/** A readable anchor id: the first skill the line names, else its first distinctive words. */
function idFor(line: JobLine, taken: Set<string>): string {
  const firstSkill = line.skills[0]?.skill.name;
  const words = (line.text.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? []).filter((w) => distinctiveStems(w).size > 0);
  const base = slug(firstSkill ?? words.slice(0, 4).join(' ')) || 'requirement';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** The requirements of a job description, most important first (memoised by the job analysis). */
export function parseRequirements(jobDescription: string): ParsedRequirement[] {
  // Every question of an interview re-reads the same job description: parse it once.
  return parsed.get(jobDescription, () => parse(jobDescription));
}
const parsed = new TextCache<ParsedRequirement[]>(64, 2_000_000);

function parse(jobDescription: string): ParsedRequirement[] {
  const job = analyseJob(jobDescription);
  const seenSkills = new Set<string>();
  const seenCompetencies = new Set<string>();
  const seenLines = new Set<string>();
  const taken = new Set<string>();
  const out: ParsedRequirement[] = [];

  const consider = (line: JobLine, importance: ParsedRequirement['importance'], mode: 'always' | 'adds') => {
    if (out.length >= MAX_REQUIREMENTS || !isNeed(line) || seenLines.has(line.text)) return;
    const skills = [...new Set(line.skills.map((m) => m.skill.name))];
    const competencies = COMPETENCIES.filter((c) => c.pattern.test(line.text));
    const stems = distinctiveStems(line.text);
    // A fragment ("Requirements:", "Leeds or remote") is no requirement.
    if (skills.length === 0 && competencies.length === 0 && (stems.size < 2 || countWords(line.text) < 3)) return;
    // A responsibility or nice-to-have that restates an earlier requirement in more words ("Take
    // part in the on-call rotation … and lead incident reviews" after "Willingness to join the
    // on-call rotation") is that requirement: it gets no entry of its own, so the requirement
    // has one status, not "demonstrated" and "missing" at once.
    if (mode === 'adds' && out.some((r) => r.stems.size >= 2 && [...r.stems].every((s) => stems.has(s)))) {
      seenLines.add(line.text);
      return;
    }
    const newSkill = skills.some((s) => !seenSkills.has(s));
    const newCompetency = competencies.some((c) => !seenCompetencies.has(c.name));
    // Responsibilities and nice-to-haves repeat what the requirements said: keep only what they add.
    if (mode === 'adds' && !newSkill && !(skills.length === 0 && newCompetency)) return;
    // A requirement line that only repeats earlier skills ("Docker" after "Docker, Kubernetes") is the same requirement.
    if (mode === 'always' && skills.length > 0 && !newSkill && !newCompetency && stems.size < 3) return;
    seenLines.add(line.text);
    for (const s of skills) seenSkills.add(s);
    for (const c of competencies) seenCompetencies.add(c.name);
    out.push({ id: idFor(line, taken), requirement: shorten(line.text, MAX_LABEL), importance, skills, competencies, stems });
  };

  for (const line of job.requirements) consider(line, 'required', 'always');
  for (const line of job.responsibilities) consider(line, 'required', 'adds');
  // Unstructured descriptions: lines outside any section that still name skills.
  // Unstructured descriptions: duties and requirements outside any recognised section.
  for (const line of job.lines) if (isNeed(line)) consider(line, 'required', 'adds');
  return out;
}

/** The skills and content stems of a sentence or line, memoised: every requirement looks at every sentence. */
interface Piece {
  skills: ReadonlySet<string>;
  stems: ReadonlySet<string>;
}
const pieces = new TextCache<Piece>(2048, 500_000);
const pieceOf = (text: string): Piece =>
  pieces.get(text, () => ({ skills: new Set(findSkills(text).map((m) => m.skill.name)), stems: contentKeys(text) }));

const overlapOf = (req: ParsedRequirement, stems: ReadonlySet<string>) => [...req.stems].filter((s) => stems.has(s)).length;
// Either pattern: job ads and answers describe a competency differently ("mentor" / "trained").
const showsCompetency = (req: ParsedRequirement, text: string) =>
  req.competencies.some((c) => c.pattern.test(text) || (c.answerPattern?.test(text) ?? false));

/**
 * How strongly a piece of text (an answer, a CV line) shows a requirement that names no skill,
 * from its distinctive words and competency (0 = not at all).
 */
function wordStrength(req: ParsedRequirement, text: string): number {
  const overlap = overlapOf(req, pieceOf(text).stems);
  const competency = showsCompetency(req, text);
  if (overlap >= 2 || (overlap === 1 && req.stems.size === 1)) return overlap + (competency ? 1 : 0);
  // Short soft-skill lines ("Excellent communication"): the competency itself, with any second word.
  if (competency && req.stems.size <= 2 && overlap >= req.stems.size - 1) return 1;
  return 0;
}

/** How strongly one line or sentence shows `req` by the skills it names (0 = not at all). */
function skillStrength(req: ParsedRequirement, text: string): number {
  const piece = pieceOf(text);
  const hits = req.skills.filter((s) => piece.skills.has(s)).length;
  if (hits > 0) return 10 + hits;
  const overlap = overlapOf(req, piece.stems);
  return overlap >= 3 ? overlap : 0;
}

interface Best {
  text: string;
  score: number;
  questionNumber?: number;
}

/** A sentence that can demonstrate anything: a first-hand account ("I…", "we…"), not negated, not a bare list. */
const firstHand = (text: string) => countWords(text) >= 6 && SPEAKER.test(text) && !NEGATED.test(text);

/** The sentence with the highest positive score, the earliest on ties. */
function strongest(sentences: readonly string[], score: (sentence: string) => number): { text: string; score: number } | null {
  let best: { text: string; score: number } | null = null;
  for (const text of sentences) {
    const value = score(text);
    if (value > 0 && (!best || value > best.score)) best = { text, score: value };
  }
  return best;
}

/** An answer's first-hand sentences and their joined text, memoised: every requirement reads every answer. */
interface AnswerView {
  sentences: string[];
  joined: string;
}
const answerViews = new TextCache<AnswerView>(512, 500_000);
function answerView(answer: string): AnswerView {
  return answerViews.get(answer, () => {
    const sentences = splitSentences(answer)
      .map((s) => s.text)
      .filter(firstHand);
    return { sentences, joined: sentences.join(' ') };
  });
}

/** The best sentence of an answer showing `req`, with its strength. */
function bestSentenceIn(req: ParsedRequirement, answer: string): { text: string; score: number } | null {
  const { sentences, joined } = answerView(answer);
  if (req.skills.length > 0) return strongest(sentences, (s) => skillStrength(req, s));
  // A skill-free requirement may be shown across a whole answer ("I was on call…" then "I declared an incident…");
  // the quote is the sentence that carries most of it.
  const whole = wordStrength(req, joined);
  if (whole === 0) return null;
  const quote = strongest(sentences, (s) => overlapOf(req, pieceOf(s).stems) * 2 + (showsCompetency(req, s) ? 1 : 0));
  return quote ? { text: quote.text, score: whole } : null;
}

/**
 * bestSentenceIn, memoised per parsed requirement and answer text: during an interview the
 * map is rebuilt before every question from the same earlier answers plus one new one.
 */
const sentenceResults = new WeakMap<ParsedRequirement, Map<string, { text: string; score: number } | null>>();
const SENTENCE_RESULTS_MAX = 256;
function bestSentenceInCached(req: ParsedRequirement, answer: string): { text: string; score: number } | null {
  let perAnswer = sentenceResults.get(req);
  if (!perAnswer) sentenceResults.set(req, (perAnswer = new Map()));
  if (perAnswer.has(answer)) return perAnswer.get(answer)!;
  if (perAnswer.size >= SENTENCE_RESULTS_MAX) perAnswer.clear();
  const found = bestSentenceIn(req, answer);
  perAnswer.set(answer, found);
  return found;
}

function bestAnswerSentence(req: ParsedRequirement, answers: RequirementInput['answers']): Best | null {
  let best: Best | null = null;
  for (const a of answers) {
    const found = bestSentenceInCached(req, a.text);
    // Strictly better only: ties keep the earlier question.
    if (found && (!best || found.score > best.score)) best = { ...found, questionNumber: a.questionNumber };
  }
  return best;
}

function bestCvLine(req: ParsedRequirement, cvText: string): Best | null {
  if (!cvText.trim()) return null;
  const cv = analyseCv(cvText);
  // A named skill: the CV's strongest line for it (an achievement beats a skills-list entry).
  const skill = cv.skills.find((s) => req.skills.includes(s.name));
  if (skill) return { text: skill.evidence.text, score: 10 };
  const related = req.skills.map((s) => relatedEvidence(cv, s)).find((l) => l !== null);
  if (related) return { text: related.text, score: 9 };
  const lines = cv.lines.filter((l) => !l.isRoleHeading && !CONTACT.test(l.text)).map((l) => l.text);
  return strongest(lines, (l) => (req.skills.length > 0 ? skillStrength(req, l) : wordStrength(req, l)));
}

/**
 * The CV's best line for each requirement. The CV and the job description stay the same for a
 * whole interview while answers come in, so this is memoised per parsed job description and CV.
 */
const cvEvidenceCache = new WeakMap<readonly ParsedRequirement[], TextCache<(Best | null)[]>>();
function cvEvidence(requirements: readonly ParsedRequirement[], cvText: string): (Best | null)[] {
  let perCv = cvEvidenceCache.get(requirements);
  if (!perCv) cvEvidenceCache.set(requirements, (perCv = new TextCache<(Best | null)[]>(16, 1_000_000)));
  return perCv.get(cvText, () => requirements.map((req) => bestCvLine(req, cvText)));
}

/** Matches each requirement against the answers and the CV. */
function coverageOf(requirements: readonly ParsedRequirement[], input: RequirementInput): RequirementCoverage[] {
  const answers = input.answers.filter((a) => a.text.trim() && (a.score === undefined || a.score >= MIN_SCORE));
  const cvLines = cvEvidence(requirements, input.cvText);
  return requirements.map((req, i) => {
    const shown = bestAnswerSentence(req, answers);
    const cv = cvLines[i] ?? null;
    const base = { id: req.id, requirement: req.requirement, importance: req.importance };
    const cvEvidence = cv ? shorten(cv.text, MAX_QUOTE) : undefined;
    if (shown) return { ...base, status: 'demonstrated' as const, quote: clipQuote(shown.text, MAX_QUOTE), questionNumber: shown.questionNumber, cvEvidence };
    if (cv) return { ...base, status: 'cv_only' as const, cvEvidence };
    return { ...base, status: 'missing' as const };
  });
}

/** The requirement coverage map of one interview. */
export function requirementCoverage(input: RequirementInput): RequirementCoverage[] {
  return coverageOf(parseRequirements(input.jobDescription), input);
}

/** Requirements no answer has demonstrated yet, most important first (later questions steer toward them). */
export function uncoveredRequirements(map: readonly RequirementCoverage[]): string[] {
  return map.filter((r) => r.status !== 'demonstrated').map((r) => r.requirement);
}

/** The canonical skill names a requirement's text names (e.g. to put one into a question). */
export function requirementSkills(requirement: string): string[] {
  return [...new Set(findSkills(requirement).map((m) => m.skill.name))];
}

const LABEL_END = /…$/;

/**
 * The requirement a CV tip is about, if any: the tip quotes the requirement's job line, or
 * names one of its skills. Missing requirements win over the others, so a tip links to the
 * gap it closes.
 */
export function requirementForTip(tip: Pick<CvTip, 'tip' | 'evidence'>, map: readonly RequirementCoverage[]): RequirementCoverage | undefined {
  const text = `${tip.tip}\n${tip.evidence}`.toLowerCase();
  // Skills named in the tip itself, not its evidence: "add the outcome to this bullet" quoting a
  // PostgreSQL bullet is not about the PostgreSQL requirement.
  const tipSkills = new Set(findSkills(tip.tip).map((m) => m.skill.name));
  const concerns = (r: RequirementCoverage) =>
    text.includes(r.requirement.replace(LABEL_END, '').toLowerCase()) || requirementSkills(r.requirement).some((s) => tipSkills.has(s));
  const rank = { missing: 0, cv_only: 1, demonstrated: 2 } as const;
  return [...map].filter(concerns).sort((a, b) => rank[a.status] - rank[b.status])[0];
}
