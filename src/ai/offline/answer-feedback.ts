/**
 * Strengths and weaknesses for one answer. Every point is backed by something found in the
 * answer, and every quote is an exact slice of it (or '' when the point is about something
 * missing), so the feedback never praises words the candidate did not say.
 */
import type { QuotedPoint, RubricCriterion } from '../schemas.js';
import type { EvaluateAnswerInput } from '../types.js';
import { sentenceAt, type AnswerFeatures } from '../../analysis/answer-features.js';
import type { Relevance } from '../../analysis/answer-relevance.js';
import { modeOf } from './answer-rubric.js';
import type { Substance } from '../../analysis/answer-substance.js';
import { clipQuote, spaceSeparatedCount, type Sentence } from '../../text/index.js';

type Scores = Record<RubricCriterion, number>;

const MAX_POINTS = 4;
const quoteOf = (s: Sentence | null | undefined) => (s ? clipQuote(s.text) : '');

/** Up to four quoted strengths, strongest evidence first; none for answers capped at 2 or below. */
export function strengthsOf(f: AnswerFeatures, r: Relevance, scores: Scores, substance: Substance, job: ReadonlySet<string>): QuotedPoint[] {
  if (substance.ceiling <= 2) return [];
  const used = new Set<string>();
  const out: QuotedPoint[] = [];
  const admissions = new Set(f.admissionSentences.map((s) => s.start));
  // A strength must point at the candidate's own words (guards drop unquoted praise anyway),
  // and never at a sentence that admits a gap ("I haven't really introduced standards…").
  const add = (point: string, sentence: Sentence | null | undefined) => {
    const quote = quoteOf(sentence);
    if (out.length >= MAX_POINTS || !quote || used.has(quote) || (sentence && admissions.has(sentence.start))) return;
    used.add(quote);
    out.push({ point, quote });
  };
  const resultMetric = f.metricSentences.find((s) => s === f.star.result) ?? f.metricSentences[0];
  if (resultMetric) add('You quantified the impact with concrete numbers.', resultMetric);
  // "I led, I owned, I delivered" is a claim, not a contribution: the action needs an object.
  const substantial = f.actionSentences.filter((s) => spaceSeparatedCount(s.text) >= 6 && !used.has(quoteOf(s)));
  if (scores.ownership >= 4) add('You made your own contribution clear.', substantial[0]);
  const jobSkill = f.skills.find((m) => job.has(m.skill.name));
  if (jobSkill) add(`You named ${jobSkill.skill.name}, which this role asks for.`, sentenceAt(f, jobSkill.index));
  if (scores.structure >= 4 && f.star.result) add('You ended with a clear result, not just activity.', f.star.result);
  if (scores.relevance >= 4 && r.focusSentence) add('You answered the question that was asked, directly.', r.focusSentence);
  if (scores.structure >= 4) add('You set the scene before explaining what you did.', f.star.situation);
  return out;
}

/**
 * Up to four weaknesses, most serious first. `workQuestions`: for a closing answer, how many of
 * its questions are about the work (a close that asks only about pay or parking says so).
 */
export function weaknessesOf(input: EvaluateAnswerInput, f: AnswerFeatures, r: Relevance, scores: Scores, substance: Substance, workQuestions = 1): QuotedPoint[] {
  const out: QuotedPoint[] = [];
  const add = (point: string, quote: string) => out.length < MAX_POINTS && out.push({ point, quote: clipQuote(quote) });
  const mode = modeOf(input.question.kind);
  const focus = input.question.focus.trim() || 'the question';

  // "Too short" matters less than what exactly is missing, so it goes last (if there is room).
  const lengthOnly = substance.issue === 'short';
  if (substance.issue === 'not_english' && substance.reason) return [{ point: substance.reason, quote: '' }];
  if (substance.reason && !lengthOnly) {
    const quote =
      substance.issue === 'injection' ? (f.injection ?? '')
      : substance.issue === 'evasive' || substance.issue === 'too_short' || substance.issue === 'keyword_list' || substance.issue === 'echo' ? f.text
      : substance.issue === 'duplicate' ? quoteOf(f.sentences[0])
      : substance.issue === 'off_topic' || substance.issue === 'unfocused' || substance.issue === 'off_role' || substance.issue === 'no_example' ? quoteOf(f.sentences[0])
      : substance.issue === 'waffle' ? quoteOf(f.hedgeSentences[0])
      : substance.issue === 'hypothetical' ? quoteOf(f.hypotheticalSentences[0])
      : substance.issue === 'repetitive' ? quoteOf(f.repeatedSentence)
      : '';
    add(substance.reason, quote);
  }
  if (substance.ceiling <= 2) {
    if (substance.issue !== 'empty' && substance.issue !== 'duplicate') add('No real example from your experience was given.', '');
    return out;
  }
  if (!r.focusHit && substance.issue !== 'unfocused') add(`It never directly addresses ${focus}.`, '');
  if (input.question.kind === 'closing' && workQuestions === 0) {
    const asked = f.sentences.find((s) => s.text.includes('?'));
    add(
      asked ? 'None of your questions is about the work itself: ask about the team, the role or how success in it is judged.' : 'You asked no questions: ask about the team, the role or how success in it is judged.',
      quoteOf(asked),
    );
  }
  if ((mode === 'star' || mode === 'follow_up') && !f.star.result) add('No result was stated, so the impact of your work is unclear.', '');
  if (f.plural > f.firstPerson && f.plural >= 2) {
    add('Mostly "we", so your own part is hard to see.', quoteOf(f.sentences.find((s) => /\b[Ww]e\b|\b[Oo]ur\b/.test(s.text))));
  }
  if (f.metricSentences.length === 0 && mode !== 'narrative') add('No numbers show the scale or the impact.', '');
  if (f.passiveSentences.length >= 2) add('Passive phrasing hides who did what.', quoteOf(f.passiveSentences[0]));
  if (f.repeatedSentence && substance.issue !== 'repetitive') add('The answer repeats itself.', quoteOf(f.repeatedSentence));
  if (f.hedgeSentences.length >= 2) add('Hedging words make you sound unsure of your own work.', quoteOf(f.hedgeSentences[0]));
  const toolQuestion = input.question.kind === 'technical' || input.question.kind === 'skill';
  if (f.skillNames.length === 0 && toolQuestion) add('No tools or methods are named.', '');
  if (scores.concision <= 2 && f.words > 330) add('Too long, so the key points get lost.', '');
  if (lengthOnly && substance.reason) add(substance.reason, '');
  return out;
}
