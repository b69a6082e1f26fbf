/**
 * The wording of each kind of question. Every template names something concrete (the role,
 * the company, a CV line, a job-description line or a skill) so no question could be asked of
 * any candidate. `v` picks a wording variant deterministically.
 */
import type { PlannedQuestion } from '../schemas.js';
import { competencyByName } from '../../analysis/competencies.js';
import type { ContextAnalysis } from '../../analysis/context-analysis.js';
import type { CvLine } from '../../analysis/cv-analysis.js';
import type { JobSkill } from '../../analysis/job-analysis.js';
import type { SkillGap } from '../../analysis/overlap.js';
import { CREDENTIALS } from '../../analysis/skill-lexicon.js';
import { technicalScenario } from './technical-scenarios.js';
import { naturalPhrase, pick, shorten, upperFirst } from '../../text/index.js';

const q = (kind: PlannedQuestion['kind'], focus: string, text: string): PlannedQuestion => ({
  kind,
  focus: shorten(focus, 120),
  text: text.length > 600 ? shorten(text, 600) : text,
});
const roleRef = (a: ContextAnalysis) => (a.role ? `the ${a.role} role` : 'this role');
const at = (company: string) => (company ? ` at ${company}` : '');
/** A CV or job line as a natural quote (a whole phrase of at most ~15 words), or null when it has none. */
const quoted = (text: string): string | null => {
  const phrase = naturalPhrase(text);
  return phrase ? `"${phrase}"` : null;
};

/** Opening question about fit for this role at this company. */
export function openerQuestion(a: ContextAnalysis, v: number): PlannedQuestion {
  const latest = a.cv.roles[0];
  const where = `${roleRef(a)}${at(a.company)}`;
  const variants: [string, ...string[]] = [
    `Let's start with fit: why are you interested in ${where}, and what in your background makes you a strong match for it?`,
    `Tell me briefly about yourself, focusing on the experience most relevant to ${where}, and what you would bring in your first months.`,
  ];
  if (latest?.title) {
    variants.push(
      `To open, walk me through your path so far, especially your time as ${latest.title}${at(latest.company)}, and why it prepares you for ${where}.`,
    );
  }
  return q('opener', `fit for ${a.role || 'the role'}`, pick(variants, v));
}

/** STAR-style behavioural question about a competency, anchored in the job text or the role. */
export function behavioralQuestion(a: ContextAnalysis, name: string, evidence: string | null, v: number, ordinal: number): PlannedQuestion {
  const prompt = pick(competencyByName(name)?.prompts ?? [`showed ${name}`], v);
  const quote = evidence ? quoted(evidence) : null;
  const lead = quote
    ? pick([`The job description says ${quote}.`, `This role calls for ${name}: the job description mentions ${quote}.`], v >> 1)
    : `${upperFirst(name)} matters a lot in ${roleRef(a)}${at(a.company)}.`;
  // Each behavioural question points at a different job from the CV, most recent first.
  const cvRole = a.cv.roles[ordinal % Math.max(1, a.cv.roles.length)];
  const where = cvRole?.company ? `, ideally from your time at ${cvRole.company}` : '';
  const ask = pick(['Tell me about a time you', 'Describe a specific occasion when you', 'Give me an example of when you'], v >> 2);
  return q('behavioral', name, `${lead} ${ask} ${prompt}${where}. What was the situation, what did you do, and what was the result?`);
}

/** Deep dive into a skill both the CV and the job name, quoting the CV line that shows it. */
export function skillQuestion(a: ContextAnalysis, skill: JobSkill, line: CvLine, v: number): PlannedQuestion {
  const role = a.cv.roles[line.role];
  const where = at(role?.company ?? '');
  const isStory =
    !line.isRoleHeading && (line.isBullet || line.section === 'experience' || line.section === 'projects' || (line.section === 'summary' && line.text.split(/\s+/).length >= 8));
  const s = skill.name;
  const cvQuote = quoted(line.text);
  if (!cvQuote) {
    return q('skill', s, `Your CV shows ${s}, and ${roleRef(a)}${at(a.company)} ${skill.importance === 'required' ? 'asks for it' : 'uses it'}. Tell me about a specific piece of work where you used ${s}: what was the problem, what did you do, and what came of it?`);
  }
  if (isStory && line.quantified) {
    return q('skill', s, pick([
      `On your CV you mention ${cvQuote}${where}. Walk me through it: what was the situation, what did you personally do with ${s}, and how did you measure the result?`,
      `Your CV says ${cvQuote}${where}. The role relies on ${s} too: what was the hardest decision you made there, what did you rule out, and what would you do differently now?`,
    ], v));
  }
  if (isStory) {
    return q('skill', s, `Your CV mentions ${cvQuote}${where}, and ${roleRef(a)} relies on ${s}. Tell me about the most difficult problem you solved with ${s} there: the trade-offs, what you did, and the outcome.`);
  }
  const need = skill.importance === 'required' ? 'asks for it' : 'uses it';
  return q('skill', s, `Your CV lists ${s}, and ${roleRef(a)}${at(a.company)} ${need}. Tell me about a specific piece of work where you used ${s}: what was the problem, what did you do, and what came of it?`);
}

/** Deep dive into a quantified CV achievement when no shared skill is left to ask about. */
export function achievementQuestion(a: ContextAnalysis, line: CvLine): PlannedQuestion {
  const role = a.cv.roles[line.role];
  const focus = role?.title ? `${role.title}${at(role.company)}` : shorten(line.text, 60);
  const quote = quoted(line.text);
  const what = quote ? `On your CV you mention ${quote}${at(role?.company ?? '')}.` : `Let's talk about your time as ${focus}.`;
  return q('skill', focus, `${what} Walk me through one result you achieved there: what did you do yourself, and how was the result measured?`);
}

/**
 * Probe of a job requirement the CV does not show, phrased as an invitation: the CV may simply
 * not mention something the candidate has done, so the question asks rather than accuses.
 */
export function gapQuestion(a: ContextAnalysis, gap: SkillGap, v: number): PlannedQuestion {
  const s = gap.skill.name;
  // Quote the job line only when the quoted phrase itself names the skill.
  const phrase = quoted(gap.skill.evidence);
  const source = phrase && phrase.toLowerCase().includes(gap.skill.alias.toLowerCase()) ? phrase : null;
  const from = source ? ` (the job description says ${source})` : '';
  if (CREDENTIALS.has(s)) {
    const beyond = gap.related ? ` beyond ${gap.related.name}` : '';
    return q('gap', s, `The role asks for ${s}${from}, and I couldn't see it on your CV. Do you hold it, or is it planned? And what related training have you done${beyond}?`);
  }
  const near = gap.related ? `, or with something close to it such as ${gap.related.name}` : '';
  const closest = gap.related ? ` (your ${gap.related.name}, for example)` : '';
  return q('gap', s, pick([
    `The role involves ${s}${from}, and I couldn't see it on your CV, though you may well have done it. What experience do you have with it${near}, and how would you build on it in your first months${at(a.company)}?`,
    `I'd like to hear about ${s}: the role needs it${from}, and your CV doesn't mention it. Tell me about the closest thing you have done${closest}, and how you would get up to speed.`,
  ], v));
}

/** Probe of a shortfall in years of experience. */
export function yearsGapQuestion(a: ContextAnalysis, gap: { required: number; actual: number; evidence: string }): PlannedQuestion {
  return q('gap', 'years of experience', `The job asks for ${gap.required}+ years of experience, and your CV shows about ${gap.actual} in this kind of role. What in your experience makes up for that? Give me one concrete example.`);
}

/** Scenario question about a skill the job needs. */
export function technicalQuestion(a: ContextAnalysis, skill: JobSkill, ordinal: number): PlannedQuestion {
  return q('technical', skill.name, technicalScenario(skill.name, skill.category, a.company, ordinal));
}

/** The responsibility line a motivation question quotes (the first substantial one not quoted yet). */
export function motivatingDuty(a: ContextAnalysis, quotedLines: ReadonlySet<string> = new Set()) {
  return a.job.responsibilities.find((l) => l.text.split(/\s+/).length >= 6 && !quotedLines.has(l.text));
}

/** Why this company, tied to a line from the job's responsibilities when there is one. */
export function motivationQuestion(a: ContextAnalysis, v: number, quotedLines: ReadonlySet<string> = new Set()): PlannedQuestion {
  const duty = motivatingDuty(a, quotedLines);
  const company = a.company || 'this company';
  const generic = `Why ${company}, and why now? What do you know about what ${company} does, and how does ${roleRef(a)} fit where you want your career to go over the next few years?`;
  const dutyQuote = duty ? quoted(duty.text) : null;
  const text = dutyQuote
    ? pick([`The role involves ${dutyQuote}. What about that kind of work motivates you, and why do you want to do it${at(a.company)} rather than somewhere else?`, generic], v)
    : generic;
  return q('motivation', `motivation for ${a.company || a.role || 'the role'}`, text);
}

/** Closing question: anything to add (prompted with something from the CV) and their questions. */
export function closingQuestion(a: ContextAnalysis, v: number, unusedAchievement: CvLine | undefined): PlannedQuestion {
  const latest = a.cv.roles[0];
  const extra = (unusedAchievement ? quoted(unusedAchievement.text) : null) ?? (latest?.company ? `your time at ${latest.company}` : '');
  const where = `${roleRef(a)}${at(a.company)}`;
  return q('closing', 'questions for the interviewer', pick([
    `To finish: is there anything from your background${extra ? `, for example ${extra},` : ''} that we haven't covered and that matters for ${where}? And what would you like to ask us?`,
    `We're nearly out of time. What questions do you have about ${where}, and is there anything${extra ? `, such as ${extra},` : ''} you'd like to add?`,
  ], v));
}
