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

const MAX_POINTS = 5;

/** A question's score, nudged (by at most one point) by how its follow-up went. */
export function questionScore(a: AnsweredQuestion): number {
  const main = a.evaluation.score;
  if (!a.followUp) return main;
  return main + Math.max(-1, Math.min(1, (a.followUp.evaluation.score - main) * 0.3));
}

const label = (a: AnsweredQuestion) => (a.focus.trim() ? `${a.focus.trim()} (question ${a.questionNumber})` : `question ${a.questionNumber}`);

function headline(overall: number, ranked: AnsweredQuestion[]): string {
  const best = ranked[0];
  const worst = ranked[ranked.length - 1];
  if (!best || !worst) return 'No answers were given, so there is nothing to assess yet.';
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
