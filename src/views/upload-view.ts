/**
 * The set-up page (pages/upload and its section fragments) in one place: the page itself, a
 * refused upload and a refused start all show the same facts — the CV and job, the level the
 * first question is asked at, and, for a focused practice interview, what it concentrates on.
 */
import type { AppError } from '../errors.js';
import { startingLevel } from '../interview/difficulty.js';
import { competencyLabel, isCompetencyId } from '../interview/definitions.js';
import type { SessionRow } from '../repositories/sessions-repository.js';
import { countWords, sessionView } from './session-view.js';

export interface UploadExtras {
  /** The section a message belongs to (its error is shown there). */
  section?: string | undefined;
  error?: AppError | undefined;
  fieldErrors?: Readonly<Record<string, string>> | undefined;
  /** The job description as typed, when saving it was refused. */
  jobDraft?: string | undefined;
}

/** Readable names of competency ids (unknown ids are left out). */
export function focusLabels(ids: readonly unknown[]): string[] {
  return ids.filter(isCompetencyId).map(competencyLabel);
}

export function uploadPageData(session: SessionRow, maxUploadBytes: number, extra: UploadExtras = {}) {
  return {
    title: `${session.jobTitle} — set up`,
    session: sessionView(session),
    maxUploadMb: Math.round(maxUploadBytes / 1024 / 1024),
    jobWordCount: countWords(session.jobDescription),
    // The level the first question will be asked at, and why (shown on the start section).
    startLevel: startingLevel(session.difficulty, session.cvText, session),
    focusLabels: focusLabels(session.focusCompetencies ?? []),
    ...extra,
  };
}
