/**
 * What the page routes accept, declared with TypeBox (the JSON API's schemas are in
 * api/schemas.ts). Page routes keep their own messages: a path id of any shape is the service's
 * 404, never a validation error, and a form field of the wrong shape (a repeated field, say) is
 * left out of the form rather than refusing it, so the form is re-rendered with what was typed
 * and its usual message (attachValidation; see formOf).
 */
import { Type, type Static, type TObject, type TOptional, type TString, type TUnion, type TArray } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * A page-route plugin's instance with its schemas typed and checked by TypeBox itself: values
 * are checked as they are, never coerced (a JSON number is not turned into an answer's text),
 * as the hand-written checks these schemas replace did.
 */
export function typedRoutes(app: FastifyInstance) {
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  return app.withTypeProvider<TypeBoxTypeProvider>();
}

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

export const ConfirmForm = Type.Object({ confirm: text() });
export const VoiceConsentForm = Type.Object({ raw_audio: text(), return_to: text() });
export const TokenForm = Type.Object({ name: text(), scopes: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])) });
export const RegisterForm = Type.Object({ email: text(), password: text(), password_confirm: text() });
export const SignInForm = Type.Object({ email: text(), password: text() });
export const PasswordForm = Type.Object({ current_password: text(), new_password: text(), new_password_confirm: text() });
export const DeleteAccountForm = Type.Object({ password: text(), confirm: text() });
export const OperatorClaimForm = Type.Object({ setup_token: text() });

/** The create form (services/session-service.ts checks each field and says what is wrong). */
export const CreateSessionForm = Type.Object({
  job_title: text(),
  company_name: text(),
  job_description: text(),
  interview_type: text(),
  difficulty: text(),
  /** Competency ids, as one comma-separated value or the field repeated. */
  focus_competencies: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
});

/**
 * The form's fields that have the declared shape. Routes with a form use `attachValidation`,
 * so a field of another shape (two values for one field, a JSON object) does not refuse the
 * whole request with a 400: that field alone is left out, as if it was not sent, and the
 * route's own check gives the form's usual message with everything else kept.
 */
export function formOf<T extends TextForm>(schema: T, request: Pick<FastifyRequest, 'body' | 'validationError'>): Static<T> {
  const body: unknown = request.body;
  if (!request.validationError && Value.Check(schema, body)) return body;
  const fields = typeof body === 'object' && body !== null ? Object.entries(body) : [];
  const kept = Object.fromEntries(
    fields.flatMap(([name, value]) => {
      // Own properties only: a field named "constructor" or "__proto__" is nothing this form declares.
      const field = Object.hasOwn(schema.properties, name) ? schema.properties[name] : undefined;
      return field && Value.Check(field, value) ? [[name, value] as const] : [];
    }),
  );
  return Value.Check(schema, kept) ? kept : {};
}
