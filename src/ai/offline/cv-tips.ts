/**
 * CV tips grounded in the job description and in the interview itself: requirements the CV
 * does not show (quoting the job line, and crediting answers that demonstrated them), bullets
 * without outcomes, skills written under a different name, missing sections and length.
 */
import type { CvTip } from '../schemas.js';
import type { AnsweredQuestion } from '../types.js';
import { answerFeatures } from '../../analysis/answer-features.js';
import type { ContextAnalysis } from '../../analysis/context-analysis.js';
import { CREDENTIALS } from '../../analysis/skill-lexicon.js';
import { shorten } from '../../text/index.js';

const MAX_TIPS = 8;
const jobLine = (text: string) => `Job description: "${shorten(text, 360)}"`;
const cvLine = (text: string) => `Your CV: "${shorten(text, 370)}"`;

/** True when the candidate says they did something with `skill` ("I built a Kafka prototype"), not just names it. */
function usedIn(text: string, skill: string): boolean {
  const f = answerFeatures(text);
  return f.actionSentences.some(
    (s) => !/n['’]t\b|\bnever\b|\bnot\b/i.test(s.text) && f.skills.some((m) => m.skill.name === skill && m.index >= s.start && m.index < s.start + s.text.length),
  );
}

/** The first question in which the candidate showed `skill` in a decent answer, if any. */
function demonstratedIn(skill: string, answers: readonly AnsweredQuestion[]): number | null {
  for (const a of answers) {
    const said = [a.answer, a.followUp?.answer ?? ''];
    if (a.evaluation.score >= 4 && said.some((text) => usedIn(text, skill))) return a.questionNumber;
  }
  return null;
}

/** Up to eight CV tips, most important first. */
export function cvTipsFor(a: ContextAnalysis, answers: readonly AnsweredQuestion[]): CvTip[] {
  const { cv, overlap } = a;
  if (cv.wordCount === 0) {
    return [{ tip: 'Add your CV so the feedback can compare it with the job description.', evidence: 'No CV text was provided for this interview.' }];
  }
  const tips: CvTip[] = [];
  for (const gap of overlap.gaps.slice(0, 3)) {
    const name = gap.skill.name;
    const shown = demonstratedIn(name, answers);
    const closest = gap.related ? `; if not, make your closest experience (${gap.related.name}) easy to find` : '';
    const tip = CREDENTIALS.has(name)
      ? `The job requires ${name}, which your CV doesn't show. If you hold it, list it under certifications with its date${gap.related ? `, next to ${gap.related.name}` : ''}; if not, say when you will complete it.`
      : shown !== null
        ? `The job asks for ${name} and you showed it in question ${shown}; add it to your CV, with where you used it and what it achieved.`
        : `The job asks for ${name}, which your CV doesn't show. If you have used it, add where and what it achieved${closest}.`;
    tips.push({ tip, evidence: jobLine(gap.skill.evidence) });
  }
  if (overlap.yearsGap) {
    const { required, actual, evidence } = overlap.yearsGap;
    tips.push({ tip: `The job asks for ${required}+ years and your CV adds up to about ${actual}. Make sure every relevant role, project or placement is dated.`, evidence: jobLine(evidence) });
  }
  for (const bullet of cv.bulletsWithoutOutcome.slice(0, 2)) {
    tips.push({ tip: 'Add the outcome to this bullet: what changed because of your work, by how much, and for whom.', evidence: cvLine(bullet.text) });
  }
  const mismatch = overlap.aliasMismatches[0];
  if (mismatch) {
    tips.push({
      tip: `Write "${mismatch.jobAlias}" as the job does (your CV only says "${mismatch.cvAlias}"), so keyword screening recognises it.`,
      evidence: jobLine(mismatch.evidence),
    });
  }
  const missing = (['summary', 'experience', 'skills', 'education'] as const).filter((s) => !cv.sections.includes(s));
  if (missing.length) {
    tips.push({
      tip: `Add ${missing.length > 1 ? `clearly headed ${missing.join(', ')} sections` : `a clearly headed ${missing[0]} section`}${missing.includes('summary') && a.role ? `; open with a two-line summary aimed at the ${a.role} role` : ''}.`,
      evidence: `Sections found: ${cv.sections.length ? cv.sections.join(', ') : 'none'}.`,
    });
  }
  if (cv.wordCount < 250) {
    tips.push({ tip: 'Your CV is very short: describe each recent role with two to four bullets that state outcomes.', evidence: `Your CV has ${cv.wordCount} words.` });
  } else if (cv.wordCount > 1100) {
    tips.push({ tip: 'Your CV is long: cut older and less relevant detail so it fits on two pages.', evidence: `Your CV has ${cv.wordCount} words.` });
  }
  return tips.slice(0, MAX_TIPS);
}
