/**
 * The rows the app reads, one type per table, the same whichever database holds them: the
 * compiler checks here that every table's select and insert types from the Postgres schema
 * (`schema-pg.ts`) are identical to SQLite's (`schema.ts`), so one repository interface can
 * return them from either driver. A column that drifts (a `timestamp` read as a string, a
 * boolean left as an integer, an enum list that differs, a nullability change) is a compile
 * error in this file, i.e. `npm test` (tsc) fails.
 */
import * as sqlite from './schema.js';
import * as pg from './schema-pg.js';

/** True when A and B are the same type (not merely assignable either way). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const TABLES = ['users', 'signIns', 'apiTokens', 'interviewSessions', 'messages', 'feedback', 'questionRetries', 'recordingSummaries', 'interviewStepClaims'] as const;
export type TableName = (typeof TABLES)[number];

/** `true` for each table whose row types match; anything else does not compile. */
type RowTypesMatch = {
  [K in TableName]: Same<(typeof sqlite)[K]['$inferSelect'], (typeof pg)[K]['$inferSelect']> extends true
    ? Same<(typeof sqlite)[K]['$inferInsert'], (typeof pg)[K]['$inferInsert']>
    : false;
};

/** Every table, checked (the object literal must say `true` for each, and the type must agree). */
export const SCHEMA_ROW_TYPES_MATCH: RowTypesMatch = {
  users: true,
  signIns: true,
  apiTokens: true,
  interviewSessions: true,
  messages: true,
  feedback: true,
  questionRetries: true,
  recordingSummaries: true,
  interviewStepClaims: true,
};

/** The tables both schemas define, by their TypeScript name. */
export const SHARED_TABLES: readonly TableName[] = TABLES;
