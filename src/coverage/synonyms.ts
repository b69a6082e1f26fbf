/**
 * A small, explicit synonym table for the words key points commonly use. Key points are
 * written in the abstract ("names the metric", "involves the customer"); answers are concrete
 * ("p99 fell to 120 ms", "I called the client"). Each group is a loose equivalence: a term
 * matched through a synonym counts less than the word itself (SYNONYM_WEIGHT in lexical.ts).
 *
 * Kept deliberately short and general. Words go through the same stemming as answers, so
 * list one form ("measure" also covers "measured", "measuring"). Entries starting with `#`
 * are terms, not words: `#number` (any number in the answer) or a skill from the lexicon.
 */
import { stemWord } from './terms.js';

const GROUPS: readonly (readonly string[])[] = [
  ['metric', 'measure', 'measurement', 'measurable', 'number', 'percent', 'percentage', 'kpi', 'figure', 'quantify', 'statistic', 'stat', 'benchmark', 'baseline', 'track', 'assess', 'evaluate', 'judge', '#number'],
  ['outcome', 'result', 'success', 'impact', 'effect', 'improve', 'improvement', 'reduce', 'reduction', 'increase', 'decrease', 'cut', 'fall', 'rise', 'drop', 'save', 'boost', 'lower'],
  ['customer', 'user', 'client', 'consumer', 'buyer', 'shopper', 'enduser', 'patient'],
  ['test', 'verify', 'verification', 'check', 'validate', 'confirm', 'qa', 'assert', '#unit testing', '#integration testing', '#end-to-end testing', '#tdd', '#quality assurance', '#a/b testing', '#load testing'],
  ['team', 'colleague', 'teammate', 'peer', 'coworker', 'squad'],
  ['stakeholder', 'manager', 'leadership', 'sponsor', 'executive', 'director', 'boss', 'management'],
  ['tradeoff', 'compromise', 'downside', 'alternative', 'option', 'pros', 'cons', 'balance'],
  ['risk', 'danger', 'threat', 'exposure', 'vulnerability', 'hazard'],
  ['deadline', 'timeline', 'schedule', 'due', 'milestone', 'date'],
  ['prioritize', 'priority', 'rank', 'urgent', 'triage', 'order'],
  ['communicate', 'communication', 'inform', 'update', 'share', 'discuss', 'talk', 'present', 'explain', 'tell', 'email', 'call'],
  ['learn', 'lesson', 'takeaway', 'differently', 'reflect', 'reflection', 'retrospective', 'retro', 'postmortem', '#incident management'],
  ['mistake', 'failure', 'fail', 'error', 'wrong', 'miss', 'slip', 'fault', 'blunder'],
  ['feedback', 'review', 'critique', 'comment', '#code review'],
  ['disagree', 'disagreement', 'conflict', 'tension', 'pushback', 'argument', 'clash', 'objection', 'object'],
  ['listen', 'understand', 'perspective', 'viewpoint', 'concern', 'empathy', 'empathise'],
  ['decide', 'decision', 'choose', 'choice', 'pick', 'opt', 'select'],
  ['monitor', 'alert', 'dashboard', 'observability', 'log', 'logging', 'metric', '#observability', '#prometheus', '#grafana', '#datadog'],
  ['cause', 'root', 'reason', 'diagnose', 'diagnosis', 'investigate', 'investigation'],
  ['document', 'documentation', 'writeup', 'runbook', 'wiki', 'note', '#technical writing'],
  ['mentor', 'coach', 'teach', 'train', 'guide', 'pair', 'onboard', '#pair programming', '#onboarding'],
  ['plan', 'roadmap', 'timeline', 'milestone', 'estimate'],
  ['security', 'secure', 'vulnerability', 'attack', 'threat', 'breach', '#encryption', '#owasp'],
  ['scale', 'scalability', 'load', 'traffic', 'throughput', 'growth', 'capacity'],
  ['latency', 'performance', 'slow', 'fast', 'speed', 'responsiveness'],
  ['cost', 'budget', 'spend', 'money', 'expense', 'saving', 'price'],
  ['deliver', 'ship', 'launch', 'release', 'deploy', 'rollout'],
  ['goal', 'objective', 'target', 'aim', 'okr'],
  ['own', 'ownership', 'personally', 'myself', 'individually', 'responsibility', 'responsible', 'accountable'],
  ['rollback', 'revert', 'undo', 'restore'],
  ['incident', 'outage', 'downtime', 'failure', 'bug', 'defect', 'issue'],
  ['recover', 'fix', 'resolve', 'mitigate', 'patch', 'repair'],
  ['data', 'dataset', 'analysis', 'analyze', 'analytics', '#data analysis'],
  ['postpone', 'defer', 'delay', 'reschedule', 'later', 'hold'],
  ['escalate', 'escalation', 'alert', 'inform', 'flag', 'raise'],
  // The people a teacher, a nurse or a support agent talks about, named the way they are in stories.
  ['pupil', 'student', 'learner', 'child', 'boy', 'girl', 'kid', 'teenager'],
  ['struggle', 'difficulty', 'behind', 'stuck', 'cope', 'overwhelmed'],
  ['adapt', 'adjust', 'tailor', 'modify', 'differentiate', 'rework'],
  ['angry', 'upset', 'frustrated', 'annoyed', 'furious', 'unhappy', 'complaint', 'complain'],
  ['negotiate', 'negotiation', 'discount', 'concession', 'counteroffer'],
];

/**
 * Generic words: a match on them alone never makes a point covered ("the team", "the
 * project"), and they weigh half as much as a topical term.
 */
export const GENERIC = new Set(
  [
    'team', 'colleague', 'teammate', 'peer', 'coworker', 'work', 'people', 'person', 'project', 'company', 'time', 'situation',
    'job', 'role', 'business', 'organization', 'someone', 'everyone', 'part', 'problem', 'help', 'good', 'new', 'first', 'use',
    'experience', 'approach', 'end', 'need', 'able', 'try', 'start', 'want', 'know', 'think', 'feel', 'take',
    'give', 'see', 'look', 'come', 'put', 'keep', 'say', 'tell', 'ask', 'day', 'week', 'month', 'year',
    // In a teacher's answers pupils are everywhere, as the team is in an engineer's.
    'pupil', 'student', 'learner', 'child', 'boy', 'girl', 'kid', 'teenager',
  ].map((w) => stemWord(w)),
);

const toTerm = (w: string) => (w.startsWith('#') ? w : stemWord(w));

/** term → every term sharing a group with it (itself excluded). */
const ALTERNATIVES: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, Set<string>>();
  for (const group of GROUPS) {
    const terms = group.map(toTerm);
    for (const t of terms) {
      const set = map.get(t) ?? new Set<string>();
      for (const other of terms) if (other !== t) set.add(other);
      map.set(t, set);
    }
  }
  return new Map([...map].map(([k, v]) => [k, [...v]] as const));
})();

const NONE: readonly string[] = [];

/** The synonyms of a term (stems and `#` terms). */
export function synonymsOf(term: string): readonly string[] {
  return ALTERNATIVES.get(term) ?? NONE;
}
