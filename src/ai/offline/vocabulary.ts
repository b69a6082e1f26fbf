/**
 * Content-word extraction for relevance checks: which meaningful words an answer shares with
 * the question, the job description and everyday work language. A crude suffix stemmer is
 * enough here because both sides go through the same function.
 */

/** Function words and interview boilerplate that say nothing about the topic. */
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing done down during each either else even ever every few for from further get gets got had has have ' +
    'having he her here hers him his how i if in into is it its itself just let like made make many may me might more most much ' +
    'must my myself no nor not now of off often on once one only or other our ours out over own per quite rather really same she ' +
    'should so some such than that the their theirs them then there these they this those through thus to too under until up upon ' +
    'us very was we well were what when where which while who whom whose why will with within without would yes yet you your yours ' +
    'honestly actually basically literally maybe perhaps probably something anything everything nothing thing things stuff lot lots ' +
    'really pretty kind sort just okay ok fine good great nice bad think thought know knew say said tell told want wanted going go ' +
    'went come came take took give gave see saw look looked way ways time times day days week weeks year years today tomorrow ' +
    'yesterday always never sometimes usually question questions answer walk describe example give us me'
  ).split(/\s+/),
);

/**
 * Words that signal someone is talking about work at all. Used only to avoid calling a
 * genuine but jargon-free answer "off-topic"; never as positive evidence of quality.
 */
export const WORK_WORDS = new Set(
  (
    'team teams project projects customer customers client clients patient patients user users manager managers colleague ' +
    'colleagues stakeholder stakeholders deadline deadlines deliver delivered delivery release released launch launched role ' +
    'job work worked working company business product service services system systems process processes problem problems issue ' +
    'issues result results goal goals target targets plan planned data code feature features ward shift care sales revenue budget ' +
    'report reports meeting meetings decision decided lead led mentor mentored build built improve improved reduce reduced ' +
    'increase increased migrate migration incident incidents support supported train trained review reviewed design designed ' +
    'experience skills learn learned learnt career office hospital school store account accounts deal deals campaign quarter ' +
    'sprint roadmap interview responsibility responsible task tasks organisation organization department error errors ' +
    'bug bugs fix fixed outage failure failures failed deploy deployed deployment rollback roll rolled server database api ' +
    'pipeline test tests tested testing quality cost costs metric metrics latency performance traffic load users staff nurse ' +
    'nurses doctor doctors ward wards patient shift handover medication clinical order orders invoice invoices contract ' +
    'contracts boss supervisor email call calls complaint complaints escalated escalation deadline priority priorities ' +
    'migration migrated monitor monitoring alert alerts check checked review audit audited handled solved problem analysis ' +
    'analysed analyzed measured measure change changes changed stakeholders presentation presented explained agreed ' +
    'decision trained training coached hired onboarding schedule rota staffing safety risk risks compliance policy procedure'
  )
    .split(/\s+/)
    .map(stem),
);

/** Reduces a lower-case word to a rough stem ("migrated" → "migrat", "teams" → "team"). */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/, '');
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'ies', 'ied', 'ed', 'es', 'ly', 's']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w.endsWith('e') && w.length > 4 ? w.slice(0, -1) : w;
}

/** The distinct stems of the meaningful words in `text` (stopwords and short words removed). */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? []) {
    const word = raw.replace(/['’-]+$/, '');
    if (word.length < 3 || STOPWORDS.has(word)) continue;
    out.add(stem(word));
  }
  return out;
}

/** Counts how many of `stems` appear in `vocabulary`. */
export function overlapCount(stems: ReadonlySet<string>, vocabulary: ReadonlySet<string>): number {
  let n = 0;
  for (const s of stems) if (vocabulary.has(s)) n++;
  return n;
}
