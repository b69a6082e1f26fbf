/**
 * Every domain error Rehearse can raise, in one place (the style of Fastify's
 * `lib/errors.js`): each has a stable `code` that tests and logs can rely on, an HTTP
 * status, and a message written for the person using the app — it says what was wrong
 * and what to do next. Routes turn these into pages; nothing else should invent statuses.
 */
export class AppError extends Error {
  readonly code: string;
  readonly statusCode: number;
  /** Which form field the message belongs to, when it is a validation problem. */
  readonly field: string | undefined;
  /** One message per invalid form field, when several fields were wrong at once. */
  readonly fields: Readonly<Record<string, string>>;

  constructor(
    code: string,
    statusCode: number,
    message: string,
    options: { field?: string; fields?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.statusCode = statusCode;
    this.field = options.field;
    this.fields = options.fields ?? (options.field ? { [options.field]: message } : {});
  }
}

type ErrorFactory<A extends unknown[]> = (...args: A) => AppError;

function define<A extends unknown[]>(
  code: string,
  statusCode: number,
  message: (...args: A) => string,
  field?: string,
): ErrorFactory<A> & { code: string } {
  const factory = (...args: A) => new AppError(code, statusCode, message(...args), { field });
  return Object.assign(factory, { code });
}

export const Errors = {
  // --- generic -----------------------------------------------------------------------
  notFound: define('NOT_FOUND', 404, () => 'We could not find that page. It may have been deleted, or the link is wrong.'),
  sessionNotFound: define(
    'SESSION_NOT_FOUND',
    404,
    () => 'We could not find that interview. It may have been deleted, or it belongs to another browser.',
  ),
  /** Form validation: one message per field; the form is re-rendered with the user's values. */
  invalidForm: (fields: Record<string, string>) =>
    new AppError('VALIDATION_FAILED', 422, 'Some fields need your attention: ' + Object.values(fields).join(' '), { fields }),

  // --- the JSON API (/api/v1) ----------------------------------------------------------
  apiUnauthorized: define(
    'API_UNAUTHORIZED',
    401,
    () => 'Send a personal API token as "Authorization: Bearer rht.…" (make one on your account page). Cookies are not accepted here.',
  ),
  apiScopeMissing: define(
    'API_SCOPE_MISSING',
    403,
    (scope: string) => `This token cannot do that: it needs the "${scope}" scope. Make a token with it on your account page.`,
  ),
  apiInvalidRequest: (detail: string) => new AppError('INVALID_REQUEST', 400, `The request does not match the API's schema: ${detail}`),
  tooManyApiTokens: define(
    'TOO_MANY_API_TOKENS',
    409,
    (max: number) => `An account can hold ${max} API tokens. Revoke one you no longer use, then make a new one.`,
  ),
  feedbackBeingWritten: define(
    'FEEDBACK_BEING_WRITTEN',
    409,
    () => 'The feedback is being written. Ask again in a moment.',
  ),

  // --- accounts and web defences ------------------------------------------------------
  csrfFailed: define(
    'CSRF_FAILED',
    403,
    () =>
      'This form has expired or was not sent from a Rehearse page (for example after you signed in or out in another tab). Reload the page and try again.',
  ),
  rateLimited: define(
    'RATE_LIMITED',
    429,
    (retryAfterSeconds: number) =>
      `Too many attempts in a short time. Wait ${retryAfterSeconds <= 90 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`} and try again.`,
  ),
  invalidCredentials: define(
    'INVALID_CREDENTIALS',
    422,
    () => 'That email and password do not match an account. Check both and try again.',
  ),
  alreadySignedIn: define(
    'ALREADY_SIGNED_IN',
    409,
    (email: string) => `You are signed in as ${email}. Sign out first to create another account.`,
  ),
  confirmationRequired: define(
    'CONFIRMATION_REQUIRED',
    422,
    () => 'Nothing was deleted: confirm with the button on this page to delete it for good.',
  ),
  uploadIncomplete: define(
    'UPLOAD_INCOMPLETE',
    400,
    () => 'The upload did not arrive complete (the connection may have dropped). Choose the file and send it again.',
  ),
  malformedUpload: define(
    'MALFORMED_UPLOAD',
    400,
    () => 'That upload was not a valid form (its multipart boundary is missing or malformed). Send it again from the page.',
  ),
  documentsBusy: define(
    'DOCUMENTS_BUSY',
    503,
    () => 'Lots of documents are being read right now, so yours was not. Nothing is lost: try again in a minute.',
  ),
  /** One visitor (or address) already has DOCUMENT_MAX_PER_VISITOR documents being read or waiting. */
  tooManyDocuments: define(
    'TOO_MANY_DOCUMENTS',
    429,
    () => 'Your other documents are still being read. Wait for them to finish, then upload this one again.',
  ),
  documentUnpacksTooLarge: define(
    'DOCUMENT_UNPACKS_TOO_LARGE',
    413,
    (format: string) =>
      `That ${format} file unpacks to far more data than any CV needs (it may be damaged or built to be oversized). Save it again from your editor, or export it as a PDF, and upload that.`,
  ),

  // --- documents -----------------------------------------------------------------------
  fileMissing: define('FILE_MISSING', 422, (what: string) => `Choose a ${what} file to upload (PDF, DOCX or TXT).`),
  fileTooLarge: define(
    'FILE_TOO_LARGE',
    413,
    (limitMb: number) => `That file is larger than ${limitMb} MB. Save a smaller copy (for example without images) and try again.`,
  ),
  unsupportedFileType: define(
    'UNSUPPORTED_FILE_TYPE',
    415,
    (detected: string) =>
      `That file looks like ${detected}, which we can't read. Upload a PDF, a Word document (.docx) or a plain-text (.txt) file.`,
  ),
  documentCorrupted: define(
    'DOCUMENT_CORRUPTED',
    422,
    (format: string) =>
      `That ${format} file appears to be damaged and could not be opened. Re-export it from your editor and upload it again.`,
  ),
  documentEncrypted: define(
    'DOCUMENT_ENCRYPTED',
    422,
    () => 'That PDF is password-protected. Save a copy without a password (or export it again) and upload that.',
  ),
  documentNoText: define(
    'DOCUMENT_NO_TEXT',
    422,
    (format: string) =>
      `We found no text in that ${format} file. If it is a scan or an image, export your CV as a text-based PDF or DOCX, or paste it as a .txt file.`,
  ),
  documentEmpty: define('DOCUMENT_EMPTY', 422, () => 'That file is empty. Choose the file you meant to upload and try again.'),
  documentTimeout: define(
    'DOCUMENT_TIMEOUT',
    422,
    () => 'That file took too long to read. Try a simpler export of it (for example "Save as PDF" from your editor).',
  ),
  documentTooComplex: define(
    'DOCUMENT_TOO_COMPLEX',
    422,
    (format: string) =>
      `That ${format} file needs more memory to read than we allow, usually because of large images or a very complex layout. Save a simpler copy (for example without images) and upload that.`,
  ),
  /** Over the work budget: far more text on one page than a page can show (nested-object "bombs" do this). */
  documentOverBudget: define(
    'DOCUMENT_TOO_COMPLEX',
    422,
    (format: string) =>
      `That ${format} file draws far more text than any page holds (it may be damaged or built to overload readers), so we stopped reading it. Export your CV again as a plain PDF, DOCX or TXT and upload that.`,
  ),
  documentTooManyPages: define(
    'DOCUMENT_TOO_MANY_PAGES',
    422,
    (pages: number, limit: number) =>
      `That PDF has ${pages.toLocaleString('en')} pages; we read documents of up to ${limit} pages. Upload just your CV (or the job advert) as its own file.`,
  ),

  interviewQuota: define(
    'INTERVIEW_QUOTA',
    409,
    (max: number) =>
      `You already keep ${max.toLocaleString('en')} interviews here, the most one person can. Delete ones you no longer need on the My interviews page to make room, then try again.`,
  ),

  // --- interview flow ------------------------------------------------------------------
  notReadyToStart: define(
    'NOT_READY_TO_START',
    409,
    (missing: string) => `Add ${missing} before starting the interview.`,
  ),
  alreadyStarted: define(
    'ALREADY_STARTED',
    409,
    () => 'This interview has already started. Carry on from the current question.',
  ),
  notStarted: define('NOT_STARTED', 409, () => 'This interview has not started yet. Press "Start interview" first.'),
  interviewFinished: define(
    'INTERVIEW_FINISHED',
    409,
    () => 'This interview is finished, so it takes no more answers. Your feedback is on the feedback page.',
  ),
  emptyAnswer: define('EMPTY_ANSWER', 422, () => 'Write (or record) an answer before sending it.', 'answer'),
  answerTooLong: define(
    'ANSWER_TOO_LONG',
    422,
    (limit: number) => `That answer is longer than ${limit.toLocaleString('en')} characters. Shorten it and send it again.`,
    'answer',
  ),
  allAnswered: define(
    'ALL_ANSWERED',
    409,
    () => 'You have answered every question. Press "Finish and get feedback" to see how you did.',
  ),
  cvLocked: define(
    'CV_LOCKED',
    409,
    () => 'The interview has started, so its CV and job description can no longer change. Create a new interview to use different ones.',
  ),
  alreadyAnswered: define(
    'ALREADY_ANSWERED',
    409,
    () => 'That question was already answered (the form may have been sent twice). Here is the current question.',
  ),
  answeredElsewhere: define(
    'ANSWERED_ELSEWHERE',
    409,
    () =>
      'That question was already answered, in another tab or window, so this answer was not saved. Here is the current question; your text is in the box if you want to reuse it.',
    'answer',
  ),
  questionIdMissing: define(
    'QUESTION_ID_MISSING',
    422,
    () => 'This answer does not say which question it answers. Reload the page and send it again: your text is kept in the box.',
    'answer',
  ),
  questionPending: define(
    'QUESTION_PENDING',
    409,
    () => 'The next question is still being prepared. Wait a moment, then reload the page.',
  ),
  notAllAnswered: define(
    'NOT_ALL_ANSWERED',
    409,
    (answered: number, total: number) =>
      `Answer all ${total} questions before finishing (${answered} of ${total} answered so far).`,
  ),
  followUpPending: define(
    'FOLLOW_UP_PENDING',
    409,
    () => 'Answer the follow-up question first, then finish the interview.',
  ),
  feedbackNotReady: define(
    'FEEDBACK_NOT_READY',
    409,
    () => 'There is no feedback yet: finish the interview first.',
  ),

  // --- retrying a question from the feedback page ---------------------------------------
  retryQuestionNotFound: define(
    'QUESTION_NOT_FOUND',
    404,
    (total: number) => `There is no answered question with that number in this interview. Questions run from 1 to ${total}: pick one on the feedback page.`,
  ),
  retryNotAvailable: define(
    'INTERVIEW_NOT_COMPLETED',
    409,
    () => 'You can retry questions once the interview is finished and its feedback is ready. Finish the interview first.',
  ),
  /** The AI could not score a retry (unavailable or busy). Unlike an interview answer, a retry is stored only once scored. */
  retryLimit: define(
    'RETRY_LIMIT',
    409,
    (max: number) =>
      `You have retried this question ${max} times, the most we keep for one question. Retry another question, or start a new interview to practise it again.`,
    'answer',
  ),
  retryNotScored: define(
    'RETRY_NOT_SCORED',
    503,
    () => 'Your new answer could not be scored just now, so it was not saved yet. It is still in the box below: send it again in a moment.',
  ),

  // --- AI ------------------------------------------------------------------------------
  aiUnavailable: define(
    'AI_UNAVAILABLE',
    503,
    () => 'The interviewer could not prepare a reply just now. Your answer is saved; try again in a moment.',
  ),
  /** The AI work queue is full (AI_CONCURRENCY running, AI_QUEUE_MAX waiting). */
  aiBusy: define(
    'AI_BUSY',
    503,
    () => 'The interviewer is busy with many interviews right now. Your answer is saved: reload this page in a minute to continue.',
  ),

  // --- operations ----------------------------------------------------------------------
  /** Start-up on a Postgres database whose migrations are not all applied (MIGRATE_ON_START unset). */
  databaseNotMigrated: define(
    'DATABASE_NOT_MIGRATED',
    503,
    (database: string, pending: readonly string[]) =>
      `The database ${database} lacks ${pending.length} migration${pending.length === 1 ? '' : 's'} this version needs (${pending.join(', ')}). ` +
      'Run `npm run db:migrate` once before starting the instances, or set MIGRATE_ON_START=true to apply them at start ' +
      '(under an advisory lock: instances starting together do not collide).',
  ),

  // --- voice answers -------------------------------------------------------------------
  tooManyRecordings: define(
    'TOO_MANY_RECORDINGS',
    429,
    () => 'You already have recordings running in other tabs. Stop one of them, then try again.',
  ),
  crossOriginAudio: define('CROSS_ORIGIN', 403, () => 'Recording only works from this site’s own pages. Reload the page and try again.'),
  /** The audio socket before the candidate agreed to recording in this interview (issue 14). */
  voiceConsentRequired: define(
    'VOICE_CONSENT_REQUIRED',
    403,
    () => 'Recording needs your consent first: press “Record answer” and read what is measured and stored, then agree to start.',
  ),
} as const;

/** The message of anything thrown (an Error's message, else the value as text), for logs and readiness reasons. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The string `code` of anything thrown (Node's system errors, drivers, ws), if it has one. */
export function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
