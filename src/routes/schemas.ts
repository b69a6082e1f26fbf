/**
 * What the page routes accept, declared with TypeBox (the JSON API's schemas are in
 * api/schemas.ts). Page routes keep their own messages: a path id of any shape is the service's
 * 404, never a validation error, and a form field of the wrong shape (a repeated field, say) is
 * left out of the form rather than refusing it, so the form is re-rendered with what was typed
 * and its usual message (attachValidation; see formOf).
 */
import { Type, type Static, type TObject, type TOptional, type TString, type TUnion, type TArray } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { FastifyRequest } from 'fastify';

/** An interview id in the path: any string (an unknown one is a 404 from the service). */
export const IdParams = Type.Object({ id: Type.String() });

/** A retried question: its number is read by the route ("3" → 3; anything else → 404). */
export const RetryParams = Type.Object({ id: Type.String(), n: Type.String() });

/** A token id in the path (api-token-routes.ts). */
export const TokenParams = Type.Object({ id: Type.String() });

/** A user id in the path (admin-routes.ts). */
export const UserParams = Type.Object({ id: Type.String() });

const text = () => Type.Optional(Type.String());

/** A form whose fields are all optional text (what a page form sends). */
type TextForm = TObject<Record<string, TOptional<TString> | TOptional<TUnion<[TString, TArray<TString>]>>>>;

export const AnswerForm = Type.Object({ answer: text(), question_id: text(), recording_id: text() });
export const RetryForm = Type.Object({ answer: text() });
export const PreferencesForm = Type.Object({ show_scores: text() });
export const JobDescriptionForm = Type.Object({ job_description: text() });

/**
 * The form's fields that have the declared shape. Routes with a form use `attachValidation`,
 * so a field of another shape (two values for one field, a JSON object) does not refuse the
 * whole request with a 400: that field alone is left out, as if it was not sent, and the
 * route's own check gives the form's usual message with everything else kept.
 */
export function formOf<T extends TextForm>(schema: T, request: FastifyRequest): Static<T> {
  const body: unknown = request.body;
  if (!request.validationError && Value.Check(schema, body)) return body;
  const fields = typeof body === 'object' && body !== null ? Object.entries(body) : [];
  const kept = Object.fromEntries(fields.filter(([name, value]) => name in schema.properties && Value.Check(schema.properties[name]!, value)));
  return Value.Check(schema, kept) ? kept : {};
}
