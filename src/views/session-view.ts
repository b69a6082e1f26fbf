/** Small, presentation-only helpers shared by the pages that show an interview. */
import { MAIN_QUESTION_COUNT } from '../interview/definitions.js';
import type { SessionRow } from '../repositories/sessions-repository.js';
import { INTERVIEW_TYPE_LABELS, SESSION_STATUS_LABELS } from './labels.js';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
export const formatDate = (date: Date) => `${dateFormat.format(date)} UTC`;

export function sessionView(session: SessionRow) {
  return { ...session, interviewTypeLabel: INTERVIEW_TYPE_LABELS[session.interviewType] };
}

export const statusLabel = (status: SessionRow['status']) => SESSION_STATUS_LABELS[status];

export const countWords = (text: string) => (text.match(/\S+/g) ?? []).length;

/** Where to send a visitor for a session, given how far it got. */
export function sessionHref(session: Pick<SessionRow, 'id' | 'status'>): string {
  if (session.status === 'draft') return `/session/${session.id}/upload`;
  if (session.status === 'completed') return `/session/${session.id}/feedback`;
  return `/session/${session.id}/interview`;
}

export const TOTAL_QUESTIONS = MAIN_QUESTION_COUNT;
