/**
 * The JSON API's request and response shapes (TypeBox, i.e. JSON Schema). Fastify validates
 * requests and serialises responses with them, and the OpenAPI document (/api/v1/openapi.json)
 * is generated from them, so the three can never disagree.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { INTERVIEW_TYPES, MAIN_QUESTION_COUNT, DIFFICULTY_CHOICES, LEVELS } from '../../interview/definitions.js';
import { RUBRIC_CRITERIA } from '../../ai/schemas.js';
import { API_SCOPES, SESSION_STATUSES } from '../../db/schema.js';
import { DECISION_ACTIONS, REQUIREMENT_STATUSES } from '../../intelligence/types.js';

const literals = <T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  );
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, description: 'The interview id.' }) });
export const RetryParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  n: Type.Integer({ minimum: 1, maximum: MAIN_QUESTION_COUNT, description: 'The main question number, 1-8.' }),
});

// --- errors ------------------------------------------------------------------------------

/** RFC 9457 problem details, with the stable error code of src/errors.ts. */
export const Problem = Type.Object(
  {
    type: Type.String({ description: '"about:blank": the code says what happened.' }),
    title: Type.String({ description: 'The HTTP status in words.' }),
    status: Type.Integer(),
    detail: Type.String({ description: 'What was wrong and what to do, for a person.' }),
    code: Type.String({ description: 'Stable error code, e.g. EMPTY_ANSWER, SESSION_NOT_FOUND.' }),
    fields: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'One message per invalid field.' })),
  },
  { $id: 'Problem', title: 'Problem' },
);

// --- interviews --------------------------------------------------------------------------

export const CreateInterviewBody = Type.Object(
  {
    jobTitle: Type.String({ minLength: 1, maxLength: 200 }),
    companyName: Type.String({ minLength: 1, maxLength: 200 }),
    jobDescription: Type.Optional(Type.String({ maxLength: 100_000, description: 'The job ad; it can also be sent later to /job.' })),
    interviewType: Type.Optional(literals(INTERVIEW_TYPES)),
    difficulty: Type.Optional(literals(DIFFICULTY_CHOICES, { description: 'auto (the default) infers the level from the CV.' })),
  },
  { additionalProperties: false },
);
export type CreateInterviewBody = Static<typeof CreateInterviewBody>;

export const TextDocumentBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 100_000 }),
    fileName: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type TextDocumentBody = Static<typeof TextDocumentBody>;

export const AnswerBody = Type.Object(
  {
    questionId: Type.String({ minLength: 1, maxLength: 64, description: 'The id of the question being answered (from the interview state).' }),
    answer: Type.String({ maxLength: 100_000 }),
    recordingId: Type.Optional(Type.String({ pattern: '^[\\w-]{1,64}$', description: 'A voice recording made over /session/:id/audio.' })),
  },
  { additionalProperties: false },
);
export type AnswerBody = Static<typeof AnswerBody>;

export const RetryBody = Type.Object({ answer: Type.String({ maxLength: 100_000 }) }, { additionalProperties: false });

export const VoiceConsent = Type.Object(
  {
    given: Type.Boolean({ description: 'Whether recording may start: the audio socket refuses to open (403 VOICE_CONSENT_REQUIRED) until it is.' }),
    at: Nullable(DateTime),
    rawAudio: Type.Boolean({ description: 'The candidate also agreed to keep raw audio (only possible where the operator keeps it).' }),
    transcriber: Nullable(Type.String({ description: 'Where the audio was said to go for transcription when consent was given.' })),
    withdrawnAt: Nullable(DateTime),
  },
  { $id: 'VoiceConsent', title: 'VoiceConsent' },
);

export const Interview = Type.Object(
  {
    id: Type.String(),
    jobTitle: Type.String(),
    companyName: Type.String(),
    interviewType: literals(INTERVIEW_TYPES),
    difficulty: literals(DIFFICULTY_CHOICES),
    status: literals(SESSION_STATUSES),
    cv: Nullable(
      Type.Object({
        fileName: Nullable(Type.String()),
        format: Nullable(Type.String()),
        words: Nullable(Type.Integer()),
        pages: Nullable(Type.Integer()),
        truncated: Type.Boolean(),
      }),
    ),
    jobDescriptionWords: Type.Integer(),
    createdAt: DateTime,
    startedAt: Nullable(DateTime),
    completedAt: Nullable(DateTime),
    voiceConsent: Type.Ref(VoiceConsent),
  },
  { $id: 'Interview', title: 'Interview' },
);

export const VoiceConsentBody = Type.Object(
  { rawAudio: Type.Optional(Type.Boolean({ default: false, description: 'Also keep the raw audio (ignored unless the operator keeps it).' })) },
  { additionalProperties: false },
);

export const VoiceConsentWithdrawal = Type.Object({
  recordings: Type.Integer({ description: 'Recordings in memory stopped and forgotten.' }),
  files: Type.Integer({ description: 'Raw audio files deleted.' }),
  answers: Type.Integer({ description: 'Answers whose delivery metrics were deleted.' }),
});

const Question = Type.Object({
  id: Type.String(),
  number: Type.Integer({ minimum: 1, maximum: MAIN_QUESTION_COUNT }),
  kind: literals(['question', 'follow_up'] as const),
  questionKind: Nullable(Type.String({ description: 'opener, behavioral, skill, technical, gap, motivation, closing or follow_up.' })),
  text: Type.String(),
  level: Nullable(literals(LEVELS)),
  provider: Nullable(Type.String({ description: 'Who wrote it: gemini, openai, ollama or offline.' })),
});

const Decision = Type.Object({
  action: literals(DECISION_ACTIONS),
  reason: Type.String(),
  level: literals(LEVELS),
  nextLevel: literals(LEVELS),
});

export const InterviewState = Type.Object(
  {
    interview: Type.Ref(Interview),
    phase: literals(['not_started', 'awaiting_answer', 'preparing', 'ready_to_finish', 'completed'] as const, {
      description: 'preparing: the interviewer is working; poll this resource (or follow /events) until it is not.',
    }),
    questionNumber: Type.Integer({ minimum: 0, maximum: MAIN_QUESTION_COUNT }),
    answeredCount: Type.Integer({ minimum: 0, maximum: MAIN_QUESTION_COUNT }),
    total: Type.Integer(),
    level: Nullable(literals(LEVELS)),
    question: Nullable(Question),
    decision: Nullable(Decision),
    tookOver: Type.Boolean({ description: 'The offline interviewer asked this question because the configured model did not answer.' }),
  },
  { $id: 'InterviewState', title: 'InterviewState' },
);

// --- feedback ----------------------------------------------------------------------------

const QuotedPoint = Type.Object({ point: Type.String(), quote: Type.String() });
const Evaluation = Type.Object({
  score: Type.Integer({ minimum: 1, maximum: 10 }),
  summary: Type.String(),
  criteria: Type.Array(Type.Object({ criterion: literals(RUBRIC_CRITERIA), score: Type.Integer(), note: Type.String() })),
  strengths: Type.Array(QuotedPoint),
  weaknesses: Type.Array(QuotedPoint),
  keyPoints: Type.Array(Type.Object({ point: Type.String(), covered: Type.Boolean(), evidence: Type.String() })),
});
const AnsweredQuestion = Type.Object({
  questionNumber: Type.Integer(),
  question: Type.String(),
  kind: Type.String(),
  level: Nullable(literals(LEVELS)),
  answer: Type.String(),
  evaluation: Evaluation,
  followUp: Nullable(Type.Object({ question: Type.String(), answer: Type.String(), evaluation: Evaluation })),
});
const SummaryPoint = Type.Object({ point: Type.String(), quote: Type.String(), questionNumber: Type.Integer() });

export const Feedback = Type.Object(
  {
    interviewId: Type.String(),
    score: Type.Integer({ minimum: 1, maximum: 10 }),
    verdict: Type.String(),
    provider: Type.String(),
    createdAt: DateTime,
    topFixes: Type.Array(
      Type.Object({
        criterion: literals(RUBRIC_CRITERIA),
        action: Type.String({ description: 'What to do, e.g. "Be specific: name what you used, and give numbers."' }),
        questionNumber: Type.Integer({ description: 'The answer where it would help most.' }),
        score: Type.Integer({ description: "That question's score." }),
        why: Type.String({ description: "The rubric's note on that answer (one sentence)." }),
        alsoIn: Type.Array(Type.Integer(), { description: 'Other questions the same change would help.' }),
      }),
      { description: 'The changes that would raise the score most, most important first (the page\'s "Fix these three first").', maxItems: 3 },
    ),
    strengths: Type.Array(SummaryPoint),
    weaknesses: Type.Array(SummaryPoint),
    cvTips: Type.Array(Type.Object({ tip: Type.String(), evidence: Type.String(), requirementId: Nullable(Type.String()) })),
    answers: Type.Array(AnsweredQuestion),
    requirements: Type.Array(
      Type.Object({
        id: Type.String(),
        requirement: Type.String(),
        status: literals(REQUIREMENT_STATUSES),
        importance: Nullable(literals(['required', 'nice'] as const)),
        quote: Nullable(Type.String()),
        questionNumber: Nullable(Type.Integer()),
        cvEvidence: Nullable(Type.String()),
      }),
    ),
    decisions: Type.Array(Type.Object({ questionNumber: Type.Integer(), action: Type.String(), text: Type.String() })),
    delivery: Type.Array(
      Type.Object({
        questionNumber: Type.Integer(),
        followUp: Type.Boolean(),
        metrics: Type.Record(Type.String(), Type.Unknown(), { description: 'Pace, pauses, pitch variation and fillers of a spoken answer.' }),
      }),
    ),
  },
  { $id: 'Feedback', title: 'Feedback' },
);

export const FeedbackWriting = Type.Object({
  status: Type.Literal('writing'),
  detail: Type.String(),
});

export const RetryResult = Type.Object({
  questionNumber: Type.Integer(),
  question: Type.String(),
  original: Type.Object({ answer: Type.String(), score: Type.Integer() }),
  latest: Nullable(Type.Object({ answer: Type.String(), evaluation: Evaluation, createdAt: DateTime })),
  attempts: Type.Integer(),
  change: Nullable(
    Type.Object({
      scoreBefore: Type.Integer(),
      scoreAfter: Type.Integer(),
      delta: Type.Integer(),
      newlyCovered: Type.Array(Type.String()),
      noLongerCovered: Type.Array(Type.String()),
      text: Type.String(),
    }),
  ),
});

export const Progress = Type.Object({
  totalCompleted: Type.Integer(),
  interviews: Type.Array(
    Type.Object({ interviewId: Type.String(), jobTitle: Type.String(), companyName: Type.String(), completedAt: DateTime, score: Type.Integer() }),
  ),
  mastery: Type.Array(
    Type.Object({
      competency: Type.String(),
      label: Type.String(),
      mastery: Type.Number(),
      interviews: Type.Integer(),
      trend: Type.String(),
      lastScore: Type.Number(),
    }),
  ),
  studyPlan: Type.Array(Type.Object({ competency: Type.String(), label: Type.String() })),
});

export const Me = Type.Object({
  id: Type.String(),
  email: Nullable(Type.String()),
  token: Type.Object({ id: Type.String(), scopes: Type.Array(literals(API_SCOPES)) }),
});

/** Every schema with an $id, registered once so routes can `$ref` them. */
export const SHARED_SCHEMAS = [Problem, VoiceConsent, Interview, InterviewState, Feedback];
