/**
 * The database schema (Drizzle, SQLite). `npm run db:generate` turns changes here into a
 * migration in `migrations/`; never edit an applied migration by hand.
 *
 * Ids that appear in URLs are random (nanoid), never sequential, so one visitor can't guess
 * another's interview. Timestamps are stored as UTC milliseconds.
 */
import { sql } from 'drizzle-orm';
import { customType, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { type AdaptiveDecision, type AnswerCoverage, type RequirementCoverage } from '../intelligence/types.js';
import { DIFFICULTY_CHOICES, LEVELS, type CompetencyId, type QuestionKind } from '../interview/definitions.js';
import type { AnswerEvaluation, InterviewSummary } from '../ai/schemas.js';
import type { SpeechSummary } from '../speech/types.js';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

/**
 * JSON in a TEXT column where a null value is SQL NULL. Drizzle's own `text(…, { mode: 'json' })`
 * encodes a null bound through a prepared statement's placeholder as the text 'null', which
 * reads back the same but breaks `IS NULL` in SQL (and every tool that looks at the file).
 * The column type in the database is unchanged (TEXT), so this needs no migration.
 */
const jsonText = <T>(name: string) =>
  customType<{ data: T; driverData: string | null }>({
    dataType: () => 'text',
    toDriver: (value) => (value === null || value === undefined ? null : JSON.stringify(value)),
    fromDriver: (value) => (value === null ? null : JSON.parse(value)) as T,
  })(name);

/**
 * A visitor: a guest identity from the first visit. Registering turns the same row into an
 * account (email + password hash), so a guest keeps everything they did.
 */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    /** Normalised (trimmed, lower-case); null for a guest. */
    email: text('email'),
    /** `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (base64url); null for a guest. */
    passwordHash: text('password_hash'),
    /**
     * Bumped on registration and on every password change. The visitor cookie carries the
     * version it was issued for; a cookie with an older one is treated as signed out.
     */
    authVersion: integer('auth_version').notNull().default(0),
    /** Updated at most once a minute while the visitor is using the app. */
    lastActiveAt: integer('last_active_at', { mode: 'timestamp_ms' }),
    /**
     * When this account became an operator (null: not one). Set only by someone with access to
     * the server — `npm run admin -- grant EMAIL`, or the setup token printed in the log — never
     * by registering an email listed in ADMIN_EMAILS (src/services/operator-setup.ts).
     */
    operatorSince: integer('operator_since', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email)],
);

/**
 * One signed-in browser of an account: the cookie carries this random id, and every request
 * checks that the row still exists. Signing out deletes the row, so a copied cookie stops
 * working at once; "sign out everywhere" and a password change delete all of the account's.
 */
export const signIns = sqliteTable(
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

export const API_SCOPES = ['read', 'write'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/**
 * A personal API token of an account (`Authorization: Bearer rht.<id>.<secret>` on /api/v1).
 * Only a hash of the secret is kept: the token is shown once, when it is made. Revoking
 * deletes the row.
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The owner's own label for it, e.g. "careers portal". */
    name: text('name').notNull(),
    /** SHA-256 of the secret part, hex. */
    secretHash: text('secret_hash').notNull(),
    scopes: jsonText<ApiScope[]>('scopes').notNull(),
    createdAt: createdAt(),
    /** Updated at most once a minute while the token is used. */
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId, t.createdAt)],
);

export const SESSION_STATUSES = ['draft', 'in_progress', 'completed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const interviewSessions = sqliteTable(
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
    /** Starting difficulty chosen on the create form; 'auto' infers it from the CV's years. */
    difficulty: text('difficulty', { enum: DIFFICULTY_CHOICES }).notNull().default('auto'),
    /** Competencies a focused practice interview (from the study plan) concentrates on. */
    focusCompetencies: jsonText<CompetencyId[]>('focus_competencies'),
    cvText: text('cv_text'),
    cvFileName: text('cv_file_name'),
    cvFormat: text('cv_format', { enum: ['pdf', 'docx', 'txt'] }),
    cvPageCount: integer('cv_page_count'),
    cvWordCount: integer('cv_word_count'),
    cvTruncated: integer('cv_truncated', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: SESSION_STATUSES }).notNull().default('draft'),
    /**
     * Consent to record voice answers in this interview (issue 14): when it was given (null: not
     * given, or withdrawn), whether the candidate also agreed to keep raw audio (only asked when
     * the operator keeps it), and where the audio was said to go for transcription then.
     */
    voiceConsentAt: integer('voice_consent_at', { mode: 'timestamp_ms' }),
    voiceConsentRawAudio: integer('voice_consent_raw_audio', { mode: 'boolean' }).notNull().default(false),
    voiceConsentTranscriber: text('voice_consent_transcriber'),
    /** When consent was last withdrawn (its recordings, metrics and transcripts were deleted then). */
    voiceConsentWithdrawnAt: integer('voice_consent_withdrawn_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }),
    completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('interview_sessions_owner_created_idx').on(t.ownerId, t.createdAt)],
);

export const MESSAGE_KINDS = ['question', 'follow_up', 'answer'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => interviewSessions.id, { onDelete: 'cascade' }),
    /** Position in the conversation, 1-based and gap-free within a session. */
    seq: integer('seq').notNull(),
    role: text('role', { enum: ['interviewer', 'candidate'] }).notNull(),
    kind: text('kind', { enum: MESSAGE_KINDS }).notNull(),
    /** The main question (1..8) this message belongs to; follow-ups and answers share it. */
    questionNumber: integer('question_number').notNull(),
    /** For answers: the question or follow-up message being answered. */
    replyTo: text('reply_to'),
    content: text('content').notNull(),
    /** Question kind and focus from the planner (questions and follow-ups only). */
    questionKind: text('question_kind').$type<QuestionKind>(),
    focus: text('focus'),
    /** Which AI provider wrote this message (questions) or its evaluation (answers). */
    provider: text('provider'),
    /** AnswerEvaluation JSON, filled in after the answer is safely stored. */
    evaluation: jsonText<AnswerEvaluation>('evaluation'),
    /** Voice-answer delivery metrics JSON (voice issue). */
    speechMetrics: jsonText<SpeechSummary>('speech_metrics'),
    /** Questions: the level it was asked at. */
    difficulty: text('difficulty', { enum: LEVELS }),
    /** Questions: the competency it probes (mastery is tracked by these). */
    competency: text('competency').$type<CompetencyId>(),
    /** Questions: the question-bank entry it came from, if any. */
    bankId: text('bank_id'),
    /** Questions: what a strong answer covers. */
    keyPoints: jsonText<string[]>('key_points'),
    /** Answers: the answer compared with its question's key points. */
    coverage: jsonText<AnswerCoverage>('coverage'),
    /** Answers: what the interviewer decided next, and why. */
    decision: jsonText<AdaptiveDecision>('decision'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('messages_session_seq_uq').on(t.sessionId, t.seq),
    // One answer per question: a double submit can never store two answers.
    uniqueIndex('messages_reply_to_uq').on(t.replyTo),
    // One main question and at most one follow-up per question number.
    uniqueIndex('messages_session_question_uq')
      .on(t.sessionId, t.questionNumber, t.kind)
      .where(sql`kind <> 'answer'`),
  ],
);

/** One feedback per session; regenerating replaces it. */
export const feedback = sqliteTable('feedback', {
  id: text('id').primaryKey(),
  sessionId: text('session_id')
    .notNull()
    .unique()
    .references(() => interviewSessions.id, { onDelete: 'cascade' }),
  overallScore: integer('overall_score').notNull(),
  summary: text('summary', { mode: 'json' }).$type<InterviewSummary>().notNull(),
  provider: text('provider').notNull(),
  /** The job-requirement coverage map at the time the feedback was written. */
  requirements: jsonText<RequirementCoverage[]>('requirements'),
  createdAt: createdAt(),
});

/** A second (third, …) attempt at one main question, made from the feedback page. */
export const questionRetries = sqliteTable(
  'question_retries',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => interviewSessions.id, { onDelete: 'cascade' }),
    questionNumber: integer('question_number').notNull(),
    answer: text('answer').notNull(),
    /** AnswerEvaluation JSON. */
    evaluation: text('evaluation', { mode: 'json' }).$type<AnswerEvaluation>().notNull(),
    coverage: jsonText<AnswerCoverage>('coverage'),
    provider: text('provider').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('question_retries_session_question_idx').on(t.sessionId, t.questionNumber, t.createdAt)],
);

/**
 * A finished voice recording's delivery metrics, kept until an answer takes them or they expire
 * (issue 16): the recording's socket may end on one app instance and the answer that names it
 * arrive at another. The live audio stays in the memory of the instance holding the socket
 * (speech/recordings.ts); only this summary is shared. Rows are capped per owner when saved.
 */
export const recordingSummaries = sqliteTable(
  'recording_summaries',
  {
    /** The recording's random id (nanoid), which the answer form sends back. */
    id: text('id').primaryKey(),
    /** The visitor who recorded it: nobody else's answer can take it. */
    ownerId: text('owner_id').notNull(),
    sessionId: text('session_id')
      .notNull()
      .references(() => interviewSessions.id, { onDelete: 'cascade' }),
    summary: jsonText<SpeechSummary>('summary').notNull(),
    createdAt: createdAt(),
    /** After this instant no answer can take it, and the sweep deletes it. */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('recording_summaries_owner_created_idx').on(t.ownerId, t.createdAt),
    index('recording_summaries_session_idx').on(t.sessionId),
    index('recording_summaries_expires_idx').on(t.expiresAt),
  ],
);

/**
 * Which app instance is taking an interview's next interviewer step (issue 16): a lease, so two
 * instances on one database never ask the model for the same step. Taken before the step and
 * renewed while it runs, deleted when it ends; a row left by an instance that died is taken over
 * once `expires_at` has passed. Used on Postgres only (services/interview-service.ts says why):
 * one process serves a SQLite file, and its in-process map already serialises the steps.
 */
export const interviewStepClaims = sqliteTable('interview_step_claims', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => interviewSessions.id, { onDelete: 'cascade' }),
  /** The app instance holding it (random per start, src/services/interview-service.ts). */
  holder: text('holder').notNull(),
  /** Until when the holder may run the step without renewing; after it, another instance may take it. */
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
});
