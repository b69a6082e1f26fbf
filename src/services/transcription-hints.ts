/**
 * What a transcriber is told about an interview before it hears a word: the words the job is
 * likely to bring up, so "Kubernetes", "CRRT" or the company's name come out spelled right
 * instead of as sound-alikes, and the language when the CV and the job ad are both plainly in
 * one. Computed once per recording (at the socket's start), from text the candidate and the
 * job ad already gave; nothing else about the candidate goes to the transcriber.
 */
import { findSkills } from '../analysis/skill-matcher.js';
import { detectLanguage } from '../text/language.js';
import type { SessionRow } from '../repositories/sessions-repository.js';
import type { TranscriptionHints } from '../speech/index.js';

/** Enough terms to cover a job's vocabulary; remote prompts trim further (remote-transcriber.ts). */
const MAX_TERMS = 40;

/** All-caps words that are ordinary English, not terms ("OK", "I", "CV"). */
const NOT_TERMS = new Set([
  'I', 'A', 'OK', 'CV', 'US', 'UK', 'EU', 'AM', 'PM', 'IT', 'HR', 'FAQ', 'ETC', 'AND', 'OR', 'THE', 'TO', 'IN', 'OF', 'FOR', 'WE', 'YOU', 'ASAP',
  // Headings written in capitals.
  'ABOUT', 'ROLE', 'TEAM', 'WHO', 'WHAT', 'YOUR', 'OUR', 'WORK', 'PAY', 'NOTE', 'JOB', 'SKILL', 'PERKS', 'APPLY',
]);

/**
 * Acronyms ("CRRT", "ICU", "SQL"), names with inner capitals or digits ("PostgreSQL", "NEWS2",
 * "GraphQL") — the words a recogniser can't guess from sound — in order of first appearance.
 */
export function distinctiveTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(?:[A-Z][A-Z0-9&]{1,5}s?|[A-Za-z]+[a-z][A-Z][A-Za-z0-9]*|[A-Z][A-Za-z]+[0-9]+)(?![\p{L}\p{N}])/gu)) {
    const term = m[0];
    if (NOT_TERMS.has(term.toUpperCase()) || /^[A-Z]+S$/.test(term) && NOT_TERMS.has(term.slice(0, -1))) continue;
    out.push(term);
  }
  return out;
}

/**
 * The interview's language for transcription: the language the CV and the job ad are both
 * reliably written in ("en", "fr", …); otherwise none, and the recogniser detects the language
 * itself (a wrong language hint is worse than none: Whisper then translates).
 */
export function interviewLanguage(session: Pick<SessionRow, 'cvText' | 'jobDescription'>): string | null {
  if (!session.cvText) return null;
  const cv = detectLanguage(session.cvText);
  const job = detectLanguage(session.jobDescription);
  return cv.reliable && job.reliable && cv.code === job.code ? cv.code : null;
}

/** The hints for one interview: the job's skills first, then the job ad's distinctive terms, the company and the CV's skills. */
export function transcriptionHints(session: Pick<SessionRow, 'cvText' | 'jobDescription' | 'jobTitle' | 'companyName'>): TranscriptionHints {
  const job = `${session.jobTitle}\n${session.jobDescription}`;
  const cv = session.cvText ?? '';
  const terms = [
    ...findSkills(job).map((m) => m.skill.name),
    ...distinctiveTerms(job),
    session.companyName,
    // From the CV only known skills: its capitals are mostly headings and the candidate's name.
    ...findSkills(cv).map((m) => m.skill.name),
  ];
  const seen = new Set<string>();
  const vocabulary: string[] = [];
  for (const raw of terms) {
    const term = raw.trim();
    const key = term.toLowerCase();
    if (!term || seen.has(key)) continue;
    seen.add(key);
    vocabulary.push(term);
    if (vocabulary.length >= MAX_TERMS) break;
  }
  return { language: interviewLanguage(session), vocabulary };
}
