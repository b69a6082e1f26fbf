import { describe, expect, it } from 'vitest';
import { COMPETENCIES } from '../../../src/analysis/competencies.js';
import { COMPETENCY_IDS, competencyOfOfflineTheme, type CompetencyId } from '../../../src/interview/definitions.js';
import { classifyExcluding } from '../../../src/question-bank/classify.js';
import { QUESTION_BANK, classifyCompetency } from '../../../src/question-bank/index.js';

describe('classifyCompetency', () => {
  // Questions phrased the way remote models write them, with the focus they give.
  const cases: [text: string, focus: string, expected: CompetencyId][] = [
    ["Walk me through how you'd design a rate limiter for our public API.", '', 'system_design'],
    ['Tell me about a time you disagreed with your manager.', '', 'conflict'],
    // A question about a named tool asks for depth in that skill, not about an operations
    // practice: nothing in it mentions incidents, monitoring or deployment.
    ['How have you used Kubernetes in production?', '', 'role_skills'],
    ['How have you used Kubernetes in production?', 'Kubernetes', 'role_skills'],
    ['Tell me about your experience with React and TypeScript.', 'React', 'role_skills'],
    ['Tell me about yourself and what brings you to this role.', 'introduction', 'self_presentation'],
    ['Why do you want to work at Acme, and why now?', 'motivation', 'motivation'],
    ['Describe the hardest bug you have tracked down. How did you find the root cause?', 'debugging', 'debugging'],
    ['How would you decide what to cover with unit tests versus integration tests for a payments service?', 'testing strategy', 'testing'],
    ['Tell me about a time you had more work than you could handle. How did you decide what to drop?', 'prioritisation', 'prioritisation'],
    ['Tell me about a production incident you were on call for. How was it resolved?', 'incident response', 'operations'],
    ['What is SQL injection, and how would you protect our API against it?', '', 'security'],
    ['Tell me about a time you led a project without formal authority.', '', 'leadership'],
    ['Describe a time you had to explain a complex technical decision to non-technical stakeholders.', 'communication', 'communication'],
    ['Tell me about a mistake you made and what you learned from it.', '', 'failure'],
    ['How would you design the schema for storing orders in PostgreSQL, and which indexes would you add?', 'PostgreSQL', 'data'],
    ['Tell me about a time you helped an unhappy patient and their family.', 'patient care', 'customer_focus'],
    ['What do you look for when you review a pull request?', 'code review', 'code_quality'],
    ['Tell me about a time you worked closely with another team to deliver a project.', 'collaboration', 'teamwork'],
    ['Tell me about a time you took ownership of a problem nobody else wanted.', '', 'ownership'],
    ['Tell me about a time you had to learn a new technology quickly.', '', 'adaptability'],
    ['Do you have any questions for us?', 'questions for the interviewer', 'motivation'],
    ['What would you do if the lights went out?', '', 'problem_solving'],
  ];

  it.each(cases)('%s (focus "%s") → %s', (text, focus, expected) => {
    expect(classifyCompetency(text, focus)).toBe(expected);
  });

  it('lets the focus outweigh the question text', () => {
    const text = 'Tell me about a time you worked with another team and hit a deadline problem.';
    expect(classifyCompetency(text, 'conflict')).toBe('conflict');
    expect(classifyCompetency(text, 'prioritisation')).toBe('prioritisation');
  });

  it('classifies most bank questions correctly without seeing the entry itself', () => {
    // Leave-one-out over the non-role entries (role questions overlap other competencies by design).
    const entries = QUESTION_BANK.filter((e) => e.competency !== 'role_skills');
    const right = entries.filter((e) => classifyExcluding(e.text.replace(/\{skill\}/g, 'PostgreSQL'), '', e.id) === e.competency).length;
    expect(right / entries.length).toBeGreaterThanOrEqual(0.75);
  });
});

describe('competencyOfOfflineTheme', () => {
  it('maps every offline interviewer theme to a competency', () => {
    for (const theme of COMPETENCIES) {
      const id = competencyOfOfflineTheme(theme.name);
      expect(id, theme.name).toBeDefined();
      expect(COMPETENCY_IDS).toContain(id);
    }
    expect(COMPETENCIES).toHaveLength(14);
  });

  it('maps the themes to the competency they probe, case-insensitively', () => {
    expect(competencyOfOfflineTheme('conflict resolution')).toBe('conflict');
    expect(competencyOfOfflineTheme('Incident Response')).toBe('operations');
    expect(competencyOfOfflineTheme('collaboration')).toBe('teamwork');
    expect(competencyOfOfflineTheme('mentoring')).toBe('leadership');
    expect(competencyOfOfflineTheme('data-driven decisions')).toBe('data');
    expect(competencyOfOfflineTheme('stakeholder management')).toBe('stakeholders');
    expect(competencyOfOfflineTheme('juggling')).toBeUndefined();
  });
});
