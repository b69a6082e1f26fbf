/**
 * The interview's vocabulary, in one place: how many main questions, the interview types, the
 * kinds of question, the levels, and the competencies progress is tracked by. Everything else
 * (the shape table, the planners, the prompts, the schemas sent to models, the database
 * columns) reads these lists. Ids are stored in the database and sent to models: add, never
 * rename; labels are for people.
 */

/** Number of main questions in every interview. Follow-ups do not count toward it. */
export const MAIN_QUESTION_COUNT = 8;

export const INTERVIEW_TYPES = ['behavioral', 'technical', 'mixed'] as const;
export type InterviewType = (typeof INTERVIEW_TYPES)[number];

export const isInterviewType = (value: unknown): value is InterviewType => typeof value === 'string' && INTERVIEW_TYPES.some((t) => t === value);

/** What sort of question a message is; the first seven fill slots of the shape (shape.ts). */
export const QUESTION_KINDS = ['opener', 'behavioral', 'skill', 'gap', 'technical', 'motivation', 'closing', 'follow_up'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
/** The kinds a slot of the interview's shape can have (a follow-up belongs to no slot). */
export type SlotKind = Exclude<QuestionKind, 'follow_up'>;

export const LEVELS = ['junior', 'mid', 'senior'] as const;
export type Level = (typeof LEVELS)[number];

/** What the create form offers: a level, or "infer it from the CV's years of experience". */
export const DIFFICULTY_CHOICES = ['auto', ...LEVELS] as const;
export type DifficultyChoice = (typeof DIFFICULTY_CHOICES)[number];

export const isDifficultyChoice = (value: unknown): value is DifficultyChoice => typeof value === 'string' && DIFFICULTY_CHOICES.some((d) => d === value);

/**
 * The competencies mastery is tracked by. Every question (bank entry or planned question) maps
 * to exactly one of them. `offlineThemes`: the offline interviewer's behavioural themes
 * (src/analysis/competencies.ts, by name) that count toward it — the join is this data, so a
 * theme can't be left out of a hand-written map (tests/unit/interview/definitions.test.ts).
 */
export const COMPETENCIES = [
  { id: 'self_presentation', label: 'Self-presentation', offlineThemes: [] },
  { id: 'motivation', label: 'Motivation and fit', offlineThemes: [] },
  { id: 'teamwork', label: 'Teamwork and collaboration', offlineThemes: ['collaboration'] },
  { id: 'conflict', label: 'Conflict resolution', offlineThemes: ['conflict resolution'] },
  { id: 'leadership', label: 'Leadership and influence', offlineThemes: ['leadership', 'mentoring'] },
  { id: 'ownership', label: 'Ownership and accountability', offlineThemes: ['ownership'] },
  { id: 'failure', label: 'Learning from failure', offlineThemes: [] },
  { id: 'prioritisation', label: 'Prioritisation', offlineThemes: ['prioritisation'] },
  { id: 'communication', label: 'Communication', offlineThemes: ['communication'] },
  { id: 'stakeholders', label: 'Stakeholder management', offlineThemes: ['stakeholder management'] },
  { id: 'adaptability', label: 'Adaptability and learning', offlineThemes: ['adaptability'] },
  { id: 'customer_focus', label: 'Customer and user focus', offlineThemes: ['customer focus'] },
  { id: 'problem_solving', label: 'Problem solving', offlineThemes: ['problem solving'] },
  { id: 'system_design', label: 'System design', offlineThemes: [] },
  { id: 'debugging', label: 'Debugging and troubleshooting', offlineThemes: [] },
  { id: 'testing', label: 'Testing and quality assurance', offlineThemes: [] },
  { id: 'data', label: 'Working with data', offlineThemes: ['data-driven decisions'] },
  { id: 'security', label: 'Security', offlineThemes: [] },
  { id: 'operations', label: 'Operations and reliability', offlineThemes: ['incident response'] },
  { id: 'code_quality', label: 'Code quality and attention to detail', offlineThemes: ['attention to detail'] },
  { id: 'role_skills', label: 'Role-specific skills', offlineThemes: [] },
] as const satisfies readonly { id: string; label: string; offlineThemes: readonly string[] }[];

export type CompetencyId = (typeof COMPETENCIES)[number]['id'];

export const COMPETENCY_IDS: readonly CompetencyId[] = COMPETENCIES.map((c) => c.id);

export const isCompetencyId = (value: unknown): value is CompetencyId => typeof value === 'string' && COMPETENCY_IDS.some((id) => id === value);

const LABELS = new Map<CompetencyId, string>(COMPETENCIES.map((c) => [c.id, c.label]));

/** The human label of a competency, e.g. "Conflict resolution". */
export function competencyLabel(id: CompetencyId): string {
  return LABELS.get(id) ?? id;
}

const BY_THEME = new Map<string, CompetencyId>(COMPETENCIES.flatMap((c) => c.offlineThemes.map((theme): [string, CompetencyId] => [theme, c.id])));

/** The competency an offline behavioural theme counts toward, or undefined for an unknown name. */
export function competencyOfOfflineTheme(name: string): CompetencyId | undefined {
  return BY_THEME.get(name.trim().toLowerCase());
}

/** What the interviewer knows about the candidate and the role. */
export interface InterviewContext {
  jobTitle: string;
  companyName: string;
  jobDescription: string;
  cvText: string;
  interviewType: InterviewType;
}

/** A question in the interviewer's terms: its words, its kind and what it probes. */
export interface QuestionText {
  text: string;
  kind: QuestionKind;
  focus: string;
}

/** One main question already asked, with what happened to it (used to avoid repeats and to adapt). */
export interface AskedQuestion extends QuestionText {
  questionNumber: number;
  answer?: string;
  score?: number;
  /** The question-bank entry it came from, so the planner does not reuse it. */
  bankId?: string | null;
  /** The level it was asked at. */
  level?: Level;
}
