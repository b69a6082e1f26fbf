import { describe, expect, it } from 'vitest';
import { ROLE_AREAS } from '../../../src/question-bank/entries/role-areas.js';
import { PLACEHOLDERS, QUESTION_BANK, bankEntry, placeholdersIn, type BankKind } from '../../../src/question-bank/index.js';
import { COMPETENCY_IDS, LEVELS, type CompetencyId } from '../../../src/interview/definitions.js';

const MAIN: CompetencyId[] = [
  'teamwork', 'conflict', 'leadership', 'ownership', 'failure', 'prioritisation', 'communication', 'stakeholders',
  'adaptability', 'customer_focus', 'problem_solving', 'system_design', 'debugging', 'testing', 'data', 'security',
  'operations', 'code_quality',
];
const count = (pred: (e: (typeof QUESTION_BANK)[number]) => boolean) => QUESTION_BANK.filter(pred).length;

describe('question bank content', () => {
  it('holds at least 300 entries', () => {
    expect(QUESTION_BANK.length).toBeGreaterThanOrEqual(300);
  });

  it('gives every entry a unique id of the form <area>-<level>-<nn> that matches its level', () => {
    const ids = QUESTION_BANK.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of QUESTION_BANK) {
      expect(e.id).toMatch(/^[a-z]+(?:-[a-z]+)*-(junior|mid|senior)-\d{2}$/);
      expect(e.id).toContain(`-${e.level}-`);
      expect(bankEntry(e.id)).toBe(e);
    }
    expect(bankEntry('no-such-entry')).toBeUndefined();
  });

  it('covers every main competency at every level with at least 3 entries', () => {
    for (const c of MAIN) for (const level of LEVELS) {
      expect(count((e) => e.competency === c && e.level === level), `${c}/${level}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('covers self-presentation, motivation and role skills at every level with the kinds they stand in for', () => {
    const atLeast = (c: CompetencyId, kinds: BankKind[], n: number) => {
      for (const level of LEVELS) for (const kind of kinds) {
        expect(count((e) => e.competency === c && e.level === level && e.kind === kind), `${c}/${level}/${kind}`).toBeGreaterThanOrEqual(n);
      }
    };
    atLeast('self_presentation', ['opener'], 2);
    atLeast('motivation', ['motivation', 'closing'], 2);
    atLeast('role_skills', ['skill', 'gap'], 2);
    // Every competency id is used, and nothing else is.
    expect(new Set(QUESTION_BANK.map((e) => e.competency))).toEqual(new Set(COMPETENCY_IDS));
  });

  it('has several role-skill entries for every role area, tagged with the area', () => {
    for (const [area, tags] of Object.entries(ROLE_AREAS)) {
      const name = tags[0];
      const tagged = QUESTION_BANK.filter((e) => e.competency === 'role_skills' && e.tags?.includes(name));
      expect(tagged.length, area).toBeGreaterThanOrEqual(5);
      expect(new Set(tagged.map((e) => e.level)), area).toEqual(new Set(LEVELS));
    }
  });

  it('gives every entry 3 to 5 distinct, non-empty key points with real content and no placeholders', () => {
    for (const e of QUESTION_BANK) {
      expect(e.keyPoints.length, e.id).toBeGreaterThanOrEqual(3);
      expect(e.keyPoints.length, e.id).toBeLessThanOrEqual(5);
      const normalised = e.keyPoints.map((p) => p.trim().toLowerCase());
      expect(new Set(normalised).size, e.id).toBe(normalised.length);
      for (const p of e.keyPoints) {
        expect(p.trim().split(/\s+/).length, `${e.id}: ${p}`).toBeGreaterThanOrEqual(2);
        expect(p, e.id).not.toMatch(/[{}]/);
      }
    }
  });

  it('never tells the candidate they are starting out: the adaptive level can fall to junior for anyone (issue 12, no false premises)', () => {
    const presuming = QUESTION_BANK.filter((e) => /\bstart(?:ing)? (?:your|a|their) career\b/i.test(e.text)).map((e) => e.id);
    expect(presuming).toEqual([]);
  });

  it('never repeats a question text', () => {
    const texts = QUESTION_BANK.map((e) => e.text.trim().toLowerCase().replace(/\s+/g, ' '));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('uses only known placeholders, never at the start of a question, in questions of a sensible length', () => {
    for (const e of QUESTION_BANK) {
      for (const p of placeholdersIn(e.text)) expect(PLACEHOLDERS as readonly string[], `${e.id}: {${p}}`).toContain(p);
      expect(e.text, e.id).not.toMatch(/^\{/);
      expect(e.text.length, e.id).toBeGreaterThanOrEqual(30);
      expect(e.text.length, e.id).toBeLessThanOrEqual(400);
      expect(e.text, e.id).toMatch(/[?.]$/);
    }
  });

  it('uses the question kinds the planner knows', () => {
    const kinds = new Set<BankKind>(['opener', 'behavioral', 'skill', 'gap', 'technical', 'motivation', 'closing']);
    for (const e of QUESTION_BANK) expect(kinds.has(e.kind), e.id).toBe(true);
    expect(count((e) => e.kind === 'opener')).toBe(count((e) => e.competency === 'self_presentation'));
  });
});
