/**
 * A compact way to write bank entries: the data files list question text and key points per
 * level, and `entries` assigns the stable ids ("conflict-mid-03") in the order written. Never
 * reorder or delete a written entry — ids are stored on messages — append instead.
 */
import type { CompetencyId, Level } from '../interview/definitions.js';
import type { BankEntry, BankKind } from './types.js';

/** One entry as written: the question, its key points and optional overrides. */
type Row = readonly [text: string, keyPoints: readonly string[], options?: { kind?: BankKind; tags?: readonly string[] }];

export interface EntryGroup {
  competency: CompetencyId;
  /** The default kind of the group's entries. */
  kind: BankKind;
  /** Id prefix; defaults to the competency id with "_" written as "-". */
  prefix?: string;
  /** Tags every entry of the group gets (role-specific groups). */
  tags?: readonly string[];
  junior?: readonly Row[];
  mid?: readonly Row[];
  senior?: readonly Row[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Expands a group into entries with ids `<prefix>-<level>-<nn>`, numbered from 01 per level. */
export function entries(group: EntryGroup): BankEntry[] {
  const prefix = group.prefix ?? group.competency.replace(/_/g, '-');
  const out: BankEntry[] = [];
  for (const level of ['junior', 'mid', 'senior'] as const satisfies readonly Level[]) {
    (group[level] ?? []).forEach(([text, keyPoints, options], i) => {
      const tags = [...(group.tags ?? []), ...(options?.tags ?? [])];
      out.push({
        id: `${prefix}-${level}-${pad(i + 1)}`,
        competency: group.competency,
        level,
        kind: options?.kind ?? group.kind,
        text,
        keyPoints: [...keyPoints],
        ...(tags.length > 0 ? { tags } : {}),
      });
    });
  }
  return out;
}
