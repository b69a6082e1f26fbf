/**
 * The curated question bank (issue 4): entries with key points, the lookups the interviewer
 * and prompts use, competency classification and the practice guides of the study plan.
 */
export { isBankKind, type BankEntry, type BankKind } from './types.js';
export { QUESTION_BANK, bankEntry } from './bank.js';
export { pickEntries, examplesFor, isEngineeringEntry, isEngineeringJob, roleAreaOf } from './pick.js';
export { personalise, placeholdersIn, PLACEHOLDERS } from './personalise.js';
export { classifyCompetency } from './classify.js';
export { COMPETENCY_GUIDES, competencyGuide } from './guides.js';
