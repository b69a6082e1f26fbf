/**
 * The ONE shape table: which kind of question comes in which of the eight slots, per interview
 * type. The offline planner (ai/offline/question-planner.ts) fills these slots, and remote
 * models are told the same shape and which slot they are filling (ai/prompts/interview-shape.ts).
 * Why each type has this shape: README.md, "The interview's shape".
 */
import { MAIN_QUESTION_COUNT, type InterviewType, type SlotKind } from './definitions.js';

export const SHAPES: Readonly<Record<InterviewType, readonly SlotKind[]>> = {
  mixed: ['opener', 'behavioral', 'skill', 'gap', 'behavioral', 'skill', 'motivation', 'closing'],
  behavioral: ['opener', 'behavioral', 'behavioral', 'skill', 'behavioral', 'gap', 'motivation', 'closing'],
  technical: ['opener', 'skill', 'technical', 'skill', 'gap', 'technical', 'skill', 'closing'],
};

/** The kind of question `n` (1-based) of an interview of this type; numbers past the end reuse the last slot. */
export function slotKindFor(type: InterviewType, n: number): SlotKind {
  const shape = SHAPES[type];
  return shape[Math.min(Math.max(n, 1), Math.min(shape.length, MAIN_QUESTION_COUNT)) - 1]!;
}
