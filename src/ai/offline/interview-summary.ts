/**
 * summarizeInterview for the offline interviewer: an honest overall score from the per-answer
 * scores, a one-line verdict, the recurring strengths and weaknesses with their quotes, and
 * CV tips grounded in the job description.
 */
import type { InterviewSummary, SummaryPoint } from '../schemas.js';
import type { AnsweredQuestion, SummarizeInput } from '../types.js';
import { analyseContext } from '../../analysis/context-analysis.js';
import { cvTipsFor } from './cv-tips.js';
import { clampInt } from '../../text/index.js';
import { questionScore as sharedQuestionScore } from '../../intelligence/scores.js';

const MAX_POINTS = 5;

/** A question's score: the shared rule (src/intelligence/scores.ts), as the feedback and progress pages show it. */
function questionScore(a: AnsweredQuestion): number {
  return sharedQuestionScore(a.evaluation.score, a.followUp?.evaluation.score) ?? a.evaluation.score;
}

const label = (a: AnsweredQuestion) => (a.focus.trim() ? `${a.focus.trim()} (question ${a.questionNumber})` : `question ${a.questionNumber}`);

function headline(overall: number, ranked: AnsweredQuestion[]): string {
  const best = ranked[0];
  const worst = ranked[ranked.length - 1];
  if (!best || !worst) return 'No answers were given, so there is nothing to assess yet.';
  // When most answers share one problem, the headline names it: the score already says how bad it is.
  const count = (re: RegExp) => ranked.filter((a) => a.evaluation.weaknesses.some((w) => re.test(w.point))).length;
  const foreign = count(/reads English only/);
  if (foreign > 0) {
    return `${foreign} of ${ranked.length} answers were not in English, so the offline interviewer could not assess them (${overall}/10): answer in English, or configure a model that reads your language.`;
  }
  const repeated = count(/essentially the answer you gave to question/);
  if (repeated * 2 >= ranked.length) {
    return `Not yet interview-ready (${overall}/10): the same answer was given to ${repeated + 1} questions, so most questions were never really answered.`;
  }
  const listed = count(/lists skills without saying what you did|list of terms/);
  if (listed * 2 >= ranked.length) return `Not yet interview-ready (${overall}/10): most answers listed terms instead of describing what you did.`;
  if (overall >= 8) return `Strong interview (${overall}/10): specific, structured answers; your best was on ${label(best)}.`;
  if (overall >= 6) return `Solid interview (${overall}/10) with room to sharpen: strongest on ${label(best)}, weakest on ${label(worst)}.`;
  if (overall >= 4) return `Mixed interview (${overall}/10): some relevant experience came through, but answers need concrete examples and results, especially on ${label(worst)}.`;
  return `Not yet interview-ready (${overall}/10): most answers gave no real example of what you did or what it achieved.`;
}

/**
 * Gathers one kind of point across answers. Points repeated in several answers are merged
 * ("also in questions 3 and 5"); quotes that do not appear in that question's answers are
 * dropped, so even another provider's evaluations cannot smuggle in invented quotes.
 */
function collect(answers: readonly AnsweredQuestion[], pick: 'strengths' | 'weaknesses'): SummaryPoint[] {
  const rows = answers.flatMap((a) => {
    const said = `${a.answer}\n${a.followUp?.answer ?? ''}`;
    const evaluations = [a.evaluation, ...(a.followUp ? [a.followUp.evaluation] : [])];
    return evaluations.flatMap((e) =>
      e[pick].map((p) => ({ point: p.point, quote: p.quote && said.includes(p.quote) ? p.quote : '', qn: a.questionNumber, score: e.score })),
    );
  });
  // Praise only from answers that earned it; criticism from the weakest answers first.
  const ordered = pick === 'strengths'
    ? rows.filter((r) => r.score >= 5 && r.quote).sort((x, y) => y.score - x.score || x.qn - y.qn)
    : rows.sort((x, y) => x.score - y.score || x.qn - y.qn);
  const groups = new Map<string, { first: (typeof rows)[number]; others: number[] }>();
  for (const row of ordered) {
    const key = row.point.toLowerCase();
    const group = groups.get(key);
    if (!group) groups.set(key, { first: row, others: [] });
    else if (row.qn !== group.first.qn && !group.others.includes(row.qn)) group.others.push(row.qn);
  }
  return [...groups.values()].slice(0, MAX_POINTS).map(({ first, others }) => {
    const also = others.length ? ` (also in question${others.length > 1 ? 's' : ''} ${others.sort((x, y) => x - y).join(', ')})` : '';
    return { point: `${first.point.replace(/\.$/, '')}${also}.`.slice(0, 300), quote: first.quote.slice(0, 300), questionNumber: clampInt(first.qn, 1, 8) };
  });
}

/** Summarises a finished interview honestly; every "fine" answer means an overall of 1–2. */
export function summarizeOfflineInterview(input: SummarizeInput, referenceYear?: number): InterviewSummary {
  const answers = [...input.answers].sort((x, y) => x.questionNumber - y.questionNumber);
  const scores = answers.map(questionScore);
  const mean = scores.length ? scores.reduce((s, n) => s + n, 0) / scores.length : 1;
  const overall = clampInt(Math.min(mean, Math.max(1, ...scores)), 1, 10);
  const ranked = [...answers].sort((x, y) => questionScore(y) - questionScore(x) || x.questionNumber - y.questionNumber);
  return {
    overallScore: overall,
    headline: headline(overall, ranked).slice(0, 400),
    strengths: collect(answers, 'strengths'),
    weaknesses: collect(answers, 'weaknesses'),
    cvTips: cvTipsFor(analyseContext(input.context, referenceYear), answers),
  };
}
