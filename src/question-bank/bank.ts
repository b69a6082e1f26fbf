/**
 * The whole curated bank, assembled from the data files under entries/ (split by area so each
 * stays readable). Frozen: callers share these objects.
 */
import { BEHAVIOURAL } from './entries/behavioural.js';
import { LEADERSHIP_ENTRIES } from './entries/leadership.js';
import { NARRATIVE } from './entries/narrative.js';
import { PROBLEM_SOLVING } from './entries/problem-solving.js';
import { ROLE_PROFESSIONS } from './entries/role-professions.js';
import { ROLE_TECHNICAL } from './entries/role-technical.js';
import { TECHNICAL_DESIGN } from './entries/technical-design.js';
import { TECHNICAL_OPERATIONS } from './entries/technical-operations.js';
import { TECHNICAL_QUALITY } from './entries/technical-quality.js';
import { WAYS_OF_WORKING } from './entries/ways-of-working.js';
import type { BankEntry } from './types.js';

export const QUESTION_BANK: readonly BankEntry[] = Object.freeze(
  [
    ...NARRATIVE,
    ...BEHAVIOURAL,
    ...LEADERSHIP_ENTRIES,
    ...WAYS_OF_WORKING,
    ...PROBLEM_SOLVING,
    ...TECHNICAL_DESIGN,
    ...TECHNICAL_QUALITY,
    ...TECHNICAL_OPERATIONS,
    ...ROLE_TECHNICAL,
    ...ROLE_PROFESSIONS,
  ].map((e) => Object.freeze(e)),
);

const BY_ID = new Map(QUESTION_BANK.map((e) => [e.id, e] as const));

/** One entry by its stable id. */
export function bankEntry(id: string): BankEntry | undefined {
  return BY_ID.get(id);
}
