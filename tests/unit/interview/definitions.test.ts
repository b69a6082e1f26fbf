/**
 * The interview's vocabulary (src/interview/definitions.ts): competencies joined to the offline
 * interviewer's behavioural themes by data, every theme counted toward exactly one competency.
 */
import { describe, expect, it } from 'vitest';
import { COMPETENCIES as THEMES, DEFAULT_COMPETENCIES } from '../../../src/analysis/competencies.js';
import { COMPETENCIES, COMPETENCY_IDS, competencyLabel, competencyOfOfflineTheme, isCompetencyId, QUESTION_KINDS } from '../../../src/interview/definitions.js';
import { SHAPES, slotKindFor } from '../../../src/interview/shape.js';

describe('interview definitions', () => {
  it('counts every offline behavioural theme toward exactly one competency, and names no theme that does not exist', () => {
    const themeNames = THEMES.map((t) => t.name);
    for (const name of [...themeNames, ...DEFAULT_COMPETENCIES]) {
      expect(COMPETENCIES.filter((c) => c.offlineThemes.some((t) => t === name)), name).toHaveLength(1);
      expect(competencyOfOfflineTheme(name), name).toBeDefined();
    }
    for (const c of COMPETENCIES) for (const theme of c.offlineThemes) expect(themeNames, `${c.id} → ${theme}`).toContain(theme);
    expect(competencyOfOfflineTheme(' Conflict Resolution ')).toBe('conflict');
    expect(competencyOfOfflineTheme('knitting')).toBeUndefined();
  });

  it('has 21 competencies with distinct ids and labels', () => {
    expect(new Set(COMPETENCY_IDS).size).toBe(21);
    expect(new Set(COMPETENCIES.map((c) => c.label)).size).toBe(21);
    expect(competencyLabel('conflict')).toBe('Conflict resolution');
    expect(isCompetencyId('role_skills')).toBe(true);
    expect(isCompetencyId('knitting')).toBe(false);
  });

  it('has one shape per interview type: eight slots, opener first, closing last, no follow-up slot', () => {
    for (const shape of Object.values(SHAPES)) {
      expect(shape).toHaveLength(8);
      expect(shape[0]).toBe('opener');
      expect(shape[7]).toBe('closing');
      for (const kind of shape) expect(QUESTION_KINDS).toContain(kind);
    }
    expect(slotKindFor('technical', 99)).toBe('closing');
    expect(SHAPES.technical).not.toContain('motivation');
    expect(SHAPES.technical).not.toContain('behavioral');
  });
});
