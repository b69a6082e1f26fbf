/** Small, presentation-only helpers shared by the routes that render pages. */
import { MAIN_QUESTION_COUNT } from '../interview/definitions.js';
import type { SessionRow } from '../repositories/sessions-repository.js';

const TYPE_LABELS = { behavioral: 'Behavioural', technical: 'Technical', mixed: 'Mixed' } as const;
const STATUS_LABELS = { draft: 'Setting up', in_progress: 'In progress', completed: 'Completed' } as const;

export const CRITERION_LABELS = {
  relevance: 'Relevance',
  structure: 'Structure (STAR)',
  specificity: 'Specificity',
  ownership: 'Ownership',
  concision: 'Concision',
} as const;

const PROVIDER_LABELS: Record<string, string> = {
  offline: 'the offline interviewer',
  gemini: 'Gemini',
  openai: 'an OpenAI-compatible model',
  ollama: 'Ollama',
};

export const providerLabel = (name: string) => PROVIDER_LABELS[name] ?? name;

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
export const formatDate = (date: Date) => `${dateFormat.format(date)} UTC`;

export function sessionView(session: SessionRow) {
  return { ...session, interviewTypeLabel: TYPE_LABELS[session.interviewType] };
}

export const statusLabel = (status: SessionRow['status']) => STATUS_LABELS[status];

export const countWords = (text: string) => (text.match(/\S+/g) ?? []).length;

/** Where to send a visitor for a session, given how far it got. */
export function sessionHref(session: Pick<SessionRow, 'id' | 'status'>): string {
  if (session.status === 'draft') return `/session/${session.id}/upload`;
  if (session.status === 'completed') return `/session/${session.id}/feedback`;
  return `/session/${session.id}/interview`;
}

export const TOTAL_QUESTIONS = MAIN_QUESTION_COUNT;
