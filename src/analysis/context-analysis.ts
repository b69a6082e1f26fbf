/**
 * Everything the offline interviewer derives from an interview's context, computed once per
 * distinct context and memoised: the answer endpoint calls evaluateAnswer on every answer and
 * must not re-read the CV and job description each time.
 */
import type { InterviewContext } from '../interview/definitions.js';
import type { InterviewType } from '../interview/definitions.js';
import { analyseCv, DEFAULT_REFERENCE_YEAR, type CvProfile } from './cv-analysis.js';
import { analyseJob, isNeed, type JobProfile } from './job-analysis.js';
import { compareCvToJob, type Overlap } from './overlap.js';
import { hashText, TextCache } from '../text/index.js';
import { contentKeys, readText } from '../text/index.js';

/** The comparison keys of a text's nouns (names of things, places, groups): read from its one parse. */
function nounKeys(text: string): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const t of readText(text).tokens) if ((t.pos === 'NOUN' || t.pos === 'PROPN') && !t.stop && t.type === 'word') keys.add(t.key);
  return keys;
}

/** The analysed CV, job and their overlap, plus what questions need to name. */
export interface ContextAnalysis {
  job: JobProfile;
  cv: CvProfile;
  overlap: Overlap;
  /** The job title to use in questions (the form's title, else the job description's). */
  role: string;
  /** The company name, or '' when unknown. */
  company: string;
  /** Stems of the job description's meaningful words, for relevance checks. */
  jobVocabulary: ReadonlySet<string>;
  /**
   * Stems of the CV's nouns: the candidate's own setting ("my Year 9 group", "the stroke ward").
   * An answer that names things of it is about the candidate's work, whatever the skill lexicon knows.
   */
  cvVocabulary: ReadonlySet<string>;
  interviewType: InterviewType;
  /** Deterministic seed for wording variety, derived from the whole context. */
  seed: number;
}

const cache = new TextCache<ContextAnalysis>(64, 4_000_000);

/** The last analysis of each context object, with the field values it was computed from. */
const byObject = new WeakMap<InterviewContext, { fields: readonly unknown[]; analysis: ContextAnalysis }>();

/**
 * Analyses an interview context (memoised by content). Every evaluateAnswer call asks for it;
 * the same context object asked again is answered without building the content key (a CV and a
 * job description joined: kilobytes per call), as long as none of its fields has changed.
 */
export function analyseContext(context: InterviewContext, referenceYear = DEFAULT_REFERENCE_YEAR): ContextAnalysis {
  const fields = [referenceYear, context.interviewType, context.jobTitle, context.companyName, context.jobDescription, context.cvText] as const;
  const known = byObject.get(context);
  if (known && known.fields.every((v, i) => v === fields[i])) return known.analysis;
  const analysis = analyseByContent(fields.join('\u0000'), context, referenceYear);
  byObject.set(context, { fields, analysis });
  return analysis;
}

function analyseByContent(key: string, context: InterviewContext, referenceYear: number): ContextAnalysis {
  return cache.get(key, () => {
    const job = analyseJob(context.jobDescription);
    const cv = analyseCv(context.cvText, referenceYear);
    const relevantText = job.lines
      .filter((l) => isNeed(l) || l.kind === 'nice')
      .map((l) => l.text)
      .join(' ');
    return {
      job,
      cv,
      overlap: compareCvToJob(cv, job),
      role: context.jobTitle.trim() || job.title,
      company: context.companyName.trim(),
      jobVocabulary: contentKeys(`${context.jobTitle} ${context.companyName} ${relevantText}`),
      cvVocabulary: nounKeys(context.cvText),
      interviewType: context.interviewType,
      seed: hashText(key),
    };
  });
}
