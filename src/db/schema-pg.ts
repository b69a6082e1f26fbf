/**
 * The database schema for Postgres (Drizzle, pg-core): the same tables as `schema.ts` (SQLite),
 * column for column, for running several app instances on one shared database (issue 16).
 * `npm run db:generate:pg` turns changes here into a migration in `migrations/pg/`.
 *
 * Rule: every change to `schema.ts` gets the same change here, in the same commit.
 * tests/integration/schema-equivalence.test.ts migrates both databases from their migration
 * folders and compares tables, columns, nullability, indexes and foreign keys;
 * `src/db/schema-types.ts` makes the compiler check that every table's row type is the same.
 *
 * How the types line up with SQLite's, so one repository interface can return identical rows:
 * - SQLite's `integer(…, { mode: 'timestamp_ms' })` (a Date) is `timestamptz(3)` here: UTC,
 *   millisecond precision like the SQLite column, so a Date written and read back is equal.
 * - SQLite's `integer(…, { mode: 'boolean' })` is `boolean`.
 * - Enum-like text stays `text` with the same `enum` list (a TypeScript union, no CHECK,
 *   exactly like SQLite), so adding a value needs no `ALTER TYPE`.
 * - JSON is `jsonb`; a null value is SQL NULL, as in SQLite (`jsonb` below).
 */
import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { type AdaptiveDecision, type AnswerCoverage, type RequirementCoverage } from '../intelligence/types.js';
import { DIFFICULTY_CHOICES, LEVELS, type CompetencyId, type QuestionKind } from '../interview/definitions.js';
import type { AnswerEvaluation, InterviewSummary } from '../ai/schemas.js';
import type { SpeechSummary } from '../speech/types.js';
import { MESSAGE_KINDS, SESSION_STATUSES, type ApiScope } from './schema.js';

/** A UTC instant with millisecond precision, read as a Date (SQLite: `timestamp_ms`). */
const instant = (name: string) => timestamp(name, { mode: 'date', withTimezone: true, precision: 3 });

const createdAt = () => instant('created_at').notNull().defaultNow();

/**
 * JSON in a `jsonb` column where a null value is SQL NULL (Drizzle's own `jsonb()` would store
 * the JSON value `null`, which breaks `IS NULL` — the same trap as SQLite's `jsonText`).
 * node-postgres parses `jsonb` itself, so values arrive as JavaScript values already; parsing
 * them again would turn a stored JSON string into something else.
 * Note: `jsonb` keeps no key order or duplicate keys — values read back are deep-equal, not
 * byte-equal, to what SQLite returns.
 */
const jsonb = <T>(name: string) =>
  customType<{ data: T; driverData: string | null }>({
    dataType: () => 'jsonb',
    toDriver: (value) => (value === null || value === undefined ? null : JSON.stringify(value)),
    fromDriver: (value) => value as T,
  })(name);

/** See `users` in schema.ts. */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email'),
    passwordHash: text('password_hash'),
    authVersion: integer('auth_version').notNull().default(0),
    lastActiveAt: instant('last_active_at'),
    operatorSince: instant('operator_since'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email)],
);

/** See `signIns` in schema.ts. */
export const signIns = pgTable(
  'sign_ins',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [index('sign_ins_user_created_idx').on(t.userId, t.createdAt)],
);

/** See `apiTokens` in schema.ts. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    secretHash: text('secret_hash').notNull(),
    scopes: jsonb<ApiScope[]>('scopes').notNull(),
    createdAt: createdAt(),
    lastUsedAt: instant('last_used_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId, t.createdAt)],
);

/** See `interviewSessions` in schema.ts. */
export const interviewSessions = pgTable(
  'interview_sessions',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    jobTitle: text('job_title').notNull(),
    companyName: text('company_name').notNull(),
    jobDescription: text('job_description').notNull().default(''),
    jobFileName: text('job_file_name'),
    interviewType: text('interview_type', { enum: ['behavioral', 'technical', 'mixed'] })
      .notNull()
      .default('mixed'),
    difficulty: text('difficulty', { enum: DIFFICULTY_CHOICES }).notNull().default('auto'),
    focusCompetencies: jsonb<CompetencyId[]>('focus_competencies'),
    cvText: text('cv_text'),
    cvFileName: text('cv_file_name'),
    cvFormat: text('cv_format', { enum: ['pdf', 'docx', 'txt'] }),
    cvPageCount: integer('cv_page_count'),
    cvWordCount: integer('cv_word_count'),
    cvTruncated: boolean('cv_truncated').notNull().default(false),
    status: text('status', { enum: SESSION_STATUSES }).notNull().default('draft'),
    /** Voice consent (issue 14): as in schema.ts. */
    voiceConsentAt: instant('voice_consent_at'),
    voiceConsentRawAudio: boolean('voice_consent_raw_audio').notNull().default(false),
    voiceConsentTranscriber: text('voice_consent_transcriber'),
    voiceConsentWithdrawnAt: instant('voice_consent_withdrawn_at'),
    createdAt: createdAt(),
    startedAt: instant('started_at'),
    completedAt: instant('completed_at'),
  },
  (t) => [index('interview_sessions_owner_created_idx').on(t.ownerId, t.createdAt)],
);

/** See `messages` in schema.ts. */
export const messages = pgTable(
  'messages',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => interviewSessions.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    role: text('role', { enum: ['interviewer', 'candidate'] }).notNull(),
    kind: text('kind', { enum: MESSAGE_KINDS }).notNull(),
    questionNumber: integer('question_number').notNull(),
    replyTo: text('reply_to'),
    content: text('content').notNull(),
    questionKind: text('question_kind').$type<QuestionKind>(),
    focus: text('focus'),
    provider: text('provider'),
    evaluation: jsonb<AnswerEvaluation>('evaluation'),
    speechMetrics: jsonb<SpeechSummary>('speech_metrics'),
    difficulty: text('difficulty', { enum: LEVELS }),
    competency: text('competency').$type<CompetencyId>(),
    bankId: text('bank_id'),
    keyPoints: jsonb<string[]>('key_points'),
    coverage: jsonb<AnswerCoverage>('coverage'),
    decision: jsonb<AdaptiveDecision>('decision'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('messages_session_seq_uq').on(t.sessionId, t.seq),
    // One answer per question: a double submit can never store two answers (NULLs, i.e.
    // questions, are distinct, as in SQLite).
    uniqueIndex('messages_reply_to_uq').on(t.replyTo),
    // One main question and at most one follow-up per question number.
    uniqueIndex('messages_session_question_uq')
      .on(t.sessionId, t.questionNumber, t.kind)
      .where(sql`kind <> 'answer'`),
  ],
);

/** See `feedback` in schema.ts: one per session. */
export const feedback = pgTable('feedback', {
  id: text('id').primaryKey(),
  sessionId: text('session_id')
    .notNull()
    .unique()
    .references(() => interviewSessions.id, { onDelete: 'cascade' }),
  overallScore: integer('overall_score').notNull(),
  summary: jsonb<InterviewSummary>('summary').notNull(),
  provider: text('provider').notNull(),
  requirements: jsonb<RequirementCoverage[]>('requirements'),
  createdAt: createdAt(),
});

/** See `questionRetries` in schema.ts. */
export const questionRetries = pgTable(
  'question_retries',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => interviewSessions.id, { onDelete: 'cascade' }),
    questionNumber: integer('question_number').notNull(),
    answer: text('answer').notNull(),
    evaluation: jsonb<AnswerEvaluation>('evaluation').notNull(),
    coverage: jsonb<AnswerCoverage>('coverage'),
    provider: text('provider').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('question_retries_session_question_idx').on(t.sessionId, t.questionNumber, t.createdAt)],
);

/** See `recordingSummaries` in schema.ts. */
export const recordingSummaries = pgTable(
  'recording_summaries',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    sessionId: text('session_id')
      .notNull()
      .references(() => interviewSessions.id, { onDelete: 'cascade' }),
    summary: jsonb<SpeechSummary>('summary').notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [
    index('recording_summaries_owner_created_idx').on(t.ownerId, t.createdAt),
    index('recording_summaries_session_idx').on(t.sessionId),
    index('recording_summaries_expires_idx').on(t.expiresAt),
  ],
);

/** See `interviewStepClaims` in schema.ts. */
export const interviewStepClaims = pgTable('interview_step_claims', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => interviewSessions.id, { onDelete: 'cascade' }),
  holder: text('holder').notNull(),
  expiresAt: instant('expires_at').notNull(),
});
