import { describe, expect, it } from 'vitest';
import { SKILL_LEXICON } from '../../../src/analysis/skill-lexicon.js';
import { findSkills, skillByName } from '../../../src/analysis/skill-matcher.js';

const names = (text: string) => findSkills(text).map((m) => m.skill.name);

describe('skill lexicon', () => {
  it('covers at least 150 skills across technical and non-technical categories', () => {
    expect(SKILL_LEXICON.length).toBeGreaterThanOrEqual(150);
    const categories = new Set(SKILL_LEXICON.map((s) => s.category));
    for (const c of ['language', 'cloud', 'devops', 'testing', 'security', 'data', 'ml', 'product', 'design', 'management', 'sales', 'marketing', 'finance', 'healthcare']) {
      expect(categories, c).toContain(c);
    }
  });

  it('has unique canonical names that can be looked up', () => {
    const all = SKILL_LEXICON.map((s) => s.name);
    expect(new Set(all).size).toBe(all.length);
    expect(skillByName('kubernetes')?.name).toBe('Kubernetes');
    expect(skillByName('no such skill')).toBeUndefined();
  });
});

describe('findSkills', () => {
  it.each([
    ['We run everything on k8s', 'Kubernetes'],
    ['Strong JS and TS skills', 'JavaScript'],
    ['Data lives in Postgres', 'PostgreSQL'],
    ['comfortable in psql', 'PostgreSQL'],
    ['Deployed to GCP', 'Google Cloud'],
    ['Owned our CI/CD pipeline', 'CI/CD'],
    ['Ran A/B testing on the checkout', 'A/B testing'],
    ['Built services with Node.js.', 'Node.js'],
    ['Wrote services in Golang', 'Go'],
    ['Maintained a C# codebase', 'C#'],
    ['Game engine in C++', 'C++'],
    ['Migrated to .NET Core', '.NET'],
    ['Administering medication and wound care', 'medication administration'],
    ['Managed the sales pipeline in Salesforce', 'pipeline management'],
    ['Statistics in R, plus Python', 'R'],
  ])('finds the alias in %j as %s', (text, skill) => {
    expect(names(text)).toContain(skill);
  });

  it('reports the alias exactly as written, with its position', () => {
    const text = 'Infra: AWS, k8s and Terraform';
    const k8s = findSkills(text).find((m) => m.skill.name === 'Kubernetes');
    expect(k8s?.text).toBe('k8s');
    expect(text.slice(k8s?.index, k8s?.end)).toBe('k8s');
  });

  it('matches "Go" only as a language, not as the English word', () => {
    expect(names('Languages: Python, Go, TypeScript')).toEqual(['Python', 'Go', 'TypeScript']);
    expect(names('Backend services in Python or Go.')).toContain('Go');
    expect(names('written in Go')).toContain('Go');
    expect(names('Go developer with 5 years')).toContain('Go');
    expect(names("Let's go to the park and go home")).toEqual([]);
    expect(names('Go to market quickly. Go-to-market strategy.')).toEqual([]);
  });

  it('matches "R" and "C" only in a list or language context', () => {
    expect(names('Our R&D team')).toEqual([]);
    expect(names('Chemistry (C), Physics (B)')).toEqual([]);
    expect(names('Skills: Python, R, SQL')).toEqual(['Python', 'R', 'SQL']);
    expect(names('Firmware in C/C++')).toEqual(['C', 'C++']);
  });

  it('respects word boundaries and symbols', () => {
    expect(names('JavaScript')).toEqual(['JavaScript']); // not also "Java"
    expect(names('C++ and C#')).toEqual(['C++', 'C#']); // not "C"
    expect(names('ASP.NET MVC')).toEqual(['.NET']);
    expect(names('Node.js-based services')).toEqual(['Node.js']);
    expect(names('mail sam@rust.dev')).toEqual([]);
    expect(names('Javascripting, Pythonic, Reactive')).toEqual([]);
  });

  it('treats English words that are also product names case-sensitively', () => {
    expect(names('I react quickly and express interest; the rest of the team')).toEqual([]);
    expect(names('Built the UI in React with an Express API over REST')).toEqual(['React', 'Express', 'REST APIs']);
  });

  it('prefers the longest alias and never reports overlapping matches', () => {
    expect(names('Spring Boot services')).toEqual(['Spring']);
    expect(names('event-driven architecture on Apache Kafka')).toEqual(['event-driven architecture', 'Kafka']);
    expect(names('Lean Six Sigma black belt')).toEqual(['Six Sigma']);
  });
});
