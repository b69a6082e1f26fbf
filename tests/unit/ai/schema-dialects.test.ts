import { describe, expect, it } from 'vitest';
import { Type } from '@sinclair/typebox';
import { Type as GeminiType } from '@google/genai';
import { AnswerEvaluationSchema, InterviewSummarySchema, PlannedQuestionSchema } from '../../../src/ai/schemas.js';
import { toGeminiSchema, toOpenAiStrictSchema } from '../../../src/ai/schema-dialects.js';

/** Every node of a JSON-schema-like tree. */
function* nodes(node: unknown): Generator<Record<string, unknown>> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) yield* nodes(item);
    return;
  }
  const record = node as Record<string, unknown>;
  yield record;
  for (const value of Object.values(record)) yield* nodes(value);
}

const ALL = [PlannedQuestionSchema, AnswerEvaluationSchema, InterviewSummarySchema];

describe('toGeminiSchema', () => {
  it('turns a union of literals into an enum and drops additionalProperties', () => {
    const gemini = toGeminiSchema(PlannedQuestionSchema);
    expect(gemini.type).toBe(GeminiType.OBJECT);
    expect(gemini.required).toEqual(['text', 'kind', 'focus']);
    expect(gemini.propertyOrdering).toEqual(['text', 'kind', 'focus', 'keyPoints', 'bankId']);
    expect(gemini.properties!.kind).toMatchObject({ type: GeminiType.STRING, enum: expect.arrayContaining(['opener', 'closing']) });
    expect(gemini.properties!.text).toMatchObject({ type: GeminiType.STRING, minLength: '10', maxLength: '600' });
    expect(JSON.stringify(gemini)).not.toContain('additionalProperties');
  });

  it('makes `X | null` nullable and keeps integer bounds and array limits', () => {
    const gemini = toGeminiSchema(AnswerEvaluationSchema);
    expect(gemini.properties!.followUp).toMatchObject({ type: GeminiType.STRING, nullable: true, minLength: '10' });
    expect(gemini.properties!.followUp!.description).toMatch(/follow-up/);
    expect(gemini.properties!.score).toMatchObject({ type: GeminiType.INTEGER, minimum: 1, maximum: 10 });
    expect(gemini.properties!.criteria).toMatchObject({ type: GeminiType.ARRAY, minItems: '5', maxItems: '5' });
    expect(gemini.properties!.criteria!.items!.properties!.criterion!.enum).toEqual([
      'relevance',
      'structure',
      'specificity',
      'ownership',
      'concision',
    ]);
  });

  it('leaves nothing Gemini rejects in any intent schema', () => {
    for (const schema of ALL) {
      for (const node of nodes(toGeminiSchema(schema))) {
        for (const banned of ['additionalProperties', 'const', '$schema', 'anyOf']) expect(node).not.toHaveProperty(banned);
        if ('type' in node) expect(Object.values(GeminiType)).toContain(node.type);
      }
    }
  });

  it('handles a nullable literal union and a general union', () => {
    const schema = Type.Object({
      mood: Type.Union([Type.Literal('good'), Type.Literal('bad'), Type.Null()]),
      either: Type.Union([Type.String(), Type.Integer()]),
    });
    const gemini = toGeminiSchema(schema);
    expect(gemini.properties!.mood).toEqual({ type: GeminiType.STRING, enum: ['good', 'bad'], nullable: true });
    expect(gemini.properties!.either!.anyOf).toEqual([{ type: GeminiType.STRING }, { type: GeminiType.INTEGER }]);
  });
});

describe('toOpenAiStrictSchema', () => {
  it('requires every property, forbids extras everywhere and uses enums', () => {
    for (const schema of ALL) {
      for (const node of nodes(toOpenAiStrictSchema(schema))) {
        if (node.type === 'object') {
          expect(node.additionalProperties).toBe(false);
          expect(node.required).toEqual(Object.keys(node.properties as object));
        }
        for (const banned of ['const', 'minLength', 'maxLength']) expect(node).not.toHaveProperty(banned);
      }
    }
    const question = toOpenAiStrictSchema(PlannedQuestionSchema) as any;
    expect(question.properties.kind).toMatchObject({ type: 'string', enum: expect.arrayContaining(['gap']) });
  });

  it('keeps the optional keyPoints and bankId answerable with null in both dialects', () => {
    const strict = toOpenAiStrictSchema(PlannedQuestionSchema) as any;
    expect(strict.required).toEqual(['text', 'kind', 'focus', 'keyPoints', 'bankId']);
    expect(strict.properties.bankId.type).toEqual(['string', 'null']);
    expect(strict.properties.keyPoints.anyOf).toEqual([
      { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 5 },
      { type: 'null' },
    ]);
    const gemini = toGeminiSchema(PlannedQuestionSchema);
    expect(gemini.properties!.keyPoints).toMatchObject({ type: GeminiType.ARRAY, nullable: true, minItems: '2', maxItems: '5' });
    expect(gemini.properties!.bankId).toMatchObject({ type: GeminiType.STRING, nullable: true });
  });

  it('writes `string | null` as a type array', () => {
    const evaluation = toOpenAiStrictSchema(AnswerEvaluationSchema) as any;
    expect(evaluation.properties.followUp.type).toEqual(['string', 'null']);
    expect(evaluation.properties.score).toMatchObject({ type: 'integer', minimum: 1, maximum: 10 });
  });
});
