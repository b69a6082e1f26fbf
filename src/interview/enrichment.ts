/**
 * What is stored with a planned question besides its text: the level it was asked at, the
 * competency it probes, the question-bank entry it came from and the key points a strong
 * answer covers (answer coverage is measured against them).
 *
 * The offline interviewer always names its bank entry and key points. A remote model may
 * name the example it adapted (bankId) and write key points; when it writes none, they come
 * from the entry it cites or, failing that, from the closest bank entry: same competency
 * (classified from the question's text and focus), same kind of question, at the level.
 */
import type { QuestionText } from './definitions.js';
import type { CompetencyId, Level } from './definitions.js';
import { bankEntry, classifyCompetency, isBankKind, pickEntries, type BankEntry } from '../question-bank/index.js';

export interface QuestionDetails {
  difficulty: Level;
  competency: CompetencyId;
  /** The bank entry the question (or, for a remote question, its key points) came from. */
  bankId: string | null;
  keyPoints: string[];
}

const usable = (points: readonly string[] | null | undefined): string[] =>
  (points ?? []).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 0).slice(0, 5);

/** The closest bank entry to a question no entry was cited for. */
function closestEntry(question: QuestionText, level: Level, competency: CompetencyId): BankEntry | undefined {
  const kinds = isBankKind(question.kind) ? [question.kind] : undefined;
  return pickEntries({ level, competency, kinds })[0] ?? pickEntries({ level, competency })[0];
}

export function questionDetails(question: QuestionText & { bankId?: string | null | undefined; keyPoints?: readonly string[] | null | undefined }, level: Level): QuestionDetails {
  const cited = question.bankId ? bankEntry(question.bankId) : undefined;
  const competency = cited?.competency ?? classifyCompetency(question.text, question.focus);
  const own = usable(question.keyPoints);
  if (own.length >= 2) return { difficulty: level, competency, bankId: cited?.id ?? null, keyPoints: own };
  const source = cited ?? closestEntry(question, level, competency);
  return { difficulty: level, competency, bankId: source?.id ?? null, keyPoints: usable(source?.keyPoints) };
}
