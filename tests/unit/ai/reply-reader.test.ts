/**
 * The tolerant reader: the ordinary ways real models slip, each read into a valid reply
 * without a repair round trip; and what it must not "fix".
 */
import { describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { AnswerEvaluationReplySchema, InterviewTurnReplySchema, PlannedQuestionReplySchema } from '../../../src/ai/schemas.js';
import { clip, parseModelJson, partialField, readReply } from '../../../src/ai/reply-reader.js';

const question = { text: 'Tell me about a time you changed a plan late.', focus: 'adaptability', keyPoints: ['names the change', 'states the result'], bankId: null };
const criteria = ['relevance', 'structure', 'specificity', 'ownership', 'concision'].map((criterion) => ({ criterion, note: 'Fine.', score: 3 }));
const evaluation = { criteria, keyPoints: [], strengths: [], weaknesses: [], summary: 'Good. Add a number.', score: 6 };

const valid = (schema: Parameters<typeof Value.Check>[0], value: unknown) => Value.Check(schema, value);

describe('parseModelJson', () => {
  it('reads JSON that is bare, fenced, after or around prose, in a think block, with trailing commas and comments', () => {
    const json = JSON.stringify(question);
    for (const text of [
      json,
      '```json\n' + json + '\n```',
      'Sure! Here is the question:\n\n```\n' + json + '\n```\nGood luck.',
      'Here it is: ' + json + ' Hope that helps.',
      '<think>The candidate is junior, so {keep it simple}.</think>\n' + json,
      '{"text": "Tell me about a time you changed a plan late.", // the question\n "focus": "adaptability", "keyPoints": ["names the change", "states the result",], "bankId": null,}',
    ]) {
      expect(parseModelJson(text), text.slice(0, 40)).toEqual(question);
    }
  });

  it('says so when there is no JSON at all', () => {
    expect(() => parseModelJson('I cannot help with that.')).toThrow(/not JSON/);
    expect(() => parseModelJson('')).toThrow(/not JSON/);
    expect(() => parseModelJson('<think>hmm… still thinking')).toThrow(/not JSON/);
  });
});

describe('readReply', () => {
  it('unwraps a wrapper object or a one-item array', () => {
    expect(readReply(AnswerEvaluationReplySchema, JSON.stringify({ evaluation }))).toEqual(evaluation);
    expect(readReply(AnswerEvaluationReplySchema, JSON.stringify({ answer_evaluation: { response: evaluation } }))).toEqual(evaluation);
    expect(readReply(PlannedQuestionReplySchema, JSON.stringify([question]))).toEqual(question);
  });

  it('turns numbers written as strings or floats into integers, clamped to the range', () => {
    const read = readReply(AnswerEvaluationReplySchema, JSON.stringify({ ...evaluation, score: '7/10', criteria: criteria.map((c, i) => ({ ...c, score: [' 4 ', 3.6, '5', 9, -1][i] })) })) as typeof evaluation;
    expect(read.score).toBe(7);
    expect(read.criteria.map((c) => c.score)).toEqual([4, 4, 5, 5, 0]);
    expect(valid(AnswerEvaluationReplySchema, read)).toBe(true);
  });

  it('normalises enum values written in another case, spelling or word', () => {
    const read = readReply(AnswerEvaluationReplySchema, JSON.stringify({ ...evaluation, criteria: criteria.map((c, i) => ({ ...c, criterion: ['Relevance', 'STRUCTURE', 'specific', 'Ownership ', 'conciseness'][i] })) })) as typeof evaluation;
    expect(read.criteria.map((c) => c.criterion)).toEqual(['relevance', 'structure', 'specificity', 'ownership', 'concision']);
    const turn = { assessment: 'ok', missedKeyPoints: [], decision: 'Follow-Up', question: 'You said you led it: what did you change?', reason: 'r', focus: 'f', keyPoints: null, bankId: null };
    expect((readReply(InterviewTurnReplySchema, JSON.stringify(turn)) as typeof turn).decision).toBe('follow_up');
    expect((readReply(InterviewTurnReplySchema, JSON.stringify({ ...turn, decision: 'MOVE ON' })) as typeof turn).decision).toBe('move_on');
  });

  it('takes null for an optional text as empty, and a missing nullable property as null', () => {
    const read = readReply(AnswerEvaluationReplySchema, JSON.stringify({ ...evaluation, summary: null, strengths: [{ point: 'Clear.', quote: null }] })) as typeof evaluation;
    expect(read.summary).toBe('');
    expect(read.strengths).toEqual([{ point: 'Clear.', quote: '' }]);
    const { bankId: _omitted, ...withoutBankId } = question;
    expect(readReply(PlannedQuestionReplySchema, JSON.stringify(withoutBankId))).toEqual(question);
  });

  it('clips texts and lists that run over their limits', () => {
    const long = 'word '.repeat(200).trim();
    const read = readReply(PlannedQuestionReplySchema, JSON.stringify({ ...question, bankId: 'x'.repeat(300), keyPoints: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], focus: long })) as typeof question;
    expect(read.keyPoints).toHaveLength(5);
    expect(read.focus.length).toBeLessThanOrEqual(120);
    expect(read.focus.endsWith('…')).toBe(true);
    expect((read.bankId ?? '').length).toBeLessThanOrEqual(80);
    expect(valid(PlannedQuestionReplySchema, read)).toBe(true);
  });

  it('accepts snake_case property names and a list written as one string', () => {
    const read = readReply(PlannedQuestionReplySchema, JSON.stringify({ text: question.text, focus: 'adaptability', key_points: '- names the change\n- states the result', bank_id: null }));
    expect(read).toEqual(question);
  });

  it('leaves what it cannot honestly fix for the validator', () => {
    const read = readReply(PlannedQuestionReplySchema, JSON.stringify({ focus: 'x' }));
    expect(valid(PlannedQuestionReplySchema, read)).toBe(false);
    const wrongEnum = readReply(InterviewTurnReplySchema, JSON.stringify({ decision: 'banana' })) as { decision: string };
    expect(wrongEnum.decision).toBe('banana');
  });
});

describe('clip', () => {
  it('cuts at a word boundary with an ellipsis, within the limit', () => {
    expect(clip('short', 10)).toBe('short');
    const cut = clip('the quick brown fox jumps over the lazy dog', 20);
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(cut).toBe('the quick brown fox…');
  });
});

describe('partialField', () => {
  it('reads a string property while it is still being written', () => {
    expect(partialField('{"assessment": "vague", "decision": "follow_up", "quest', 'question')).toBeNull();
    expect(partialField('{"assessment": "vague", "question": "You said the lag', 'question')).toBe('You said the lag');
    expect(partialField('{"question": "Line one\\nand \\"two\\" \\u00e9t\\', 'question')).toBe('Line one\nand "two" ét');
    expect(partialField('```json\n{"question": "Done.", "reason": "x"}', 'question')).toBe('Done.');
  });
});
