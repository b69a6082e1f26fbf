import { describe, expect, it } from 'vitest';
import { COMPETENCY_IDS, competencyLabel } from '../../../src/interview/definitions.js';
import { COMPETENCY_GUIDES, QUESTION_BANK, competencyGuide, examplesFor, personalise, pickEntries } from '../../../src/question-bank/index.js';

const NURSE_JOB = {
  jobTitle: 'Staff Nurse – Acute Medical Ward',
  jobDescription: `We are looking for a compassionate registered nurse (NMC) to join our busy acute medical ward.
You will assess and plan patient care, administer medications including IV therapy, recognise deteriorating
patients using NEWS2 and escalate appropriately, and work closely with the multidisciplinary team and families.
Experience of clinical documentation on an electronic patient record is desirable.`,
};

describe('personalise', () => {
  it('fills the placeholders with the values given, with the right article for the role', () => {
    const text = personalise(
      { text: 'As a {role} at {company}, how have you used {skill}? Why {company}?' },
      { role: 'engineer', company: 'Acme', skill: 'PostgreSQL' },
    );
    expect(text).toBe('As an engineer at Acme, how have you used PostgreSQL? Why Acme?');
    expect(personalise({ text: 'Why start as a {role} now?' }, { role: 'nurse' })).toBe('Why start as a nurse now?');
  });

  it('replaces missing or blank values with neutral words so no placeholder is left', () => {
    expect(personalise({ text: 'Why do you want to work at {company} as a {role}?' })).toBe('Why do you want to work here in this role?');
    expect(personalise({ text: 'What do you know about {company}?' }, { company: '  ' })).toBe('What do you know about this company?');
    expect(personalise({ text: 'Why does the {role} role appeal?' }, {})).toBe('Why does this role appeal?');
    expect(personalise({ text: 'What would make you stay at {company}, and what is {company}\'s biggest challenge?' })).toBe(
      'What would make you stay here, and what is our biggest challenge?',
    );
    expect(personalise({ text: 'How have you used {skill}?' })).toBe('How have you used the tool you know best?');
  });

  it('leaves no placeholder in any bank entry, with or without values', () => {
    for (const e of QUESTION_BANK) {
      expect(personalise(e), e.id).not.toMatch(/[{}]/);
      const filled = personalise(e, { skill: 'Kubernetes', company: 'Northwind', role: 'platform engineer' });
      expect(filled, e.id).not.toMatch(/[{}]/);
      if (e.text.includes('{skill}')) expect(filled).toContain('Kubernetes');
      if (e.text.includes('{company}')) expect(filled).toContain('Northwind');
    }
  });
});

describe('pickEntries', () => {
  it('filters by level, competency and kinds', () => {
    const picked = pickEntries({ level: 'senior', competency: 'conflict' });
    expect(picked.length).toBeGreaterThanOrEqual(3);
    expect(picked.every((e) => e.level === 'senior' && e.competency === 'conflict')).toBe(true);
    const closings = pickEntries({ level: 'mid', kinds: ['closing'] });
    expect(closings.length).toBeGreaterThan(0);
    expect(closings.every((e) => e.kind === 'closing' && e.level === 'mid')).toBe(true);
  });

  it('is deterministic for a seed, and the seed varies the order among equals', () => {
    const q = { level: 'mid' as const, competency: 'teamwork' as const, seed: 7 };
    expect(pickEntries(q).map((e) => e.id)).toEqual(pickEntries(q).map((e) => e.id));
    const orders = new Set([1, 2, 3, 4, 5, 6].map((seed) => pickEntries({ ...q, seed }).map((e) => e.id).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('leaves out excluded entries', () => {
    const all = pickEntries({ level: 'junior', competency: 'testing' });
    const first = all[0];
    expect(first).toBeDefined();
    const rest = pickEntries({ level: 'junior', competency: 'testing', exclude: new Set([first!.id]) });
    expect(rest.map((e) => e.id)).not.toContain(first!.id);
    expect(rest).toHaveLength(all.length - 1);
  });

  it('falls back to the nearest level when the level has nothing left', () => {
    const juniorIds = new Set(pickEntries({ level: 'junior', competency: 'system_design' }).map((e) => e.id));
    const fallback = pickEntries({ level: 'junior', competency: 'system_design', exclude: juniorIds });
    expect(fallback.length).toBeGreaterThan(0);
    expect(new Set(fallback.map((e) => e.level))).toEqual(new Set(['mid']));
    const midIds = new Set(pickEntries({ level: 'mid', competency: 'system_design' }).map((e) => e.id));
    const far = pickEntries({ level: 'junior', competency: 'system_design', exclude: new Set([...juniorIds, ...midIds]) });
    expect(new Set(far.map((e) => e.level))).toEqual(new Set(['senior']));
    // Mid falls back to both neighbours at once.
    const fromMid = pickEntries({ level: 'mid', competency: 'system_design', exclude: midIds });
    expect(new Set(fromMid.map((e) => e.level))).toEqual(new Set(['junior', 'senior']));
  });

  it('ranks entries tagged for the job first and other roles\' entries last', () => {
    const picked = pickEntries({ level: 'mid', competency: 'role_skills', tags: ['Kubernetes', 'Terraform'] });
    expect(picked[0]?.tags).toContain('devops');
    const untaggedIndex = picked.findIndex((e) => !e.tags);
    const nursingIndex = picked.findIndex((e) => e.tags?.includes('nursing'));
    expect(untaggedIndex).toBeGreaterThan(0);
    expect(nursingIndex).toBeGreaterThan(untaggedIndex);
    // Without tags, role-neutral entries come before any role-specific one.
    const neutral = pickEntries({ level: 'mid', competency: 'role_skills' });
    expect(neutral[0]?.tags).toBeUndefined();
  });
});

describe('examplesFor', () => {
  it('picks nursing entries for a nursing job', () => {
    const skills = examplesFor({ ...NURSE_JOB, level: 'mid', competency: 'role_skills' });
    expect(skills).toHaveLength(3);
    expect(skills.slice(0, 2).every((e) => e.tags?.includes('nursing'))).toBe(true);
    const any = examplesFor({ ...NURSE_JOB, level: 'junior' }, 4);
    expect(any).toHaveLength(4);
    expect(any[0]?.tags).toContain('nursing');
    expect(any.every((e) => e.level === 'junior')).toBe(true);
    // Questions only an engineer could answer are kept away from a nurse.
    const engineering = new Set(['system_design', 'debugging', 'testing', 'code_quality']);
    for (const level of ['junior', 'mid', 'senior'] as const) {
      expect(examplesFor({ ...NURSE_JOB, level }, 5).filter((e) => engineering.has(e.competency))).toEqual([]);
    }
  });

  it('spreads picks over different competencies unless one is asked for', () => {
    const picks = examplesFor({ jobTitle: 'Backend Engineer', jobDescription: 'Design and run APIs on PostgreSQL and Kafka; own services in production.', level: 'senior' }, 5);
    expect(picks).toHaveLength(5);
    expect(new Set(picks.map((e) => e.competency)).size).toBe(5);
    expect(picks.some((e) => e.tags?.includes('backend'))).toBe(true);
    expect(picks.some((e) => e.tags?.includes('nursing'))).toBe(false);
  });

  it('respects kinds and is deterministic', () => {
    const q = { jobTitle: 'Account Executive', jobDescription: 'B2B sales, prospecting, managing a pipeline in Salesforce to hit quota.', level: 'mid' as const, kinds: ['skill' as const] };
    const a = examplesFor(q, 3);
    expect(a.every((e) => e.kind === 'skill')).toBe(true);
    expect(a[0]?.tags).toContain('sales');
    expect(examplesFor(q, 3)).toEqual(a);
  });
});

describe('competency guides', () => {
  it('has a guide with a label, a description and 2–4 practice suggestions for every competency', () => {
    expect(COMPETENCY_GUIDES.map((g) => g.id)).toEqual([...COMPETENCY_IDS]);
    for (const id of COMPETENCY_IDS) {
      const guide = competencyGuide(id);
      expect(guide.id).toBe(id);
      expect(guide.label.length).toBeGreaterThan(3);
      expect(competencyLabel(id)).toBe(guide.label);
      expect(guide.description.length).toBeGreaterThan(20);
      expect(guide.practice.length).toBeGreaterThanOrEqual(2);
      expect(guide.practice.length).toBeLessThanOrEqual(4);
      for (const p of guide.practice) expect(p.split(/\s+/).length, `${id}: ${p}`).toBeGreaterThanOrEqual(8);
    }
    expect(new Set(COMPETENCY_GUIDES.map((g) => g.label)).size).toBe(COMPETENCY_IDS.length);
    expect(competencyLabel('conflict')).toBe('Conflict resolution');
  });
});
