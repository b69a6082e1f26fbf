/**
 * Reading a JSON Schema (or a parsed reply) node by node without trusting its shape: each
 * accessor checks what is there instead of asserting it (reply-reader.ts, schema-dialects.ts).
 */
export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A sub-schema (an object), or an empty one. */
export const node = (v: unknown): Json => (isObject(v) ? v : {});
/** A list of sub-schemas, or undefined when `v` is not a list. */
export const nodes = (v: unknown): Json[] | undefined => (Array.isArray(v) ? v.filter(isObject) : undefined);
/** A list of names (e.g. `required`); anything else in it is left out. */
export const names = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
