import { describe, expect, it } from 'vitest';
import { analyseCv } from '../../../src/analysis/cv-analysis.js';
import { analyseJob } from '../../../src/analysis/job-analysis.js';
import { compareCvToJob } from '../../../src/analysis/overlap.js';
import { BACKEND_JOB, NURSE_CV, NURSE_JOB, SOFTWARE_CV } from './samples.js';

const skillNames = (skills: { name: string }[]) => skills.map((s) => s.name);

describe('job description analysis', () => {
  const job = analyseJob(BACKEND_JOB);
  const importance = (name: string) => job.skills.find((s) => s.name === name)?.importance;

  it('finds the title and the years of experience asked for', () => {
    expect(job.title).toBe('Senior Backend Engineer');
    expect(job.yearsRequired).toBe(5);
    expect(job.yearsEvidence).toContain('5+ years');
  });

  it('separates requirements from nice-to-haves using the section headings', () => {
    expect(importance('Kafka')).toBe('required');
    expect(importance('PostgreSQL')).toBe('required');
    expect(importance('Kubernetes')).toBe('required');
    expect(importance('Terraform')).toBe('nice');
    expect(importance('gRPC')).toBe('nice');
    expect(job.requirements.map((l) => l.text)).toContain('Hands-on experience with Kafka or similar event-streaming platforms.');
    expect(job.niceToHaves.map((l) => l.text)).toContain('Experience in the energy sector is a plus.');
  });

  it('ignores benefits and application text', () => {
    expect(job.lines.filter((l) => l.section === 'ignored').map((l) => l.text).join(' ')).toContain('pension');
    expect(job.requirements.some((l) => /pension|holiday/.test(l.text))).toBe(false);
  });

  it('classifies lines outside a section by their wording', () => {
    const prose = analyseJob('We need a Data Analyst.\nYou must have strong SQL skills.\nExperience with Tableau is a plus.\nWe use Jira.');
    const imp = (n: string) => prose.skills.find((s) => s.name === n)?.importance;
    expect(imp('SQL')).toBe('required');
    expect(imp('Tableau')).toBe('nice');
    expect(imp('Jira')).toBe('mentioned');
  });

  it('finds the soft competencies the job stresses, with the line that shows each', () => {
    const found = Object.fromEntries(job.competencies.map((c) => [c.name, c.evidence]));
    expect(found['communication']).toBe('Clear written and verbal communication.');
    expect(found['ownership']).toContain('Own services end to end');
    expect(found['incident response']).toContain('on-call');
    expect(found['mentoring']).toContain('Mentor other engineers');
    expect(found['collaboration']).toContain('Work closely with product managers');
  });

  it('reads a nursing job just as well', () => {
    const nurse = analyseJob(NURSE_JOB);
    expect(nurse.title).toBe('Senior Staff Nurse (Band 6)');
    expect(nurse.yearsRequired).toBe(3);
    expect(skillNames(nurse.skills)).toEqual(expect.arrayContaining(['triage', 'Advanced Life Support', 'electronic health records', 'cannulation', 'NEWS2']));
    expect(nurse.skills.find((s) => s.name === 'Advanced Life Support')?.importance).toBe('required');
    expect(nurse.competencies.map((c) => c.name)).toEqual(expect.arrayContaining(['communication', 'incident response', 'mentoring', 'leadership']));
  });
});

describe('CV analysis', () => {
  const cv = analyseCv(SOFTWARE_CV, 2025);

  it('finds the roles with titles, companies, dates and total years', () => {
    expect(cv.roles.map((r) => [r.title, r.company, r.dates])).toEqual([
      ['Senior Backend Engineer', 'Acme Payments', 'Mar 2021 – Present'],
      ['Backend Engineer', 'Northwind Logistics', 'Jun 2017 – Feb 2021'],
    ]);
    expect(cv.totalYears).toBeGreaterThanOrEqual(7.5);
    expect(cv.totalYears).toBeLessThanOrEqual(8.5);
  });

  it('finds the sections present and the word count', () => {
    expect(cv.sections).toEqual(['summary', 'experience', 'projects', 'skills', 'education']);
    expect(cv.wordCount).toBeGreaterThan(150);
    expect(cv.wordCount).toBeLessThan(250);
  });

  it('finds skills through their aliases and keeps the strongest evidence line', () => {
    expect(skillNames(cv.skills)).toEqual(expect.arrayContaining(['Python', 'Go', 'Kubernetes', 'PostgreSQL', 'Redis', 'CI/CD', 'RabbitMQ']));
    const k8s = cv.skills.find((s) => s.name === 'Kubernetes');
    expect(k8s?.aliases).toEqual(['k8s']);
    expect(k8s?.evidence.text).toContain('Led the migration of 30 services');
    expect(cv.skills.find((s) => s.name === 'Redis')?.evidence.quantified).toBe(true);
  });

  it('separates quantified achievements from bullets without outcomes', () => {
    const achievements = cv.achievements.map((l) => l.text);
    expect(achievements).toContain('Cut p99 latency of the payments API by 40% by introducing Redis caching and rewriting the hot paths in Go.');
    expect(achievements).toContain('Mentored 4 junior engineers through weekly pairing sessions and code reviews.');
    expect(achievements.some((t) => t.includes('8 years of experience'))).toBe(false);
    expect(cv.bulletsWithoutOutcome.map((l) => l.text)).toEqual([
      'Responsible for the on-call rota and incident reviews.',
      'Worked on the internal admin dashboard.',
      'Maintained legacy reporting jobs.',
    ]);
  });

  it('ties bullets to the role they sit under', () => {
    const latency = cv.lines.find((l) => l.text.startsWith('Cut p99'));
    expect(latency && cv.roles[latency.role]?.company).toBe('Acme Payments');
    const skillsLine = cv.lines.find((l) => l.text.startsWith('Languages:'));
    expect(skillsLine?.role).toBe(-1);
  });

  it('reads a nursing CV', () => {
    const nurse = analyseCv(NURSE_CV, 2025);
    expect(nurse.roles.map((r) => r.company)).toEqual(['Manchester Royal Infirmary', 'Salford Royal Hospital']);
    expect(nurse.roles[0]?.title).toBe('Staff Nurse, Acute Medical Unit');
    expect(nurse.sections).toEqual(expect.arrayContaining(['summary', 'experience', 'education', 'certifications']));
    expect(skillNames(nurse.skills)).toEqual(expect.arrayContaining(['NEWS2', 'infection control', 'discharge planning', 'IV therapy', 'wound care', 'NMC registration', 'Basic Life Support']));
    expect(nurse.achievements.map((l) => l.text)).toContain('Reduced medication errors on the ward by 30% in 12 months by introducing a two-nurse double-check at handover.');
    expect(nurse.bulletsWithoutOutcome.map((l) => l.text)).toContain('Supported newly qualified nurses on the ward.');
  });

  it('reads other common role layouts', () => {
    const other = analyseCv(
      [
        'Work History',
        'Software Engineer at Google, 2019–2021',
        '- Built search features used by 10M people.',
        'Acme Corp | Senior Engineer | 01/2018 - 06/2020',
        '- Did stuff with Java and Spring.',
        'Initech',
        'Account Executive',
        'March 2015 to December 2017',
        '- Closed $1.2M in new business, 130% of quota.',
      ].join('\n'),
    );
    expect(other.roles.map((r) => [r.title, r.company])).toEqual([
      ['Software Engineer', 'Google'],
      ['Senior Engineer', 'Acme Corp'],
      ['Account Executive', 'Initech'],
    ]);
    // Overlapping jobs are not double-counted: Mar 2015 – Dec 2017, then Jan 2018 – Jan 2021.
    expect(other.totalYears).toBe(5.8);
    expect(other.bulletsWithoutOutcome.map((l) => l.text)).toEqual(['Did stuff with Java and Spring.']);
  });

  it('reads a CV written as prose, sentence by sentence', () => {
    const prose = analyseCv('Sales professional with 5 years of experience. I worked at Globex from 2018 to 2023 as a sales representative, growing revenue by 20%. Skilled in Salesforce and negotiation.');
    expect(prose.roles).toEqual([]);
    expect(prose.totalYears).toBe(5);
    expect(prose.achievements.map((l) => l.text)).toEqual(['I worked at Globex from 2018 to 2023 as a sales representative, growing revenue by 20%.']);
    expect(prose.skills.map((s) => s.name)).toEqual(['Salesforce', 'negotiation']);
  });

  it('handles an empty CV and a CV that only states its years', () => {
    const empty = analyseCv('');
    expect(empty).toMatchObject({ skills: [], roles: [], totalYears: 0, wordCount: 0, sections: [] });
    expect(analyseCv('Accountant with 12 years of experience in audit and payroll.').totalYears).toBe(12);
  });
});

describe('CV versus job', () => {
  const overlap = compareCvToJob(analyseCv(SOFTWARE_CV), analyseJob(BACKEND_JOB));

  it('lists the skills both show', () => {
    expect(overlap.shared.map((s) => s.job.name)).toEqual(expect.arrayContaining(['Python', 'Go', 'PostgreSQL', 'Kubernetes', 'AWS', 'Terraform']));
  });

  it('lists required gaps first, named products before practices, with a related CV skill', () => {
    expect(overlap.gaps[0]?.skill.name).toBe('Kafka');
    expect(overlap.gaps[0]?.related?.name).toBe('RabbitMQ');
    expect(overlap.gaps.map((g) => g.skill.name)).toContain('data modelling');
    expect(overlap.niceGaps.map((g) => g.skill.name)).toContain('gRPC');
    // "Python or Go": having either is enough, so neither is a gap.
    expect(overlap.gaps.map((g) => g.skill.name)).not.toContain('Go');
  });

  it('spots skills the CV writes under a different name and strengths only the CV shows', () => {
    expect(overlap.aliasMismatches).toEqual([expect.objectContaining({ skill: 'Kubernetes', jobAlias: 'Kubernetes', cvAlias: 'k8s' })]);
    expect(overlap.cvOnly.map((s) => s.name)).toEqual(expect.arrayContaining(['Redis', 'CI/CD', 'Django']));
  });

  it('reports a shortfall in years only when there is one', () => {
    expect(overlap.yearsGap).toBeNull();
    const junior = analyseCv('EXPERIENCE\nJunior Developer — Startup Ltd (Jan 2023 – Jan 2024)\n- Built things in Python.', 2025);
    expect(compareCvToJob(junior, analyseJob(BACKEND_JOB)).yearsGap).toMatchObject({ required: 5, actual: 1 });
  });
});
