import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_REQUIREMENTS,
  parseRequirements,
  requirementCoverage,
  requirementForTip,
  requirementSkills,
  uncoveredRequirements,
} from '../../../src/intelligence/requirements.js';
import type { RequirementCoverage } from '../../../src/intelligence/types.js';
import { BACKEND_JOB, KEYWORD_STUFFING, NURSE_CV, NURSE_JOB, SOFTWARE_CV, STRONG_ANSWERS } from '../offline/samples.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const JOB = fs.readFileSync(path.join(FIXTURES, 'job-backend-engineer.txt'), 'utf8');
const CV = fs.readFileSync(path.join(FIXTURES, 'cv-alex-morgan.txt'), 'utf8');

const byId = (map: RequirementCoverage[], id: string) => {
  const found = map.find((r) => r.id === id);
  if (!found) throw new Error(`no requirement ${id} in ${map.map((r) => r.id).join(', ')}`);
  return found;
};

describe('parseRequirements', () => {
  it('reads one readable entry per requirement line, requirements first, then responsibilities; never nice-to-haves, pay or logistics', () => {
    const reqs = parseRequirements(JOB);
    expect(reqs.length).toBeGreaterThanOrEqual(7);
    expect(reqs.length).toBeLessThanOrEqual(MAX_REQUIREMENTS);
    expect(reqs.map((r) => r.id).slice(0, 6)).toEqual(['typescript', 'postgresql', 'aws', 'kafka', 'terraform', 'on-call-rotation']);
    expect(reqs[3]!.requirement).toBe('Hands-on experience with Kafka or a similar event-streaming platform');
    // Benefits and how-to-apply lines are never requirements.
    expect(reqs.some((r) => /holiday|pension|CV/i.test(r.requirement))).toBe(false);
    // Only requirements and responsibilities (issue 12): the nice-to-haves (FHIR, Go or Rust) and
    // the salary and location line stay out.
    expect(reqs.every((r) => r.importance === 'required')).toBe(true);
    expect(reqs.some((r) => /FHIR|Rust|£75,000|remote/i.test(r.requirement))).toBe(false);
    // Ids are unique anchors.
    expect(new Set(reqs.map((r) => r.id)).size).toBe(reqs.length);
    for (const r of reqs) expect(r.id).toMatch(/^[a-z0-9-]+$/);
  });

  it('skips responsibilities that only repeat a requirement ("Evolve our … Kafka")', () => {
    const reqs = parseRequirements(JOB);
    expect(reqs.filter((r) => r.skills.includes('Kafka'))).toHaveLength(1);
    expect(reqs.some((r) => r.requirement.startsWith('Evolve our event-driven'))).toBe(false);
  });

  it('gives a requirement one entry, so one status, when a responsibility restates it in more words', () => {
    const reqs = parseRequirements(JOB);
    // "Take part in the on-call rotation (one week in six, paid) and lead incident reviews" restates
    // "Willingness to join the on-call rotation": one entry, whatever the answers show.
    expect(reqs.filter((r) => /on-call/i.test(r.requirement)).map((r) => r.requirement)).toEqual(['Willingness to join the on-call rotation']);
    const map = requirementCoverage({
      jobDescription: JOB,
      cvText: CV,
      answers: [{ questionNumber: 2, text: 'I was on call the night our payments API failed, and I joined the on-call rotation when it started.' }],
    });
    expect(map.filter((r) => /on-call/i.test(r.requirement)).map((r) => r.status)).toEqual(['demonstrated']);
  });

  it('caps long job descriptions', () => {
    const long = `Requirements\n${Array.from({ length: 40 }, (_, i) => `- Experience with ${['Kafka', 'Terraform', 'Redis', 'Python', 'Go', 'Rust', 'Docker', 'AWS', 'GCP', 'Azure'][i % 10]} in project ${i}.`).join('\n')}`;
    expect(parseRequirements(long).length).toBeLessThanOrEqual(MAX_REQUIREMENTS);
  });
});

describe('requirementCoverage', () => {
  it('marks requirements demonstrated (exact quote + question), CV only (CV line) or missing', () => {
    const map = requirementCoverage({
      jobDescription: BACKEND_JOB,
      cvText: SOFTWARE_CV,
      answers: [
        { questionNumber: 1, text: STRONG_ANSWERS.latency },
        { questionNumber: 2, text: STRONG_ANSWERS.incident },
      ],
    });
    // "Python or Go": the latency answer rewrote a step in Go.
    const python = byId(map, 'python');
    expect(python.status).toBe('demonstrated');
    expect(python.questionNumber).toBe(1);
    expect(STRONG_ANSWERS.latency).toContain(python.quote!);
    expect(python.quote).toMatch(/\bGo\b/);
    expect(python.cvEvidence).toMatch(/Python/);

    // On call and incident response, shown across the incident answer (no skill named).
    const onCall = byId(map, 'own-services-end-end');
    expect(onCall.status).toBe('demonstrated');
    expect(onCall.questionNumber).toBe(2);
    expect(STRONG_ANSWERS.incident).toContain(onCall.quote!);

    // Kubernetes is on the CV (as "k8s") but no answer talked about it.
    const k8s = byId(map, 'kubernetes');
    expect(k8s.status).toBe('cv_only');
    expect(k8s.cvEvidence).toMatch(/k8s/);
    expect(k8s.quote).toBeUndefined();

    // Kafka: neither the CV nor an answer.
    const kafka = byId(map, 'kafka');
    expect(kafka.status).toBe('missing');
    expect([kafka.quote, kafka.cvEvidence, kafka.questionNumber]).toEqual([undefined, undefined, undefined]);
  });

  it('does not count a bare list of keywords or a denial as a demonstration', () => {
    const answers = [
      { questionNumber: 1, text: KEYWORD_STUFFING },
      { questionNumber: 2, text: 'I have never used Kafka in production, to be honest, only read about it.' },
    ];
    const map = requirementCoverage({ jobDescription: BACKEND_JOB, cvText: '', answers });
    expect(map.filter((r) => r.status === 'demonstrated')).toEqual([]);
    expect(byId(map, 'kafka').status).toBe('missing');
  });

  it('recognises a skill under another name (k8s) and keeps the earliest of equal quotes', () => {
    const text = 'At my last job I moved our services onto k8s clusters in AWS and I wrote the Helm charts myself.';
    const map = requirementCoverage({
      jobDescription: BACKEND_JOB,
      cvText: '',
      answers: [
        { questionNumber: 3, text },
        { questionNumber: 5, text },
      ],
    });
    expect(byId(map, 'kubernetes')).toMatchObject({ status: 'demonstrated', questionNumber: 3, quote: text });
  });

  it('ignores answers scored below 4/10 when scores are given, like the CV tips do', () => {
    const text = 'At my last job I moved our services onto k8s clusters in AWS and I wrote the Helm charts myself.';
    const map = (score: number) =>
      requirementCoverage({ jobDescription: BACKEND_JOB, cvText: '', answers: [{ questionNumber: 1, text, score }, { questionNumber: 2, text, score: 7 }] });
    expect(byId(map(3), 'kubernetes')).toMatchObject({ status: 'demonstrated', questionNumber: 2 });
    expect(byId(map(4), 'kubernetes')).toMatchObject({ status: 'demonstrated', questionNumber: 1 });
  });

  it('works for a job outside software (nursing)', () => {
    const map = requirementCoverage({
      jobDescription: NURSE_JOB,
      cvText: NURSE_CV,
      answers: [{ questionNumber: 4, text: STRONG_ANSWERS.nurse }],
    });
    expect(byId(map, 'nmc-registration')).toMatchObject({ status: 'cv_only', cvEvidence: expect.stringContaining('NMC registration') });
    expect(byId(map, 'cannulation').status).toBe('missing');
    const shift = byId(map, 'lead-shift-nurse-charge');
    expect(shift.status).toBe('demonstrated');
    expect(STRONG_ANSWERS.nurse).toContain(shift.quote!);
  });

  it('is deterministic and every quote is an exact slice of an answer', () => {
    const input = {
      jobDescription: JOB,
      cvText: CV,
      answers: Object.values(STRONG_ANSWERS).map((text, i) => ({ questionNumber: i + 1, text })),
    };
    const a = requirementCoverage(input);
    expect(requirementCoverage(input)).toEqual(a);
    for (const r of a.filter((x) => x.status === 'demonstrated')) {
      expect(input.answers[r.questionNumber! - 1]!.text).toContain(r.quote!);
    }
  });

  it('is all missing (not an error) for an empty CV and no answers', () => {
    const map = requirementCoverage({ jobDescription: JOB, cvText: '', answers: [] });
    expect(map.length).toBeGreaterThan(0);
    expect(map.every((r) => r.status === 'missing')).toBe(true);
    expect(requirementCoverage({ jobDescription: '', cvText: CV, answers: [] })).toEqual([]);
  });
});

describe('uncoveredRequirements and tip links', () => {
  const map: RequirementCoverage[] = [
    { id: 'kafka', requirement: 'Hands-on experience with Kafka or a similar event-streaming platform', status: 'missing' },
    { id: 'aws', requirement: 'Experience with AWS and containerised deployments (Docker, Kubernetes)', status: 'demonstrated', quote: 'I ran it on AWS', questionNumber: 2 },
    { id: 'terraform', requirement: 'Experience with Terraform or another infrastructure-as-code tool', status: 'cv_only', cvEvidence: 'Terraform' },
  ];

  it('lists what no answer demonstrated, in map order', () => {
    expect(uncoveredRequirements(map)).toEqual([map[0]!.requirement, map[2]!.requirement]);
  });

  it('names the skills a requirement asks for', () => {
    expect(requirementSkills(map[1]!.requirement)).toEqual(['AWS', 'Docker', 'Kubernetes']);
  });

  it('links a CV tip to the requirement it is about, by its job line or by a skill the tip names', () => {
    const byLine = { tip: 'Add it to your CV.', evidence: 'Job description: "Hands-on experience with Kafka or a similar event-streaming platform."' };
    expect(requirementForTip(byLine, map)?.id).toBe('kafka');
    const bySkill = { tip: 'The job asks for Terraform, which your CV does not show.', evidence: '' };
    expect(requirementForTip(bySkill, map)?.id).toBe('terraform');
    // A tip that only quotes a CV bullet naming AWS is not about the AWS requirement.
    const unrelated = { tip: 'Add the outcome to this bullet.', evidence: 'Your CV: "Moved services to AWS."' };
    expect(requirementForTip(unrelated, map)).toBeUndefined();
  });
});
