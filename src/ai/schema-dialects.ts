/**
 * The intent schemas (TypeBox, i.e. JSON Schema) rewritten for what each remote API accepts as
 * a response schema. The TypeBox schema stays the single source: replies are validated
 * against it whatever dialect the model was shown.
 *
 * - Gemini (`responseSchema`, an OpenAPI subset): no `additionalProperties`, no `const`;
 *   a union of literals becomes `enum`, `X | null` becomes `nullable: true`; integer bounds on
 *   lengths/items are int64 strings; `propertyOrdering` keeps fields in declaration order.
 * - OpenAI strict structured outputs: every property required, `additionalProperties: false`,
 *   literal unions as `enum`, `X | null` as a type array; string length limits are not
 *   supported there, so they are dropped (the TypeBox check still enforces them).
 */
import type { TSchema } from '@sinclair/typebox';
import { Type as GeminiType, type Schema as GeminiSchema } from '@google/genai';

import { names, node, nodes, type Json } from './json-nodes.js';

/** A plain JSON copy (TypeBox adds symbol keys that must not leak into requests). */
export const plainJsonSchema = (schema: TSchema): Json => node(JSON.parse(JSON.stringify(schema)));

const isNull = (s: Json) => s.type === 'null';
const literalOf = (s: Json): string | number | boolean | undefined =>
  typeof s.const === 'string' || typeof s.const === 'number' || typeof s.const === 'boolean' ? s.const : undefined;

/** If `members` are all literals (plus an optional null), their values. */
function literalUnion(members: Json[]): { values: (string | number | boolean)[]; nullable: boolean } | null {
  const nonNull = members.filter((m) => !isNull(m));
  if (nonNull.length === 0 || !nonNull.every((m) => literalOf(m) !== undefined)) return null;
  return { values: nonNull.map((m) => literalOf(m)!), nullable: nonNull.length !== members.length };
}

const GEMINI_TYPES: Record<string, GeminiType> = {
  string: GeminiType.STRING,
  number: GeminiType.NUMBER,
  integer: GeminiType.INTEGER,
  boolean: GeminiType.BOOLEAN,
  array: GeminiType.ARRAY,
  object: GeminiType.OBJECT,
};

function geminiNode(s: Json): GeminiSchema {
  const out: GeminiSchema = {};
  if (typeof s.description === 'string') out.description = s.description;

  const members = nodes(s.anyOf ?? s.oneOf);
  if (members) {
    const literals = literalUnion(members);
    if (literals) {
      return { ...out, type: GeminiType.STRING, enum: literals.values.map(String), ...(literals.nullable ? { nullable: true } : {}) };
    }
    const nonNull = members.filter((m) => !isNull(m));
    const nullable = nonNull.length !== members.length ? { nullable: true } : {};
    if (nonNull.length === 1) return { ...geminiNode(nonNull[0]!), ...out, ...nullable };
    return { ...out, anyOf: nonNull.map(geminiNode), ...nullable };
  }
  if (literalOf(s) !== undefined) return { ...out, type: GeminiType.STRING, enum: [String(literalOf(s))] };
  if (Array.isArray(s.enum)) return { ...out, type: GeminiType.STRING, enum: s.enum.map(String) };

  const type = GEMINI_TYPES[String(s.type)];
  if (!type) throw new Error(`toGeminiSchema: unsupported schema node ${JSON.stringify(s).slice(0, 120)}`);
  out.type = type;
  switch (type) {
    case GeminiType.OBJECT: {
      const properties = node(s.properties);
      out.properties = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, geminiNode(node(v))]));
      out.propertyOrdering = Object.keys(properties);
      if (names(s.required).length > 0) out.required = names(s.required);
      break;
    }
    case GeminiType.ARRAY:
      out.items = geminiNode(node(s.items));
      if (typeof s.minItems === 'number') out.minItems = String(s.minItems);
      if (typeof s.maxItems === 'number') out.maxItems = String(s.maxItems);
      break;
    case GeminiType.STRING:
      if (typeof s.minLength === 'number') out.minLength = String(s.minLength);
      if (typeof s.maxLength === 'number') out.maxLength = String(s.maxLength);
      if (typeof s.pattern === 'string') out.pattern = s.pattern;
      if (typeof s.format === 'string') out.format = s.format;
      break;
    case GeminiType.INTEGER:
    case GeminiType.NUMBER:
      if (typeof s.minimum === 'number') out.minimum = s.minimum;
      if (typeof s.maximum === 'number') out.maximum = s.maximum;
      break;
  }
  return out;
}

/** The schema in Gemini's response-schema dialect. */
export function toGeminiSchema(schema: TSchema): GeminiSchema {
  return geminiNode(plainJsonSchema(schema));
}

const DROPPED_IN_STRICT = new Set(['minLength', 'maxLength', '$id', '$schema', 'default', 'examples']);

function openAiNode(s: Json): Json {
  const members = nodes(s.anyOf ?? s.oneOf);
  const description = typeof s.description === 'string' ? { description: s.description } : {};
  if (members) {
    const literals = literalUnion(members);
    if (literals) {
      const type = typeof literals.values[0] === 'number' ? 'number' : 'string';
      return {
        ...description,
        type: literals.nullable ? [type, 'null'] : type,
        enum: literals.nullable ? [...literals.values, null] : literals.values,
      };
    }
    const nonNull = members.filter((m) => !isNull(m));
    if (nonNull.length === 1 && nonNull.length !== members.length) {
      const inner = openAiNode(nonNull[0]!);
      if (typeof inner.type === 'string' && inner.type !== 'object' && inner.type !== 'array') {
        return { ...inner, ...description, type: [inner.type, 'null'] };
      }
      return { ...description, anyOf: [inner, { type: 'null' }] };
    }
    return { ...description, anyOf: members.map(openAiNode) };
  }
  if (literalOf(s) !== undefined) return { ...description, type: typeof literalOf(s), enum: [literalOf(s)] };

  const out: Json = {};
  for (const [key, value] of Object.entries(s)) {
    if (DROPPED_IN_STRICT.has(key)) continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(node(value)).map(([k, v]) => [k, openAiNode(node(v))]));
    } else if (key === 'items') {
      out.items = openAiNode(node(value));
    } else {
      out[key] = value;
    }
  }
  if (s.type === 'object') {
    out.required = Object.keys(node(s.properties));
    out.additionalProperties = false;
  }
  return out;
}

/** The schema as OpenAI's strict structured outputs accept it. */
export function toOpenAiStrictSchema(schema: TSchema): Json {
  return openAiNode(plainJsonSchema(schema));
}
