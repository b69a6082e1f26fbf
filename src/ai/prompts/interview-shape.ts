/**
 * How remote models are told the interview's shape: the slots come from the one shape table
 * (src/interview/shape.ts, which the offline planner reads too); this file holds what each kind
 * of slot is called and what it asks for. Models are told the whole shape and which slot they
 * are filling.
 */
import { SHAPES, slotKindFor } from '../../interview/shape.js';
import type { InterviewType, SlotKind } from '../../interview/definitions.js';

export interface Slot {
  kind: SlotKind;
  label: string;
  guidance: string;
}

const OPENER: Slot = {
  kind: 'opener',
  label: 'opener',
  guidance:
    'open the interview: name the role and the company, and ask the candidate to introduce themselves in relation to this role (their background, and what they would bring to it).',
};
const BEHAVIORAL: Slot = {
  kind: 'behavioral',
  label: 'behavioural (STAR)',
  guidance:
    'ask for one real past situation ("Tell me about a time…") that shows a competency this job stresses (for example ownership, collaboration, handling conflict, prioritisation, delivering under pressure, influencing) and that has not been covered yet.',
};
const SKILL: Slot = {
  kind: 'skill',
  label: 'skill deep dive',
  guidance:
    'pick a skill or technology that the job requires and the CV shows, and ask about a specific project or role from the CV where they used it: what they built, the decisions and trade-offs, and the result.',
};
const TECHNICAL: Slot = {
  kind: 'technical',
  label: 'technical scenario',
  guidance:
    'pose a practical scenario or design question on a core requirement of the job ("How would you…", "Walk me through…"), pitched at the seniority of the role.',
};
const GAP: Slot = {
  kind: 'gap',
  label: 'gap probe',
  guidance:
    'pick a requirement of the job that the CV does not show, or shows only weakly, and ask without hostility about related experience or how they would close the gap.',
};
const MOTIVATION: Slot = {
  kind: 'motivation',
  label: 'motivation',
  guidance: 'ask why this role at this company, and how it fits where they want their career to go.',
};
const CLOSING: Slot = {
  kind: 'closing',
  label: 'closing',
  guidance:
    'close the interview: for example what they would aim to achieve in their first 90 days, or what they would like to add that has not come up.',
};

const SLOTS: Readonly<Record<SlotKind, Slot>> = {
  opener: OPENER,
  behavioral: BEHAVIORAL,
  skill: SKILL,
  technical: TECHNICAL,
  gap: GAP,
  motivation: MOTIVATION,
  closing: CLOSING,
};

/** The slot for question `n` (1-based); numbers past the end reuse the closing slot. */
export function slotFor(type: InterviewType, n: number): Slot {
  return SLOTS[slotKindFor(type, n)];
}

/** "1. opener  2. behavioural (STAR) …" as a numbered list. */
export function describeShape(type: InterviewType): string {
  return SHAPES[type].map((kind, i) => `${i + 1}. ${SLOTS[kind].label}`).join('\n');
}
