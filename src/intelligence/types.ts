/**
 * Shared shapes of the interview-intelligence features (issue 4): key-point coverage of an answer, the adaptive decision
 * taken after each answer, and the job-requirement coverage map. Stored as JSON on messages,
 * feedback and retries, so these shapes are part of the database contract: add fields, never
 * rename them.
 */
import type { Level } from '../interview/definitions.js';

/** How one key point of a question fared in an answer. */
export interface KeyPointCoverage {
  point: string;
  covered: boolean;
  /** Similarity in 0..1 (cosine for embeddings, normalised BM25 for the lexical method). */
  similarity: number;
  /** The answer sentence that matched best, copied exactly; empty when nothing matched. */
  evidence: string;
}

/**
 * An answer compared with the key points of its question: by the remote model that evaluated it
 * (its own judgement), or by src/coverage (sentence embeddings, or lexical matching).
 */
export interface AnswerCoverage {
  method: 'model' | 'embeddings' | 'lexical';
  points: KeyPointCoverage[];
  coveredCount: number;
}

export const DECISION_ACTIONS = ['follow_up', 'move_on', 'raise', 'lower'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/**
 * What the interviewer decided after an answer, and why. Stored on the answer message; the
 * next question's level is `nextLevel`.
 */
export interface AdaptiveDecision {
  action: DecisionAction;
  /** One sentence a candidate can read: "you scored 9/10 and covered 4 of 4 key points". */
  reason: string;
  level: Level;
  nextLevel: Level;
  /** The follow-up question when action is follow_up. */
  followUp?: string | undefined;
  /** The key points a follow-up is aimed at. */
  missedPoints?: string[] | undefined;
}

export const REQUIREMENT_STATUSES = ['demonstrated', 'cv_only', 'missing'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

/** One requirement parsed from the job description and where the candidate showed it. */
export interface RequirementCoverage {
  /** Stable within one feedback: used for the `#req-<id>` anchors CV tips link to. */
  id: string;
  requirement: string;
  status: RequirementStatus;
  /** Exact words from the answer that demonstrate it (demonstrated only). */
  quote?: string | undefined;
  questionNumber?: number | undefined;
  /** The CV line that claims it (cv_only, and demonstrated when the CV also has it). */
  cvEvidence?: string | undefined;
  /** 'nice' for a nice-to-have line (shown as such); absent on maps stored before this field. */
  importance?: 'required' | 'nice' | undefined;
}
