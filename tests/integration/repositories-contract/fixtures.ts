/** Realistic values for the repository contract suite: JSON columns, users and interviews. */
import { RUBRIC_CRITERIA, type AnswerEvaluation, type InterviewSummary } from '../../../src/ai/schemas.js';
import type { AdaptiveDecision, AnswerCoverage, RequirementCoverage } from '../../../src/intelligence/types.js';
import type { SpeechSummary } from '../../../src/speech/types.js';
import type { NewSession, SessionRow } from '../../../src/repositories/sessions-repository.js';
import type { Repositories } from '../../../src/db/app-database.js';

/** An evaluation with quotes that need escaping in JSON (quotes, an apostrophe, a non-ASCII dash). */
export function evaluation(score: number, summary = 'You named the numbers — 40% fewer pages — but not what "you" did yourself.'): AnswerEvaluation {
  return {
    score,
    criteria: RUBRIC_CRITERIA.map((criterion, i) => ({ criterion, score: (score + i) % 6, note: `The ${criterion} of the answer.` })),
    strengths: [{ point: 'Concrete outcome', quote: 'we cut on-call pages by 40%' }],
    weaknesses: [{ point: "Ownership isn't clear", quote: 'the team decided' }],
    followUp: score < 6 ? 'Which part of the migration did you own, and what did you decide?' : null,
    summary,
  };
}

export const coverage: AnswerCoverage = {
  method: 'lexical',
  points: [
    { point: 'trade-offs considered', covered: true, similarity: 0.62, evidence: 'We kept the cron jobs for a month as a fallback.' },
    { point: 'measured result', covered: false, similarity: 0.08, evidence: '' },
  ],
  coveredCount: 1,
};

export const decision: AdaptiveDecision = {
  action: 'follow_up',
  reason: 'You scored 5/10 and covered 1 of 2 key points.',
  level: 'mid',
  nextLevel: 'mid',
  followUp: 'What did you measure before and after?',
  missedPoints: ['measured result'],
};

export const speech: SpeechSummary = {
  version: 1,
  durationSeconds: 41.3,
  speakingSeconds: 33.9,
  silentSeconds: 7.4,
  timeToFirstWord: 1.2,
  speechSeconds: 36.5,
  longPauseCount: 1,
  longPauses: [{ start: 18.4, duration: 2.6 }],
  level: { meanDb: -23.4, sdDb: 4.1, maxDb: -6.2 },
  pitch: { medianHz: 182, variationSemitones: 2.3, rangeSemitones: 7.9, voicedSeconds: 21.5 },
  rate: { syllables: 143, estimatedWpm: 148, words: 96, wpm: 142 },
  fillers: { count: 3, perMinute: 4.4, top: [{ filler: 'um', count: 2 }, { filler: 'you know', count: 1 }] },
  transcript: { available: true, segments: 3, failedSegments: 0, by: 'openai:whisper-1', verbatim: true },
  envelope: { stepSeconds: 0.5, levelDb: [-40.1, -22.3, -19.8], pitchHz: [null, 176, 190] },
  endedBy: 'stop',
};

export function interviewSummary(overallScore: number, headline = 'Solid on delivery, vague on ownership.'): InterviewSummary {
  return {
    overallScore,
    headline,
    strengths: [{ point: 'Quantified outcomes', quote: 'we cut on-call pages by 40%', questionNumber: 2 }],
    weaknesses: [{ point: 'Says "we" where the job asks for "I"', quote: 'the team decided', questionNumber: 3 }],
    cvTips: [{ tip: 'Put the Kafka migration first under Northwind.', evidence: 'The job asks for "event-driven systems at scale".' }],
  };
}

export const requirements: RequirementCoverage[] = [
  { id: 'r1', requirement: '5+ years of Go', status: 'demonstrated', quote: 'I wrote the billing service in Go', questionNumber: 1, importance: 'required' },
  { id: 'r2', requirement: 'Kubernetes', status: 'cv_only', cvEvidence: 'Ran 40 services on GKE' },
  { id: 'r3', requirement: 'Terraform', status: 'missing', importance: 'nice' },
];

export function newSession(ownerId: string, overrides: Partial<NewSession> = {}): NewSession {
  return {
    ownerId,
    jobTitle: 'Senior backend engineer',
    companyName: 'Northwind Freight',
    jobDescription: 'Own our Go services and the Postgres they run on; on-call one week in six.',
    interviewType: 'mixed',
    ...overrides,
  };
}

/** A visitor row and a draft interview of theirs. */
export async function seedSession(repos: Repositories, ownerId: string, overrides: Partial<NewSession> = {}): Promise<SessionRow> {
  await repos.users.ensure(ownerId);
  const session = await repos.sessions.create(newSession(ownerId, overrides), 100);
  if (!session) throw new Error('seedSession: over the quota');
  return session;
}

/** Lets the clock move on, so rows written after it get a later default created_at than rows before (never asserted on: orderings only). */
export const nextMillisecond = () => new Promise((resolve) => setTimeout(resolve, 5));
