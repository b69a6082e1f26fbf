/**
 * Turning text into the terms answer coverage compares, from the shared language layer
 * (src/text): content words reduced to their comparison key (lemma, British spelling folded,
 * Porter2 stem), stop words dropped but counted (their share tells prose from a keyword list).
 * Skills from the shared lexicon become one term each (`#kubernetes`), so an alias ("k8s") and
 * the canonical name meet. Numbers ("40%", "480 ms") become `#number`, which the synonym table
 * ties to "metric"/"measure". A few phrasal verbs are folded into the word they mean
 * ("pushed back" = postpone, "rolled back" = rollback), and hyphenated compounds people also
 * write as one word ("trade-off") are one term.
 */
import { findSkills } from '../analysis/skill-matcher.js';
import { keyOf, readText, wordKey, type Token } from '../text/index.js';

/**
 * Words key points use about the answer rather than about the topic ("Names a *specific*
 * metric", "Gives a *concrete* example"): dropped from key points wherever they appear.
 */
const KEY_POINT_QUALIFIERS = 'specific specifically concrete concretely clear clearly example examples instance candidate actual particular detail details detailed explicit explicitly briefly least used using';

/** The verb a key point usually opens with ("Explains the trade-off"): says nothing about the topic. */
const KEY_POINT_LEAD_VERBS = new Set(
  'names name explains explain describes describe states state mentions mention gives give shows show says say identifies identify outlines outline discusses discuss provides provide includes include talks talk covers cover notes note walks walk demonstrates demonstrate offers offer uses use brings bring points point'.split(
    ' ',
  ),
);

/** Hyphenated words that are one word ("trade-off" = "tradeoff"); other hyphenated words are split. */
const JOINED = new Set(
  'tradeoff tradeoffs postmortem postmortems followup followups rollout rollouts rollback rollbacks coworker coworkers enduser endusers signup signups email emails oncall writeup writeups handover handoff standup standups onboarding offboarding codebase runbook runbooks'.split(
    ' ',
  ),
);

/** Phrasal verbs (lemma + particle) that mean one thing a key point names in a single word. */
const PHRASAL: Readonly<Record<string, string>> = {
  'push back': 'postpone', 'put off': 'postpone', 'hold off': 'postpone', 'move back': 'postpone',
  'roll back': 'rollback', 'follow up': 'followup', 'hand over': 'handover', 'step in': 'intervene',
  'sign off': 'approve', 'set up': 'setup', 'find out': 'discover', 'figure out': 'solve', 'work out': 'solve',
  'speak up': 'escalate', 'flag up': 'escalate', 'call in': 'escalate', 'back up': 'support', 'check in': 'check',
};

let phrasalByKey: ReadonlyMap<string, ReadonlyMap<string, string>> | undefined;
/**
 * PHRASAL keyed by the verb's comparison key, then by the particle, so "rolls back", "rolled
 * back" and "Rolls back" all meet. Two lookups rather than one by "verb particle": every word of
 * an answer is looked up, and building that string per word was a tenth of what scoring a long
 * answer allocates.
 */
const phrasalKeys = () => {
  if (!phrasalByKey) {
    const byKey = new Map<string, Map<string, string>>();
    for (const [phrase, meaning] of Object.entries(PHRASAL)) {
      const [verb, particle] = phrase.split(' ') as [string, string];
      const key = keyOf(verb);
      const particles = byKey.get(key) ?? new Map<string, string>();
      particles.set(particle, meaning);
      byKey.set(key, particles);
    }
    phrasalByKey = byKey;
  }
  return phrasalByKey;
};

/** One term of a text, with where it came from (for skill tokens: the skill's alias words). */
export interface Term {
  /** `#<skill>`, `#number` or a word key. */
  key: string;
  /** For a skill: the keys of its words as written ("unit tests" → unit, test). */
  parts?: string[];
  /** Offset in the text. */
  at: number;
}

export interface TextTerms {
  terms: Term[];
  /** Offsets of every word, function words included (for the prose check). */
  wordAt: number[];
  /** Offsets of the function words. */
  functionAt: number[];
}

const isWord = (t: Token) => t.type === 'word' || t.type === 'number';
const NUMBER = /^[$£€]?\d[\d,.]*(?:%|x|k|m|ms|s|h|gb|mb|tb|pp|bn)?$/i;
const DIGIT = /\d/;
const CLITIC_START = /^['’]/;

/** The key of a word as the coverage compares it. */
export function stemWord(word: string): string {
  return wordKey(word);
}

/** Terms of `text` (a key point or a whole answer), in order. */
export function textTerms(text: string): TextTerms {
  const skills = findSkills(text);
  const tokens = readText(text).tokens;
  const terms: Term[] = [];
  const wordAt: number[] = [];
  const functionAt: number[] = [];
  let s = 0;
  let lastSkillAt = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isWord(t)) continue;
    const at = t.start;
    while (s < skills.length && skills[s]!.end <= at) s++;
    const skill = skills[s];
    if (skill && skill.index <= at && at < skill.end) {
      // A skill mention is one term, however many words its alias has ("end-to-end tests").
      if (lastSkillAt !== skill.index) {
        lastSkillAt = skill.index;
        terms.push({ key: `#${skill.skill.name.toLowerCase()}`, parts: partKeys(skill.text), at: skill.index });
      }
      wordAt.push(at);
      continue;
    }
    wordAt.push(at);
    // "trade-off": one term when people also write it as one word.
    const hyphen = tokens[i + 1];
    const second = tokens[i + 2];
    if (hyphen?.text === '-' && second && hyphen.start === t.end && second.start === hyphen.end && JOINED.has(`${t.lower}${second.lower}`)) {
      terms.push({ key: keyOf(`${t.lower}${second.lower}`), at });
      wordAt.push(second.start);
      i += 2;
      continue;
    }
    const particle = tokens[i + 1];
    const phrasal = particle ? phrasalKeys().get(t.key)?.get(particle.lower) : undefined;
    if (phrasal) {
      terms.push({ key: keyOf(phrasal), at });
      wordAt.push(particle!.start);
      i += 1;
      continue;
    }
    if (t.stop) {
      functionAt.push(at);
      continue;
    }
    if (t.type === 'number' || NUMBER.test(t.lower)) {
      terms.push({ key: '#number', at });
      continue;
    }
    if ((t.lower.length < 2 && !DIGIT.test(t.lower)) || CLITIC_START.test(t.lower)) continue;
    terms.push({ key: t.key, at });
  }
  return { terms, wordAt, functionAt };
}

function partKeys(text: string): string[] {
  return readText(text.toLowerCase()).tokens.filter((t) => isWord(t) && !t.stop).map((t) => t.key);
}

let qualifierKeys: ReadonlySet<string> | undefined;

/** Terms of a key point: as textTerms, minus the opening "Explains…"/"Names…" and qualifiers. */
export function keyPointTerms(point: string): Term[] {
  qualifierKeys ??= new Set(KEY_POINT_QUALIFIERS.split(' ').map(wordKey));
  const words = point.trim().split(/\s+/);
  const lead = (words[0] ?? '').toLowerCase().replace(/[^a-z]/g, '');
  const body = KEY_POINT_LEAD_VERBS.has(lead) ? words.slice(1).join(' ') : point;
  const seen = new Set<string>();
  const out: Term[] = [];
  for (const term of textTerms(body).terms) {
    if (seen.has(term.key) || qualifierKeys.has(term.key)) continue;
    seen.add(term.key);
    out.push(term);
  }
  return out;
}
