/**
 * The tolerant reader: a model's text in, a value shaped like the schema out, before anything
 * is validated. Real models slip in ordinary ways — JSON in a fence or after a sentence of
 * prose, trailing commas, comments, a `<think>` block, a wrapper object (`{"evaluation": {…}}`),
 * "7" for 7, 7.5 for an integer, "Behavioral" for "behavioral", null for an optional string,
 * a list one item too long — and none of that is worth a repair round trip (or losing the
 * reply to the offline interviewer). So: repair the syntax with `jsonrepair`, unwrap, and
 * coerce each value toward its schema node. What cannot be coerced is left for the validator,
 * which then reports it to the model in a repair request.
 *
 * The schema walked is the reply schema the model was sent (JSON Schema as TypeBox writes it),
 * so the reader is never stricter than what the model was told.
 */
import type { TSchema } from '@sinclair/typebox';
import { jsonrepair } from 'jsonrepair';
import { isObject, names, node, nodes, type Json } from './json-nodes.js';




/** Reasoning models (DeepSeek R1, Qwen 3 through Ollama…) may think aloud before the JSON. */
function withoutThinking(text: string): string {
  return text
    .replace(/<think(?:ing)?>[\s\S]*?<\/think(?:ing)?>/gi, '')
    .replace(/^\s*<think(?:ing)?>[\s\S]*$/i, '') // an unterminated think block holds no answer
    .trim();
}

/**
 * The JSON value in a model reply: bare, fenced, after or before prose, with the syntax slips
 * `jsonrepair` mends (trailing commas, comments, single quotes, a cut-off end). Throws a
 * SyntaxError whose message a model can act on when there is no JSON at all.
 */
export function parseModelJson(text: string): unknown {
  const cleaned = withoutThinking(text.replace(/^\uFEFF/, ''));
  const fenced = /```[a-zA-Z]*\s*\n?([\s\S]*?)(?:```|$)/.exec(cleaned)?.[1];
  const start = cleaned.search(/[{[]/);
  const fromBrace = start >= 0 ? cleaned.slice(start) : '';
  const lastBrace = Math.max(fromBrace.lastIndexOf('}'), fromBrace.lastIndexOf(']'));
  const braced = lastBrace > 0 ? fromBrace.slice(0, lastBrace + 1) : '';
  const candidates = [cleaned, fenced, braced, fromBrace].filter((c): c is string => Boolean(c?.trim()));
  for (const candidate of candidates) {
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next, then with repairs
    }
  }
  let lastError: unknown = null;
  // Repairs only on text that starts as JSON: jsonrepair would turn prose into strings.
  for (const candidate of candidates.filter((c) => /^\s*[{[]/.test(c))) {
    try {
      const repaired: unknown = JSON.parse(jsonrepair(candidate));
      if (typeof repaired === 'object' && repaired !== null) return repaired;
    } catch (error) {
      lastError = error;
    }
  }
  throw new SyntaxError(`reply is not JSON (${lastError instanceof Error ? lastError.message : lastError ? String(lastError) : 'no JSON object found'})`);
}

// --- coercion --------------------------------------------------------------------------------

const members = (s: Json): Json[] | undefined => nodes(s.anyOf ?? s.oneOf);
const isNullSchema = (s: Json) => s.type === 'null';
const literalValues = (s: Json): unknown[] | null => {
  const list = members(s);
  if (!list) return 'const' in s ? [s.const] : Array.isArray(s.enum) ? [...s.enum] : null;
  const nonNull = list.filter((m) => !isNullSchema(m));
  return nonNull.length > 0 && nonNull.every((m) => 'const' in m) ? nonNull.map((m) => m.const) : null;
};
const allowsNull = (s: Json): boolean => isNullSchema(s) || (members(s)?.some(isNullSchema) ?? false) || (Array.isArray(s.type) && s.type.includes('null'));

/** Lower-case letters and digits only, British "-our"/"-ise" folded: "Behavioural" → "behavioral". */
const canonical = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/our/g, 'or')
    .replace(/is(e|ation)/g, 'iz$1');

/** Words models use for the enum values they were given. */
const ENUM_SYNONYMS: Record<string, string> = {
  conciseness: 'concision',
  brevity: 'concision',
  star: 'structure',
  next: 'move_on',
  continue: 'move_on',
  proceed: 'move_on',
  moveon: 'move_on',
  same: 'move_on',
  harder: 'raise',
  increase: 'raise',
  easier: 'lower',
  decrease: 'lower',
  probe: 'follow_up',
  followup: 'follow_up',
  followupquestion: 'follow_up',
};

/** The enum value `value` means, or undefined: exact, by canonical form, synonym, or unique prefix. */
function matchLiteral(value: unknown, literals: readonly unknown[]): unknown {
  if (literals.includes(value)) return value;
  if (typeof value === 'number' || typeof value === 'boolean') return literals.find((l) => String(l) === String(value));
  if (typeof value !== 'string') return undefined;
  const c = canonical(value);
  if (!c) return undefined;
  const byCanonical = literals.find((l) => typeof l === 'string' && canonical(l) === c);
  if (byCanonical !== undefined) return byCanonical;
  const synonym = ENUM_SYNONYMS[value.toLowerCase().replace(/[^a-z0-9]/g, '')];
  if (synonym && literals.includes(synonym)) return synonym;
  const prefixed = literals.filter((l) => typeof l === 'string' && c.length >= 4 && (canonical(l).startsWith(c) || c.startsWith(canonical(l))));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** Cuts `text` to at most `max` characters, at a word boundary when one is near, with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return text.slice(0, max);
  const room = text.slice(0, max - 1);
  // The room ends at a word boundary already when the next character is a space.
  const space = /\s/.test(text.charAt(max - 1)) ? room.length : room.lastIndexOf(' ');
  const cut = space > max * 0.6 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:.-]+$/, '')}…`;
}

/** "7", "7/10", "7.5 out of 10", 7.4 → 7 (integers), clamped to the schema's bounds. */
function toNumber(value: unknown, s: Json): unknown {
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    const match = /-?\d+(?:\.\d+)?/.exec(value);
    if (match) n = Number(match[0]);
  } else if (typeof value === 'boolean') n = value ? 1 : 0;
  if (n === undefined || !Number.isFinite(n)) return value;
  if (s.type === 'integer') n = Math.round(n);
  if (typeof s.minimum === 'number') n = Math.max(s.minimum, n);
  if (typeof s.maximum === 'number') n = Math.min(s.maximum, n);
  return n;
}

function toBoolean(value: unknown): unknown {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (['true', 'yes', 'y', '1', 'covered'].includes(v)) return true;
    if (['false', 'no', 'n', '0', 'missed', 'not covered'].includes(v)) return false;
  }
  return value;
}

function toText(value: unknown, s: Json): unknown {
  let text: unknown = value;
  if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) text = value.join(' ');
  if (typeof text !== 'string') return value;
  return typeof s.maxLength === 'number' ? clip(text, s.maxLength) : text;
}

/** "a; b", "- a\n- b" → ["a", "b"] for a list of strings written as one string. */
function splitList(text: string): string[] {
  return text
    .split(/\n|;\s+/)
    .map((t) => t.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter(Boolean);
}

function toArray(value: unknown, s: Json): unknown {
  const items = node(s.items);
  let list: unknown[];
  if (Array.isArray(value)) list = value;
  else if (typeof value === 'string' && items.type === 'string') list = splitList(value);
  else if (value === undefined || value === null) return value;
  else list = [value];
  const coerced = list.filter((v) => v !== null && v !== undefined).map((v) => coerce(items, v));
  return typeof s.maxItems === 'number' ? coerced.slice(0, s.maxItems) : coerced;
}

/** snake_case, kebab-case or other-case spellings of a property name: "follow_up" → "followUp". */
const keyForm = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

function toObject(value: unknown, s: Json): unknown {
  if (!isObject(value)) return value;
  const properties = node(s.properties);
  const required = new Set(names(s.required));
  const byForm = new Map(Object.keys(value).map((k) => [keyForm(k), k] as const));
  const out: Json = {};
  for (const [name, property] of Object.entries(properties)) {
    const schema = node(property);
    const source = name in value ? name : byForm.get(keyForm(name));
    const raw = source === undefined ? undefined : value[source];
    if (raw === undefined || raw === null) {
      // Missing or null: null where the schema allows it; an optional property is left out;
      // a required string becomes "" (the validator still checks its minimum length).
      if (allowsNull(schema)) out[name] = null;
      else if (required.has(name) && schema.type === 'string') out[name] = '';
      else if (required.has(name) && schema.type === 'array') out[name] = [];
      continue;
    }
    out[name] = coerce(schema, raw);
  }
  return out;
}

/** Coerces `value` toward schema node `s`; what cannot be coerced is returned as it is. */
function coerce(s: Json, value: unknown): unknown {
  const literals = literalValues(s);
  if (literals) {
    if (value === null && allowsNull(s)) return null;
    const match = matchLiteral(value, literals);
    return match === undefined ? value : match;
  }
  const list = members(s);
  if (list) {
    if (value === null && allowsNull(s)) return null;
    const options = list.filter((m) => !isNullSchema(m));
    if (options.length === 1) return coerce(options[0]!, value);
    return value;
  }
  switch (s.type) {
    case 'object':
      return toObject(value, s);
    case 'array':
      return toArray(value, s);
    case 'string':
      return toText(value, s);
    case 'integer':
    case 'number':
      return toNumber(value, s);
    case 'boolean':
      return toBoolean(value);
    default:
      return value;
  }
}

/**
 * The reply object inside a wrapper: `{"evaluation": {…}}`, `{"response": {…}}`, `[{…}]`.
 * A value that already has one of the schema's required properties is taken as it is.
 */
function unwrap(schema: TSchema, value: unknown): unknown {
  const root = node(schema);
  const required = root.required === undefined ? Object.keys(node(root.properties)) : names(root.required);
  const forms = new Set(required.map(keyForm));
  let current = value;
  for (let depth = 0; depth < 3; depth++) {
    if (Array.isArray(current) && current.length === 1) {
      current = current[0];
      continue;
    }
    if (!isObject(current)) return current;
    if (Object.keys(current).some((k) => forms.has(keyForm(k)))) return current;
    const inner = Object.values(current).filter((v) => isObject(v) || (Array.isArray(v) && v.length === 1 && isObject(v[0])));
    if (inner.length !== 1) return current;
    current = inner[0];
  }
  return current;
}

/** Parsed, unwrapped and coerced: the reply as close to `schema` as it can honestly be made. */
export function readReply(schema: TSchema, text: string): unknown {
  const plain = node(JSON.parse(JSON.stringify(schema)));
  return coerce(plain, unwrap(schema, parseModelJson(text)));
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };

/**
 * The value of string property `field` in a reply that is still being written: `{"a": 1,
 * "question": "You said the lag` → `You said the lag`. Null until the property has started.
 * Used to show a question on the page while the model writes it; the finished reply is read
 * in full by `readReply`.
 */
export function partialField(text: string, field: string): string | null {
  const match = new RegExp(`"${field}"\\s*:\\s*"`).exec(text);
  if (!match) return null;
  let out = '';
  for (let i = match.index + match[0].length; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') break;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) break; // the escape is not complete yet
    if (next === 'u') {
      const hex = text.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) break;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 5;
      continue;
    }
    out += ESCAPES[next] ?? next;
    i += 1;
  }
  return out;
}
