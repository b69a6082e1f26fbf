/**
 * The one rule for what a main question scored, shared by the feedback page, the progress
 * page and the offline summary so they never disagree: when the interviewer asked a
 * follow-up, the better of the two answers counts — the follow-up is aimed at exactly what
 * the first answer missed, and being asked one should not by itself pull a score down.
 */
export function questionScore(mainScore: number | null | undefined, followUpScore?: number | null): number | null {
  const scores = [mainScore, followUpScore].filter((s): s is number => typeof s === 'number' && Number.isFinite(s));
  return scores.length === 0 ? null : Math.max(...scores);
}
