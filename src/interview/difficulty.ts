/**
 * The level an interview starts at. The create form offers junior, mid, senior, or "auto":
 * match the CV, inferred from the years of experience the offline CV analysis reads from its
 * dated roles (overlaps merged) or, failing that, a stated "N years of experience".
 *
 * Thresholds (years of experience → level), chosen to match how job adverts usually band roles:
 *   under 3 years        → junior
 *   3 up to (not incl.) 8 → mid
 *   8 years or more      → senior
 */
import { analyseCv } from '../analysis/cv-analysis.js';
import { relevantExperience } from '../analysis/experience.js';
import { analyseJob } from '../analysis/job-analysis.js';
import type { DifficultyChoice, Level } from './definitions.js';

const MID_FROM_YEARS = 3;
const SENIOR_FROM_YEARS = 8;

/** The level that fits `cvYears` years of experience (see the thresholds above). */
export function inferLevel(cvYears: number): Level {
  if (!Number.isFinite(cvYears) || cvYears < MID_FROM_YEARS) return 'junior';
  return cvYears < SENIOR_FROM_YEARS ? 'mid' : 'senior';
}

export interface StartingLevel {
  level: Level;
  /** Completes "The interview starts at the mid level, …": lower-case, no full stop. */
  reason: string;
}

/** Rounds to a whole number of years, but never says "about 0 years" of a CV with some. */
const aboutYears = (years: number) => {
  const n = Math.max(1, Math.round(years));
  return `about ${n} year${n === 1 ? '' : 's'}`;
};

/** The job the interview is for: years count only from experience related to it. */
export interface TargetJob {
  jobTitle: string;
  jobDescription: string;
}

/**
 * The level the first question is asked at. An explicit choice wins. "auto" reads the CV; a
 * CV with no dates and no stated years (or no CV yet) starts at mid, the level that can move
 * either way after the first answer. With the target job known, only related experience
 * counts (relevantExperience): earlier careers in other fields do not make a junior "mid",
 * and someone changing career is never "senior" in the new field.
 */
export function startingLevel(choice: DifficultyChoice | string | null | undefined, cvText: string | null | undefined, target?: TargetJob | null): StartingLevel {
  if (choice === 'junior' || choice === 'mid' || choice === 'senior') return { level: choice, reason: 'as you chose' };
  const text = (cvText ?? '').trim();
  if (!text) return { level: 'mid', reason: 'for now: once your CV is added, it is inferred from your years of experience' };
  const cv = analyseCv(text);
  const years = cv.totalYears;
  if (years <= 0) return { level: 'mid', reason: 'because no years of experience could be read from your CV' };
  if (!target?.jobTitle.trim() || cv.roles.length === 0) return { level: inferLevel(years), reason: `inferred from ${aboutYears(years)} of experience in your CV` };
  const jobSkills = new Set(analyseJob(target.jobDescription).skills.map((s) => s.name));
  const relevant = relevantExperience(cv, target.jobTitle, jobSkills);
  const changer = relevant.sameYears === 0;
  let level = inferLevel(relevant.years);
  if (changer && level === 'senior') level = 'mid';
  const notes = [
    relevant.adjacentYears > 0 ? `${aboutYears(relevant.adjacentYears)} in related work, counted at half` : '',
    relevant.otherYears > 0 ? `${aboutYears(relevant.otherYears)} in other fields not counted` : '',
  ].filter(Boolean);
  const counted = relevant.years > 0 ? `${aboutYears(relevant.years)} of experience related to this role` : 'no experience yet in this kind of role';
  return { level, reason: `inferred from ${counted} in your CV${notes.length ? ` (${notes.join('; ')})` : ''}${changer && relevant.adjacentYears > 0 ? ', as a move into a new field' : ''}` };
}

