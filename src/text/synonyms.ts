/**
 * A small, explicit synonym table for the words questions and key points commonly use. Key
 * points and questions are written in the abstract ("names the metric", "a mistake", "a pupil
 * who was struggling"); answers are concrete ("p99 fell to 120 ms", "the figure was wrong", "a
 * girl in Year 9 was stuck"). Each group is a loose equivalence: answer coverage
 * (coverage/lexical.ts) counts a match through a synonym less than the word itself, and answer
 * relevance (analysis/answer-relevance.ts) counts it as a weaker hit.
 *
 * Kept deliberately short and general. Words go through the same comparison key as answers
 * (lemma, British spelling folded, stem), so list one form ("measure" also covers "measured",
 * "measuring"). Entries starting with `#` are terms, not words: `#number` (any number in the
 * answer) or a skill from the lexicon (coverage only).
 */
import { wordKey } from './words.js';

const GROUPS: readonly (readonly string[])[] = [
  ['metric', 'measure', 'measurement', 'measurable', 'number', 'percent', 'percentage', 'kpi', 'figure', 'quantify', 'statistic', 'stat', 'benchmark', 'baseline', 'track', 'assess', 'evaluate', 'judge', '#number'],
  ['outcome', 'result', 'success', 'impact', 'effect', 'improve', 'improvement', 'reduce', 'reduction', 'increase', 'decrease', 'cut', 'fall', 'rise', 'drop', 'save', 'boost', 'lower'],
  ['customer', 'user', 'client', 'consumer', 'buyer', 'shopper', 'enduser', 'patient'],
  ['test', 'verify', 'verification', 'check', 'validate', 'confirm', 'qa', 'assert', '#unit testing', '#integration testing', '#end-to-end testing', '#tdd', '#quality assurance', '#a/b testing', '#load testing'],
  ['team', 'colleague', 'teammate', 'peer', 'coworker', 'squad'],
  // A senior stakeholder is named by title in stories: "our head of sales", "the CEO".
  ['stakeholder', 'manager', 'leadership', 'sponsor', 'executive', 'director', 'boss', 'management', 'head', 'ceo', 'founder', 'vp'],
  ['request', 'requirement', 'demand', 'ask'],
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
  ['document', 'documentation', 'writeup', 'runbook', 'wiki', 'note', 'paperwork', 'record', '#technical writing'],
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
  // Clinical words and the plain or ward shorthand nurses use for them ("do her obs", "is she hurt").
  ['observation', 'obs', 'vitals'],
  ['injury', 'injure', 'hurt', 'harm'],
  ['anticoagulant', 'anticoagulation', 'thinner'],
];

const toTerm = (w: string) => (w.startsWith('#') ? w : wordKey(w));

let alternatives: ReadonlyMap<string, readonly string[]> | undefined;
/** term → every term sharing a group with it (itself excluded); built on first use. */
function alternativesMap(): ReadonlyMap<string, readonly string[]> {
  if (alternatives) return alternatives;
  const map = new Map<string, Set<string>>();
  for (const group of GROUPS) {
    const terms = group.map(toTerm);
    for (const t of terms) {
      const set = map.get(t) ?? new Set<string>();
      for (const other of terms) if (other !== t) set.add(other);
      map.set(t, set);
    }
  }
  return (alternatives = new Map([...map].map(([k, v]) => [k, [...v]] as const)));
}

const NONE: readonly string[] = [];

/** The synonyms of a comparison key or `#` term (keys and `#` terms). */
export function synonymsOf(term: string): readonly string[] {
  return alternativesMap().get(term) ?? NONE;
}
