/**
 * Creating interviews and giving them a CV and a job description. Validation lives here,
 * not in the routes, so the rules are the same however the service is called.
 */
import { isCompetencyId, isDifficultyChoice, isInterviewType, type CompetencyId } from '../interview/definitions.js';
import type { ExtractedDocument } from '../documents/index.js';
import { normalizeText } from '../documents/index.js';
import { Errors } from '../errors.js';
import type { SessionListItem, SessionRow, SessionsRepository } from '../repositories/sessions-repository.js';
import type { UsersRepository } from '../repositories/users-repository.js';
import { hasVisibleText, trimInvisible } from '../text/visible-text.js';

const JOB_TITLE_MAX = 200;
const COMPANY_NAME_MAX = 200;

/** The create form exactly as posted (every field optional: the browser may send anything). */
export interface CreateSessionForm {
  job_title?: string | undefined;
  company_name?: string | undefined;
  job_description?: string | undefined;
  interview_type?: string | undefined;
  /** auto (infer from the CV; the default), junior, mid or senior. */
  difficulty?: string | undefined;
  /**
   * A focused practice interview (the study plan's button): competency ids, as one
   * comma-separated value or the field repeated.
   */
  focus_competencies?: string | string[] | undefined;
}

/** At most this many competencies in one focused interview (the study plan offers three). */
const FOCUS_MAX = 3;

/** The focus field as ids; null when absent, 'invalid' when it names anything unknown. */
function parseFocus(value: unknown): CompetencyId[] | null | 'invalid' {
  const parts = (Array.isArray(value) ? value : [value])
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(/[\s,]+/))
    .map((v) => v.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  if (!parts.every(isCompetencyId)) return 'invalid';
  const unique = [...new Set(parts)];
  return unique.length > FOCUS_MAX ? 'invalid' : unique;
}

export interface UploadedFile {
  bytes: Buffer;
  fileName: string | null;
}

export interface SessionServiceDeps {
  sessions: SessionsRepository;
  users: UsersRepository;
  /** Reads a PDF/DOCX/TXT; `ownerId` is who asked (parse slots are shared fairly between visitors). */
  extractDocument: (bytes: Buffer, ownerId: string) => Promise<ExtractedDocument>;
  documentMaxChars: number;
  /** Interviews one visitor may keep (MAX_INTERVIEWS_PER_VISITOR). */
  maxInterviewsPerVisitor: number;
}

export type SessionService = ReturnType<typeof createSessionService>;

/**
 * Strips control characters (except newlines and tabs) that have no business in a form field,
 * and invisible characters at either end. Anything but a string — a field sent twice arrives
 * as an array — counts as empty.
 */
const clean = (value: unknown) => trimInvisible((typeof value === 'string' ? value : '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ''));

export function createSessionService({ sessions, users, extractDocument, documentMaxChars, maxInterviewsPerVisitor }: SessionServiceDeps) {
  const owned = (sessionId: string, ownerId: string): Promise<SessionRow> => sessions.requireOwned(sessionId, ownerId);

  async function draft(sessionId: string, ownerId: string): Promise<SessionRow> {
    const session = await owned(sessionId, ownerId);
    if (session.status !== 'draft') throw Errors.cvLocked();
    return session;
  }

  return {
    owned,

    async create(ownerId: string, form: CreateSessionForm): Promise<SessionRow> {
      const jobTitle = clean(form.job_title).replace(/\s+/g, ' ');
      const companyName = clean(form.company_name).replace(/\s+/g, ' ');
      const typedJob = normalizeText(clean(form.job_description)).slice(0, documentMaxChars);
      const jobDescription = hasVisibleText(typedJob) ? typedJob : '';
      const type = clean(form.interview_type) || 'mixed';
      const difficulty = clean(form.difficulty) || 'auto';
      const focus = parseFocus(form.focus_competencies);
      const fields: Record<string, string> = {};
      // Only zero-width or other invisible characters is as empty as nothing at all.
      if (!hasVisibleText(jobTitle)) fields.job_title = 'Enter the job title you are interviewing for.';
      else if (jobTitle.length > JOB_TITLE_MAX) fields.job_title = `Keep the job title under ${JOB_TITLE_MAX} characters.`;
      if (!hasVisibleText(companyName)) fields.company_name = 'Enter the company name.';
      else if (companyName.length > COMPANY_NAME_MAX) fields.company_name = `Keep the company name under ${COMPANY_NAME_MAX} characters.`;
      const interviewType = isInterviewType(type) ? type : null;
      const startAt = isDifficultyChoice(difficulty) ? difficulty : null;
      if (!interviewType) fields.interview_type = 'Choose behavioural, technical or mixed.';
      if (!startAt) {
        fields.difficulty = 'Choose a starting difficulty: match my CV, junior, mid or senior.';
      }
      if (focus === 'invalid') fields.focus_competencies = `Choose up to ${FOCUS_MAX} competencies to focus on from the study plan.`;
      if (Object.keys(fields).length > 0 || !interviewType || !startAt) throw Errors.invalidForm(fields);

      await users.ensure(ownerId);
      const created = await sessions.create(
        {
          ownerId,
          jobTitle,
          companyName,
          jobDescription,
          interviewType,
          difficulty: startAt,
          focusCompetencies: focus === 'invalid' ? null : focus,
        },
        maxInterviewsPerVisitor,
      );
      if (!created) throw Errors.interviewQuota(maxInterviewsPerVisitor);
      return created;
    },

    /** The visitor's interviews, newest first: all of them, up to the quota (so every one can be found and deleted). */
    listRecent(ownerId: string): Promise<SessionListItem[]> {
      return sessions.listByOwner(ownerId, maxInterviewsPerVisitor);
    },

    /** Reads the CV (by content, in a worker) and stores its normalised text for the preview. */
    async uploadCv(sessionId: string, ownerId: string, file: UploadedFile | null): Promise<SessionRow> {
      await draft(sessionId, ownerId);
      if (!file) throw Errors.fileMissing('CV');
      const doc = await extractDocument(file.bytes, ownerId);
      await sessions.updateCv(sessionId, ownerId, {
        cvText: doc.text,
        cvFileName: file.fileName,
        cvFormat: doc.format,
        cvPageCount: doc.pageCount,
        cvWordCount: doc.wordCount,
        cvTruncated: doc.truncated,
      });
      return owned(sessionId, ownerId);
    },

    /** Sets the job description from pasted text or, when a file is given, from the file. */
    async setJobDescription(sessionId: string, ownerId: string, text: string | undefined, file: UploadedFile | null): Promise<SessionRow> {
      await draft(sessionId, ownerId);
      if (file) {
        const doc = await extractDocument(file.bytes, ownerId);
        await sessions.updateJobDescription(sessionId, ownerId, doc.text, file.fileName);
      } else {
        const jobDescription = normalizeText(clean(text)).slice(0, documentMaxChars);
        if (!hasVisibleText(jobDescription)) {
          throw Errors.invalidForm({ job_description: 'Paste the job description, or choose a file that holds it.' });
        }
        await sessions.updateJobDescription(sessionId, ownerId, jobDescription, null);
      }
      return owned(sessionId, ownerId);
    },
  };
}
