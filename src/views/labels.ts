/**
 * Every word the pages, the Markdown export and the API's text show for a stored value: one
 * wording each, so the page, the export and print never disagree.
 */
import type { RubricCriterion } from '../ai/schemas.js';
import type { InterviewType, Level } from '../interview/definitions.js';
import type { AnswerCoverage, RequirementStatus } from '../intelligence/types.js';
import type { SessionRow } from '../repositories/sessions-repository.js';

export const INTERVIEW_TYPE_LABELS: Record<InterviewType, string> = { behavioral: 'Behavioural', technical: 'Technical', mixed: 'Mixed' };

export const SESSION_STATUS_LABELS: Record<SessionRow['status'], string> = { draft: 'Setting up', in_progress: 'In progress', completed: 'Completed' };

export const CRITERION_LABELS: Record<RubricCriterion, string> = {
  relevance: 'Relevance',
  structure: 'Structure (STAR)',
  specificity: 'Specificity',
  ownership: 'Ownership',
  concision: 'Concision',
};

/** Used as "<label> level" ("asked at mid level"). */
export const LEVEL_LABELS: Record<Level, string> = { junior: 'junior', mid: 'mid', senior: 'senior' };

/** Where a job requirement was shown; lower-cased where it sits inside a sentence ("Job requirement (in your CV only)"). */
export const REQUIREMENT_STATUS_LABELS: Record<RequirementStatus, string> = {
  demonstrated: 'Demonstrated in an answer',
  cv_only: 'In your CV only',
  missing: 'Missing',
};

export const COVERAGE_METHOD_LABELS: Record<AnswerCoverage['method'], string> = {
  model: 'judged by the AI model that evaluated the answer',
  embeddings: 'semantic match (sentence embeddings: compared by meaning)',
  lexical: 'lexical match (compared by wording, with stemming and skill aliases)',
};

export const TREND_LABELS = { new: 'First interview', up: 'Improving', down: 'Slipping', steady: 'Steady' } as const;

const PROVIDER_LABELS: Readonly<Record<string, string>> = {
  offline: 'the offline interviewer',
  gemini: 'Gemini',
  openai: 'an OpenAI-compatible model',
  ollama: 'Ollama',
};

/** "the offline interviewer", "Gemini"…; an unknown provider name as it is. */
export const providerLabel = (name: string) => PROVIDER_LABELS[name] ?? name;

/** A label inside a sentence: "In your CV only" → "in your CV only" (acronyms kept). */
export const inSentence = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);
