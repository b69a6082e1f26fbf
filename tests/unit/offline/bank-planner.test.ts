/**
 * The offline planner drawing from the question bank: the level it is asked for, key points
 * and bank ids on every question, personalisation, focused interviews and steering toward
 * requirements no answer has covered yet.
 */
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { createOfflineProvider } from '../../../src/ai/providers/offline.js';
import { PlannedQuestionSchema, type PlannedQuestion } from '../../../src/ai/schemas.js';
import { type PlanQuestionInput } from '../../../src/ai/types.js';
import type { InterviewContext } from '../../../src/interview/definitions.js';
import { INTERVIEW_TYPES, LEVELS, type Level } from '../../../src/interview/definitions.js';
import { bankEntry, isEngineeringEntry } from '../../../src/question-bank/index.js';
import { CONTEXTS } from '../../calibration/contexts.js';
import { nurseContext, softwareContext } from './samples.js';

const provider = createOfflineProvider();

async function planAll(context: InterviewContext, extra: Partial<PlanQuestionInput> = {}): Promise<PlannedQuestion[]> {
  const out: PlannedQuestion[] = [];
  for (let n = 1; n <= 8; n++) out.push(await provider.planQuestion({ context, questionNumber: n, previous: [], ...extra }));
  return out;
}

const levelGap = (a: Level, b: Level) => Math.abs(LEVELS.indexOf(a) - LEVELS.indexOf(b));

describe('the offline planner and the question bank', () => {
  it('gives all 8 questions of every interview type, at every level, key points and a bank id from the bank', async () => {
    for (const context of [softwareContext(), nurseContext()]) {
      for (const interviewType of INTERVIEW_TYPES) {
        for (const level of LEVELS) {
          const qs = await planAll({ ...context, interviewType }, { level });
          expect(new Set(qs.map((q) => q.text)).size, `${interviewType}/${level}`).toBe(8);
          for (const q of qs) {
            expect(Value.Check(PlannedQuestionSchema, q), JSON.stringify(q)).toBe(true);
            const entry = bankEntry(q.bankId ?? '');
            if (!q.bankId) {
              // Outside engineering, technical slots ask the profession's craft with their own key points.
              expect(q.kind, `${interviewType}/${level}: ${q.text}`).toBe('technical');
              expect(q.keyPoints!.length).toBeGreaterThanOrEqual(3);
              continue;
            }
            expect(entry, `${interviewType}/${level}: ${q.text}`).toBeDefined();
            expect(q.keyPoints).toEqual(entry!.keyPoints.slice(0, 5));
            expect(q.keyPoints!.length).toBeGreaterThanOrEqual(2);
            // Skill questions may borrow an adjacent level's entry when the level has run out.
            expect(levelGap(entry!.level, level)).toBeLessThanOrEqual(1);
          }
        }
      }
    }
  });

  it('asks the frame and behavioural questions at exactly the level requested, and words them differently per level', async () => {
    const byLevel = new Map<Level, PlannedQuestion[]>();
    for (const level of LEVELS) byLevel.set(level, await planAll(softwareContext(), { level }));
    for (const level of LEVELS) {
      for (const q of byLevel.get(level)!.filter((x) => ['opener', 'behavioral', 'motivation', 'closing'].includes(x.kind))) {
        expect(bankEntry(q.bankId!)!.level, q.text).toBe(level);
      }
    }
    const openers = LEVELS.map((l) => byLevel.get(l)![0]!.text);
    expect(new Set(openers).size).toBe(3);
    const behavioural = LEVELS.map((l) => byLevel.get(l)![1]!.text);
    expect(new Set(behavioural).size).toBe(3);
  });

  it('personalises bank questions with the company, the role, the CV and the job line that motivates them', async () => {
    const qs = await planAll(softwareContext(), { level: 'senior' });
    expect(qs[0]!.text).toContain('Brightwave Energy');
    expect(qs[0]!.text).toContain('Senior Backend Engineer');
    const behavioural = qs.filter((q) => q.kind === 'behavioral');
    expect(behavioural[0]!.text).toContain('"Clear written and verbal communication"');
    expect(behavioural.every((q) => /Acme Payments|Northwind Logistics/.test(q.text))).toBe(true);
    // A skill deep dive quotes the CV line and asks the senior version of the bank question.
    const go = qs.find((q) => q.focus === 'Go')!;
    expect(go.text).toContain('Cut p99 latency of the payments API by 40%');
    expect(bankEntry(go.bankId!)!.level).toBe('senior');
    expect(go.text).not.toMatch(/\{(skill|company|role)\}/);
    for (const q of qs) expect(q.text).not.toMatch(/[{}]/);
  });

  it('draws a focused interview’s behavioural and technical slots from its focus competencies first', async () => {
    const focused = await planAll(softwareContext('mixed'), { focusCompetencies: ['conflict', 'security'] });
    const competencies = focused.map((q) => bankEntry(q.bankId!)!.competency);
    // Mixed: behavioural slots 2 and 5, skill slots 3 and 6 (no technical slot in a mixed plan).
    expect(competencies[1]).toBe('conflict');
    expect(competencies[2]).toBe('security');
    expect(focused[1]!.text).toMatch(/You asked to practise conflict/i);
    const normal = await planAll(softwareContext('mixed'));
    expect(normal.map((q) => bankEntry(q.bankId!)!.competency)).not.toContain('conflict');

    const technical = await planAll(softwareContext('technical'), { focusCompetencies: ['debugging'] });
    const firstTechnical = technical.findIndex((q) => q.kind === 'technical');
    expect(bankEntry(technical[firstTechnical]!.bankId!)!.competency).toBe('debugging');
  });

  it('steers later skill, gap and technical questions toward requirements not yet demonstrated', async () => {
    const context = softwareContext('mixed');
    const plain = await provider.planQuestion({ context, questionNumber: 6, previous: [] });
    expect(plain.focus).toBe('Go');
    const uncovered = ['Experience running services on Kubernetes in AWS.'];
    const steered = await provider.planQuestion({ context, questionNumber: 6, previous: [], uncoveredRequirements: uncovered });
    expect(steered.focus).toBe('Kubernetes');
    expect(steered.text).toContain('Kubernetes');
    expect(bankEntry(steered.bankId!)).toBeDefined();
    // Already asked about Kubernetes: the next uncovered skill (AWS) instead.
    const after = await provider.planQuestion({
      context,
      questionNumber: 6,
      previous: [{ questionNumber: 3, text: 'Tell me about Kubernetes.', kind: 'skill', focus: 'Kubernetes' }],
      uncoveredRequirements: uncovered,
    });
    expect(after.focus).toBe('AWS');
    // Early questions and behavioural slots keep their plan.
    expect(await provider.planQuestion({ context, questionNumber: 2, previous: [], uncoveredRequirements: uncovered })).toEqual(
      await provider.planQuestion({ context, questionNumber: 2, previous: [] }),
    );
  });

  it('never asks a nurse, a salesperson or a product manager a software question', async () => {
    for (const context of [nurseContext(), CONTEXTS.nursing, CONTEXTS.sales, CONTEXTS.product]) {
      for (const interviewType of INTERVIEW_TYPES) {
        for (const level of LEVELS) {
          for (const q of await planAll({ ...context, interviewType }, { level })) {
            const entry = bankEntry(q.bankId ?? '');
            if (entry) expect(isEngineeringEntry(entry), `${context.jobTitle} ${interviewType}/${level}: ${q.text}`).toBe(false);
            else expect(q.kind, q.text).toBe('technical');
            // Nor a question from another profession's area (finance for a nurse, say).
            expect(q.text, `${context.jobTitle}: ${q.text}`).not.toMatch(/\b(?:balance sheet|income statement|cash[- ]flow statement|APIs?)\b/);
            expect(q.text).not.toMatch(/\b(outage|deploy\w*|production)\b/i);
          }
        }
      }
    }
  });

  it('names a job skill in a technical scenario only when the scenario is about that skill', async () => {
    for (const level of LEVELS) {
      for (const q of await planAll({ ...CONTEXTS.software, interviewType: 'technical' }, { level })) {
        const needs = /needs ([^(.]+?)(?: \(|\.)/.exec(q.text);
        if (q.kind !== 'technical' || !needs) continue;
        const entry = bankEntry(q.bankId ?? '')!;
        const skill = needs[1]!.trim().toLowerCase();
        const about = entry.text.includes('{skill}') || entry.text.toLowerCase().includes(skill) || (entry.tags ?? []).some((t) => t.toLowerCase().slice(0, 5) === skill.slice(0, 5));
        expect(about, `${level}: ${q.text}`).toBe(true);
      }
    }
  });

  it('does not reuse a bank entry another question of the interview already used', async () => {
    const context = softwareContext('behavioral');
    const first = await provider.planQuestion({ context, questionNumber: 2, previous: [], level: 'mid' });
    const again = await provider.planQuestion({
      context,
      questionNumber: 2,
      previous: [{ questionNumber: 1, text: 'Something else entirely, asked before.', kind: 'opener', focus: 'intro', bankId: first.bankId! }],
      level: 'mid',
    });
    expect(again.bankId).not.toBe(first.bankId);
    expect(again.focus).toBe(first.focus);
  });
});
