/**
 * Page forms declared with TypeBox (src/routes/schemas.ts): a field of the wrong shape is left
 * out, as if it was not sent, and everything else typed is kept for the re-rendered form.
 */
import { describe, expect, it } from 'vitest';
import { AnswerForm, CreateSessionForm, formOf } from '../../../src/routes/schemas.js';

const invalid = { validation: [], validationContext: 'body' } as const;

describe('formOf', () => {
  it('passes a valid form through as it is', () => {
    expect(formOf(AnswerForm, { body: { answer: 'I led the migration.', question_id: 'q1' } })).toEqual({ answer: 'I led the migration.', question_id: 'q1' });
  });

  it('drops only the fields of the wrong shape and keeps what was typed', () => {
    const form = formOf(AnswerForm, { body: { answer: 'Kept text', recording_id: ['a', 'b'], question_id: { x: 1 } }, validationError: Object.assign(new Error('body'), invalid) });
    expect(form).toEqual({ answer: 'Kept text' });
  });

  it('never reads inherited names ("constructor", "toString") as declared fields', () => {
    const form = formOf(AnswerForm, { body: { constructor: 'x', toString: 'y', answer: 'ok' }, validationError: Object.assign(new Error('body'), invalid) });
    expect(form).toEqual({ answer: 'ok' });
  });

  it('treats a missing or non-object body as an empty form', () => {
    expect(formOf(AnswerForm, { body: undefined, validationError: Object.assign(new Error('body'), invalid) })).toEqual({});
    expect(formOf(AnswerForm, { body: 'answer=1', validationError: Object.assign(new Error('body'), invalid) })).toEqual({});
  });

  it('accepts a repeated focus field on the create form but not a number as text', () => {
    expect(formOf(CreateSessionForm, { body: { focus_competencies: ['conflict', 'teamwork'] } })).toEqual({ focus_competencies: ['conflict', 'teamwork'] });
    expect(formOf(CreateSessionForm, { body: { job_title: 42, company_name: 'Acme' }, validationError: Object.assign(new Error('body'), invalid) })).toEqual({ company_name: 'Acme' });
  });
});
