/**
 * Compares a CV with a job description: skills both show (interview deep dives), what the job
 * asks for that the CV does not show (gap probes and CV tips), skills only the CV has, skills
 * written under a different name, and a shortfall in years of experience.
 */
import { evidenceRank, relatedEvidence, type CvProfile, type CvSkill } from './cv-analysis.js';
import type { JobProfile, JobSkill } from './job-analysis.js';
import { CREDENTIALS } from './skill-lexicon.js';

/** A skill both the job and the CV name. */
export interface SharedSkill {
  job: JobSkill;
  cv: CvSkill;
  /** True when the CV shows it only through related evidence, not by name. */
  related?: boolean;
}

/** A skill the job names that the CV does not show. */
export interface SkillGap {
  skill: JobSkill;
  /** A CV skill in the same category, the "closest thing" the candidate can talk about. */
  related: CvSkill | null;
}

/** A shared skill the CV names differently from the job ("k8s" vs "Kubernetes"). */
interface AliasMismatch {
  skill: string;
  jobAlias: string;
  cvAlias: string;
  evidence: string;
}

/** How a CV lines up against a job description. */
export interface Overlap {
  shared: SharedSkill[];
  /** Required (or responsibility-level) skills missing from the CV, one per job line. */
  gaps: SkillGap[];
  niceGaps: SkillGap[];
  cvOnly: CvSkill[];
  aliasMismatches: AliasMismatch[];
  yearsGap: { required: number; actual: number; evidence: string } | null;
}

/** Builds the overlap between a CV and a job description. */
export function compareCvToJob(cv: CvProfile, job: JobProfile): Overlap {
  const cvByName = new Map(cv.skills.map((s) => [s.name, s] as const));
  const jobNames = new Set(job.skills.map((s) => s.name));

  // "Python or Go" is satisfied by either: a missing alternative of the same kind is no gap.
  const satisfiedAlternative = (skill: JobSkill) =>
    job.lines.some(
      (l) =>
        /\bor\b|\//.test(l.text) &&
        l.skills.some((m) => m.skill.name === skill.name) &&
        l.skills.some((m) => m.skill.name !== skill.name && m.skill.category === skill.category && cvByName.has(m.skill.name)),
    );
  // A missing certificate is best compared with a certificate the candidate does hold.
  // Among those, one sharing a word wins ("Basic Life Support" for "Advanced Life Support"),
  // then the one the CV shows best (a quantified achievement beats a skills-list entry).
  const related = (skill: JobSkill) => {
    const words = new Set(skill.name.toLowerCase().split(/\s+/));
    const score = (s: CvSkill) => (s.name.toLowerCase().split(/\s+/).some((w) => words.has(w)) ? 10 : 0) + evidenceRank(s.evidence);
    const near = cv.skills.filter((s) => s.category === skill.category && CREDENTIALS.has(s.name) === CREDENTIALS.has(skill.name));
    return near.sort((x, y) => score(y) - score(x))[0] ?? null;
  };

  // Named products and certificates ("Kafka", "Advanced Life Support") before generic practices
  // ("data modelling"): they are what screeners search for. Then job order, then order within
  // the line, so in "Kafka or similar event-streaming platforms" the gap is Kafka.
  const generic = (s: JobSkill) => (/^[a-z]/.test(s.name) ? 1 : 0);
  const position = (s: JobSkill) => {
    const line = job.lines.findIndex((l) => l.text === s.evidence);
    return line * 1000 + (job.lines[line]?.skills.find((m) => m.skill.name === s.name)?.index ?? 0);
  };
  const rank = { required: 0, mentioned: 1, nice: 2 } as const;
  // Shown without being named ("booked 312 meetings" for lead generation): not a gap, an invitation.
  const relatedShown: SharedSkill[] = job.skills.flatMap((s) => {
    if (cvByName.has(s.name)) return [];
    const line = relatedEvidence(cv, s.name);
    return line ? [{ job: s, cv: { name: s.name, category: s.category, aliases: [], evidence: line }, related: true }] : [];
  });
  const relatedNames = new Set(relatedShown.map((r) => r.job.name));
  const missing = job.skills
    .filter((s) => !cvByName.has(s.name) && !relatedNames.has(s.name) && !satisfiedAlternative(s))
    .sort((a, b) => rank[a.importance] - rank[b.importance] || generic(a) - generic(b) || position(a) - position(b));
  const seenLines = new Set<string>();
  const onePerLine = (s: JobSkill) => {
    if (seenLines.has(s.evidence)) return false; // "Terraform or another IaC tool" is one gap, not two
    seenLines.add(s.evidence);
    return true;
  };
  const gaps = missing.filter((s) => s.importance !== 'nice').filter(onePerLine);
  const niceGaps = missing.filter((s) => s.importance === 'nice').filter(onePerLine);

  const shared: SharedSkill[] = [
    ...job.skills.flatMap((s) => {
      const mine = cvByName.get(s.name);
      return mine ? [{ job: s, cv: mine }] : [];
    }),
    ...relatedShown,
  ];

  // "code reviews" is the same wording as "code review"; "k8s" is not the same as "Kubernetes".
  const wording = (alias: string) => alias.toLowerCase().replace(/[\s-]+/g, ' ').replace(/s$/, '');
  const aliasMismatches = shared.filter((s) => !s.related).flatMap(({ job: j, cv: c }) => {
    const usesJobWording = c.aliases.some((a) => wording(a) === wording(j.alias));
    return wording(j.alias) === wording(j.name) && !usesJobWording
      ? [{ skill: j.name, jobAlias: j.alias, cvAlias: c.aliases[0] ?? j.name, evidence: j.evidence }]
      : [];
  });

  const yearsGap =
    job.yearsRequired !== null && cv.totalYears > 0 && cv.totalYears + 0.5 < job.yearsRequired
      ? { required: job.yearsRequired, actual: cv.totalYears, evidence: job.yearsEvidence }
      : null;

  return {
    shared,
    gaps: gaps.map((skill) => ({ skill, related: related(skill) })),
    niceGaps: niceGaps.map((skill) => ({ skill, related: related(skill) })),
    cvOnly: cv.skills.filter((s) => !jobNames.has(s.name)),
    aliasMismatches,
    yearsGap,
  };
}
