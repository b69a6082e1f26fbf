/**
 * A curated interview question, written for Rehearse, with what a strong answer covers.
 * The offline interviewer picks and personalises entries; remote models are shown a few
 * relevant ones as examples; key points drive answer coverage.
 */
import { type CompetencyId, type Level, type QuestionKind, type SlotKind } from '../interview/definitions.js';

/** The planner kinds (QUESTION_KINDS in src/interview/definitions.ts) a bank entry can stand in for: the slot kinds. */
export type BankKind = SlotKind;
/** True for every kind but follow-ups, which the interviewer writes from the answer, never from the bank. */
export const isBankKind = (kind: QuestionKind): kind is BankKind => kind !== 'follow_up';

export interface BankEntry {
  /** Stable id, e.g. "conflict-mid-03"; stored on messages. */
  id: string;
  competency: CompetencyId;
  level: Level;
  kind: BankKind;
  /** The question as an interviewer says it. May contain {skill}, {company}, {role} placeholders. */
  text: string;
  /** 3–5 things a strong answer covers, each a short phrase a candidate could act on. */
  keyPoints: string[];
  /** Skills or role areas the entry suits ("kubernetes", "frontend", "nursing"); empty = any role. */
  tags?: string[];
}

/** Practice advice for a competency, used by the study plan. */
export interface CompetencyGuide {
  id: CompetencyId;
  label: string;
  /** One line describing what the competency is about. */
  description: string;
  /** 2–4 concrete practice suggestions. */
  practice: string[];
}
