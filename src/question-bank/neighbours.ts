/**
 * The bank as labelled examples: which competencies a question is most similar to, by
 * IDF-weighted word overlap with each entry's question and key points. The classifier uses it
 * when its keywords find nothing or tie, so a remote model's question that shares no keyword
 * with the lists but reads like a bank question still lands in the right competency.
 */
import type { CompetencyId } from '../interview/definitions.js';
import { QUESTION_BANK } from './bank.js';
import type { BankEntry } from './types.js';
import { contentStems } from './words.js';

/** Words every question uses; they say nothing about the competency. */
const GENERIC = new Set(['situation', 'result', 'happen', 'example', 'specific', 'real', 'did', 'decid', 'approach', 'handl', 'go', 'deal']);

const MIN_SHARED = 2;

interface Doc {
  entry: BankEntry;
  words: Set<string>;
  norm: number;
}

function build(): { docs: Doc[]; idf: Map<string, number> } {
  const raw = QUESTION_BANK.map((entry) => ({ entry, words: contentStems(`${entry.text} ${entry.keyPoints.join(' ')}`.replace(/\{\w+\}/g, ' ')) }));
  const df = new Map<string, number>();
  for (const { words } of raw) for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = new Map([...df].map(([w, n]) => [w, GENERIC.has(w) ? 0 : Math.log((raw.length + 1) / n)] as const));
  const docs = raw.map(({ entry, words }) => ({
    entry,
    words,
    norm: Math.sqrt([...words].reduce((s, w) => s + (idf.get(w) ?? 0) ** 2, 0)) || 1,
  }));
  return { docs, idf };
}

let index: ReturnType<typeof build> | undefined;

/**
 * For each competency, the cosine similarity (IDF-weighted, binary words) between the text and
 * its most similar bank entry. `excludeId` leaves one entry out (for leave-one-out checks).
 */
export function neighbourScores(text: string, excludeId?: string): Map<CompetencyId, number> {
  index ??= build();
  const { docs, idf } = index;
  const words = [...contentStems(text)].filter((w) => (idf.get(w) ?? 0) > 0);
  const qNorm = Math.sqrt(words.reduce((s, w) => s + (idf.get(w) ?? 0) ** 2, 0));
  const out = new Map<CompetencyId, number>();
  if (qNorm === 0) return out;
  for (const doc of docs) {
    if (doc.entry.id === excludeId) continue;
    let dot = 0;
    let shared = 0;
    for (const w of words) {
      if (!doc.words.has(w)) continue;
      dot += (idf.get(w) ?? 0) ** 2;
      shared++;
    }
    // One shared word ("went") is coincidence, however rare the word is.
    if (shared < MIN_SHARED) continue;
    const sim = dot / (qNorm * doc.norm);
    if (sim > (out.get(doc.entry.competency) ?? 0)) out.set(doc.entry.competency, sim);
  }
  return out;
}
