/**
 * The feedback as a Markdown document (the "Download as Markdown" export), in the page's order:
 * it leads with the same summary as the page (score, verdict and the changes that would raise
 * the score most, each with the question it comes from), then strengths and weaknesses with
 * their quotes, CV tips, every question with its score, rubric and key points, the
 * job-requirement map, how the interview adapted, and delivery figures for spoken answers.
 * Pure: the same feedback always gives the same bytes.
 *
 * Everything the candidate, the CV, the job description or a model wrote is escaped, so an
 * answer containing "# Title", "*", "[link](…)", "<script>" or a line starting "1." reads in
 * the document exactly as it was typed and never becomes markup.
 */
import type { AnswerEvaluation } from '../ai/types.js';
import type { RequirementCoverage } from '../intelligence/types.js';
import type { Figure } from './delivery.js';
import { topFixes, type CoverageView, type TopFix } from './feedback-insights.js';
import type { FeedbackPresentation } from './feedback-view.js';
import { inSentence, LEVEL_LABELS, REQUIREMENT_STATUS_LABELS } from './labels.js';

/**
 * What the export is written from: the feedback's one view (feedback-view.ts). Delivery needs
 * only its figures and advice; the fixes are computed from the answers when absent.
 */
export type MarkdownInput = Omit<FeedbackPresentation, 'delivery' | 'fixes'> & {
  delivery: { overall: { figures: Figure[]; advice: string[] }; answers: { title: string; figures: Figure[]; advice: string[] }[] } | null;
  fixes?: TopFix[];
};

/** Characters that are markup anywhere in a line (CommonMark + GFM tables and strikethrough). */
const INLINE = /[\\`*_[\]<>&|~]/g;

/**
 * Escapes one line of text for Markdown: inline markup anywhere, and block markup (headings,
 * list markers, quotes, rules, setext underlines, numbered lists) at its start.
 */
function escapeMarkdownLine(text: string): string {
  const escaped = text.replace(INLINE, (c) => `\\${c}`);
  return escaped
    .replace(/^(\s*)([#>+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Escapes text as one line (newlines become spaces): for list items, headings and table-free prose. */
export function escapeMarkdown(text: string): string {
  return escapeMarkdownLine(text.replace(/\s*\r?\n\s*/g, ' ').trim());
}

/** A multi-line text (an answer) as a Markdown block quote, line breaks kept. */
export function quoteBlock(text: string, indent = ''): string {
  const lines = text.replace(/\r\n?/g, '\n').trim().split('\n');
  return lines.map((l) => (l.trim() ? `${indent}> ${escapeMarkdownLine(l.trim())}` : `${indent}>`)).join('\n');
}

/** "rehearse-senior-backend-engineer-2025-03-01.md": ASCII only, safe in a Content-Disposition header. */
export function markdownFileName(jobTitle: string, createdAt: Date): string {
  const slug =
    jobTitle
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'interview';
  return `rehearse-${slug}-${createdAt.toISOString().slice(0, 10)}.md`;
}

function quotedPoints(points: readonly { point: string; quote: string; questionNumber?: number }[], empty: string): string[] {
  if (points.length === 0) return [`_${escapeMarkdown(empty)}_`];
  return points.flatMap((p) => [
    `- ${escapeMarkdown(p.point)}`,
    ...(p.quote ? [`  > “${escapeMarkdown(p.quote)}”${p.questionNumber ? ` — your answer to question ${p.questionNumber}` : ''}`] : []),
  ]);
}

function coverageLines(coverage: CoverageView | null, title: string): string[] {
  if (!coverage) return [];
  const total = coverage.covered.length + coverage.missed.length;
  return [
    `**${title}: ${coverage.covered.length} of ${total} key points covered** (${escapeMarkdown(coverage.methodLabel)})`,
    '',
    ...coverage.covered.map((p) => `- Covered: ${escapeMarkdown(p.point)}${p.evidence ? ` — “${escapeMarkdown(p.evidence)}”` : ''}`),
    ...coverage.missed.map((p) => `- Missed: ${escapeMarkdown(p.point)}`),
    '',
  ];
}

function evaluationLines(ev: AnswerEvaluation, labels: Readonly<Record<string, string>>): string[] {
  return [
    `**Score: ${ev.score}/10.** ${escapeMarkdown(ev.summary)}`,
    '',
    ...ev.criteria.map((c) => `- ${escapeMarkdown(labels[c.criterion] ?? c.criterion)}: ${c.score}/5 — ${escapeMarkdown(c.note)}`),
    '',
    '**What worked**',
    '',
    ...quotedPoints(ev.strengths, 'Nothing stood out in this answer yet.'),
    '',
    '**What to improve**',
    '',
    ...quotedPoints(ev.weaknesses, 'No specific weaknesses noted.'),
    '',
  ];
}

function requirementLines(requirements: readonly RequirementCoverage[]): string[] {
  if (requirements.length === 0) return ['_No requirements could be read from the job description._', ''];
  return requirements.flatMap((r) => [
    `- **${REQUIREMENT_STATUS_LABELS[r.status]}:** ${escapeMarkdown(r.requirement)}${r.importance === 'nice' ? ' (nice to have)' : ''}`,
    ...(r.status === 'demonstrated' && r.quote ? [`  > “${escapeMarkdown(r.quote)}” — your answer to question ${r.questionNumber ?? '?'}`] : []),
    ...(r.cvEvidence ? [`  - Your CV: “${escapeMarkdown(r.cvEvidence)}”`] : []),
  ]);
}

function deliveryLines(delivery: NonNullable<MarkdownInput['delivery']>): string[] {
  const figures = (fs: readonly Figure[]) => fs.map((f) => `- ${escapeMarkdown(f.label)}: ${escapeMarkdown(f.value)}`);
  const advice = (as: readonly string[]) => as.map((a) => `- ${escapeMarkdown(a)}`);
  return [
    '## Delivery',
    '',
    ...figures(delivery.overall.figures),
    ...(delivery.overall.advice.length ? ['', ...advice(delivery.overall.advice)] : []),
    '',
    ...delivery.answers.flatMap((a) => [`### ${escapeMarkdown(a.title)}`, '', ...figures(a.figures), ...advice(a.advice), '']),
  ];
}

/** "2", "2 and 5", "2, 5 and 8" */
const numberList = (ns: readonly number[]) => (ns.length <= 1 ? ns.join('') : `${ns.slice(0, -1).join(', ')} and ${ns.at(-1)}`);

/** The top fixes as a numbered list, each with the question it comes from (as on the page). */
function fixLines(fixes: readonly TopFix[]): string[] {
  if (fixes.length === 0) return ['_Nothing stands out to fix first: every answer did well on each part of the rubric._', ''];
  return [
    ...fixes.map(
      (f, i) =>
        `${i + 1}. **${escapeMarkdown(f.action)}** Question ${f.questionNumber} (${f.score}/10): ${escapeMarkdown(f.why)}` +
        (f.alsoIn.length ? ` Also question${f.alsoIn.length === 1 ? '' : 's'} ${numberList(f.alsoIn)}.` : ''),
    ),
    '',
  ];
}

const FIX_HEADINGS = ['Nothing stands out to fix first', 'Fix this first', 'Fix these two first', 'Fix these three first'];

/** The whole feedback as Markdown. */
export function feedbackMarkdown(input: MarkdownInput): string {
  const s = input.summary;
  const date = input.createdAt.toISOString().slice(0, 10);
  const retries = new Map(input.retries.map((r) => [r.questionNumber, r] as const));
  const fixes = input.fixes ?? topFixes(input.answers);
  const out: string[] = [
    `# Interview feedback: ${escapeMarkdown(input.jobTitle)} at ${escapeMarkdown(input.companyName)}`,
    '',
    `${escapeMarkdown(input.interviewTypeLabel)} interview · feedback written by ${escapeMarkdown(input.providerLabel)} on ${date}`,
    '',
    `## Overall score: ${s.overallScore}/10`,
    '',
    escapeMarkdown(s.headline),
    '',
    `## ${FIX_HEADINGS[fixes.length] ?? `Fix these ${fixes.length} first`}`,
    '',
    ...fixLines(fixes),
    '## Strengths',
    '',
    ...quotedPoints(s.strengths, 'No clear strengths came through yet.'),
    '',
    '## Weaknesses',
    '',
    ...quotedPoints(s.weaknesses, 'No major weaknesses stood out.'),
    '',
    '## Improve your CV for this job',
    '',
  ];
  if (input.cvTips.length === 0) out.push('_Your CV already covers what this job asks for._', '');
  input.cvTips.forEach((t, i) => {
    out.push(`${i + 1}. ${escapeMarkdown(t.tip)}`);
    if (t.evidence) out.push(`   - ${escapeMarkdown(t.evidence)}`);
    if (t.requirement) out.push(`   - Requirement (${inSentence(REQUIREMENT_STATUS_LABELS[t.requirement.status])}): ${escapeMarkdown(t.requirement.requirement)}`);
  });
  out.push('', '## Question by question', '');
  for (const a of input.answers) {
    const insight = input.insights.get(a.questionNumber);
    const level = insight?.level ? ` (${LEVEL_LABELS[insight.level]} level)` : '';
    out.push(
      `### Question ${a.questionNumber}${level}: ${a.evaluation.score}/10`,
      '',
      `**Question:** ${escapeMarkdown(a.question)}`,
      '',
      '**Your answer:**',
      '',
      quoteBlock(a.answer),
      '',
      ...evaluationLines(a.evaluation, input.criterionLabels),
      ...coverageLines(insight?.coverage ?? null, 'Key points'),
    );
    if (a.followUp) {
      out.push(
        `#### Follow-up: ${escapeMarkdown(a.followUp.question)}`,
        '',
        quoteBlock(a.followUp.answer),
        '',
        ...evaluationLines(a.followUp.evaluation, input.criterionLabels),
        ...coverageLines(insight?.followUpCoverage ?? null, 'Follow-up key points'),
      );
    }
    const retry = retries.get(a.questionNumber);
    if (retry) out.push(`_Retried ${retry.attempts} time${retry.attempts === 1 ? '' : 's'}; latest retry scored ${retry.latestScore}/10 (practice only: the score above is unchanged)._`, '');
  }
  out.push('## Job requirements', '', ...requirementLines(input.requirements), '');
  if (input.decisions.length > 0) {
    out.push('## How the interview adapted', '', ...input.decisions.map((d) => `- ${escapeMarkdown(d.text)}`), '');
  }
  if (input.delivery) out.push(...deliveryLines(input.delivery));
  out.push('---', '', `_Exported from Rehearse. Scores: 1–3 not ready yet · 4–6 some solid points, gaps to close · 7–8 strong · 9–10 exceptional._`, '');
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
