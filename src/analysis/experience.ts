/**
 * Years of experience that count toward a target job. A role counts in full when it is the
 * same kind of work (the same job family by title, e.g. two developer roles, or a title and
 * skills that overlap the target's), at half when it is adjacent (teacher → learning
 * designer, SDR → account executive's neighbour customer success, or one that shares several
 * of the job's skills), and not at all when it is another field (four years in retail before
 * a first developer job). Education never counts. A career changer — no years in the same
 * family — is never "senior" in the new field.
 */
import { totalYears, type CvRole } from './cv-roles.js';
import type { CvProfile } from './cv-analysis.js';

const FAMILIES: readonly (readonly [string, RegExp])[] = [
  ['software', /\b(?:developer|engineer|programmer|devops|sre|software|architect|web designer)\b/i],
  ['data', /\b(?:data scientist|data analyst|data engineer|analytics|statistician|machine learning|ml engineer|bi analyst)\b/i],
  ['nursing', /\b(?:nurse|nursing|midwife|matron|sister|charge nurse|practitioner)\b/i],
  ['care', /\b(?:healthcare assistant|care assistant|carer|support worker|hca)\b/i],
  ['teaching', /\b(?:teacher|teaching|lecturer|tutor|head of (?:year|department)|instructor)\b/i],
  ['learning', /\b(?:instructional designer|learning (?:designer|experience|and development)|e-?learning|training (?:designer|manager|specialist)|trainer|l&d)\b/i],
  ['sales', /\b(?:account executive|sales|sdr|bdr|business development|account manager|ae)\b/i],
  ['success', /\b(?:customer success|customer support|support (?:agent|specialist)|account coordinator)\b/i],
  ['product', /\b(?:product manager|product owner|product lead)\b/i],
  ['design', /\b(?:ux|ui|product designer|interaction designer|user researcher)\b/i],
  ['marketing', /\b(?:marketing|seo|content (?:manager|writer)|brand|growth)\b/i],
  ['finance', /\b(?:accountant|accounting|finance|financial|auditor|controller|bookkeeper|payroll)\b/i],
  ['projects', /\b(?:project manager|programme manager|delivery manager|scrum master|pmo)\b/i],
  ['retail', /\b(?:retail|cashier|shop|store|barista|sales assistant|waiter|waitress|bartender|hospitality|warehouse)\b/i],
];

/** Families whose experience carries over to each other in part. */
const ADJACENT: ReadonlySet<string> = new Set([
  'teaching|learning', 'sales|success', 'data|software', 'nursing|care', 'product|design', 'product|projects', 'marketing|sales',
]);

/** The job families a title belongs to (a title can name two: "Sales Engineer"). */
function familiesOf(title: string): Set<string> {
  const out = new Set<string>();
  for (const [family, re] of FAMILIES) if (re.test(title)) out.add(family);
  return out;
}

type Relation = 'same' | 'adjacent' | 'unrelated' | 'unknown';

/** How a CV role relates to the target job, by title family and by the job skills its lines show. */
function relationOf(roleTitle: string, roleSkills: ReadonlySet<string>, target: ReadonlySet<string>, jobSkills: ReadonlySet<string>): Relation {
  const mine = familiesOf(roleTitle);
  const shared = [...roleSkills].filter((s) => jobSkills.has(s)).length;
  if (mine.size === 0 || target.size === 0) return shared >= 2 || mine.size === 0 ? 'unknown' : 'unrelated';
  if ([...mine].some((f) => target.has(f))) return 'same';
  const adjacent = [...mine].some((f) => [...target].some((t) => ADJACENT.has(`${f}|${t}`) || ADJACENT.has(`${t}|${f}`)));
  if (adjacent || shared >= 2) return 'adjacent';
  return 'unrelated';
}

export interface RelevantExperience {
  /** Years that count toward the target job (same-family years in full, adjacent at half). */
  years: number;
  /** Years in the same kind of work (or of unknown kind), in full. */
  sameYears: number;
  /** Years of adjacent work before halving. */
  adjacentYears: number;
  /** Years in other fields, not counted. */
  otherYears: number;
}

const span = (roles: readonly CvRole[]) => (roles.length ? totalYears(roles) : 0);

/** The CV's experience that counts toward a job with this title and these skills. */
export function relevantExperience(cv: CvProfile, jobTitle: string, jobSkills: ReadonlySet<string>): RelevantExperience {
  const target = familiesOf(jobTitle);
  const byRelation: Record<Relation, CvRole[]> = { same: [], adjacent: [], unrelated: [], unknown: [] };
  cv.roles.forEach((role, index) => {
    const skills = new Set(cv.lines.filter((l) => l.role === index).flatMap((l) => l.skills.map((m) => m.skill.name)));
    byRelation[relationOf(role.title, skills, target, jobSkills)].push(role);
  });
  const sameYears = span([...byRelation.same, ...byRelation.unknown]);
  const adjacentYears = span(byRelation.adjacent);
  const otherYears = span(byRelation.unrelated);
  return { years: Math.round((sameYears + adjacentYears / 2) * 10) / 10, sameYears, adjacentYears, otherYears };
}
