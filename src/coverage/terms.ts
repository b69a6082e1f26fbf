/**
 * Turning text into the terms answer coverage compares: lower-cased words without stop words,
 * British spellings folded into American ones ("prioritise" = "prioritize"), common irregular
 * past tenses mapped to their present ("led" = "lead"), then the Porter stemmer (the `stemmer`
 * package). Skills from the shared lexicon become one term each (`#kubernetes`), so an alias
 * ("k8s") and the canonical name meet. Numbers ("40%", "480 ms") become `#number`, which the
 * synonym table ties to "metric"/"measure".
 */
import { stemmer } from 'stemmer';
import { findSkills } from '../ai/offline/skill-matcher.js';

/** Function words: carry no topic, but their share of a sentence tells prose from a keyword list. */
export const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing done down during each either else even ever every few for from further had has have having he ' +
    'her here hers herself him himself his how i if in into is it its itself just let me might more most much must my myself no ' +
    'nor not now of off on once only or other our ours ourselves out over same she should so some such than that the their ' +
    'theirs them themselves then there these they this those through to too under until up upon us very was we were what when ' +
    'where which while who whom whose why will with within without would you your yours yourself yourselves ' +
    "i'm i've i'd i'll we're we've we'd it's that's don't didn't doesn't wasn't weren't couldn't wouldn't can't isn't aren't " +
    'get got gets getting go going went gone make made makes making really very quite rather just maybe perhaps actually basically ' +
    'thing things something anything everything stuff lot lots kind sort way also well okay ok yes yeah like one ones ' +
    'next last previous later soon still already several various many certain'
  ).split(/\s+/),
);

/**
 * Words key points use about the answer rather than about the topic ("Names a *specific*
 * metric", "Gives a *concrete* example"): dropped from key points wherever they appear.
 */
const KEY_POINT_QUALIFIERS = new Set(
  'specific specifically concrete concretely clear clearly example examples instance candidate actual particular detail details detailed explicit explicitly briefly least used using'.split(
    ' ',
  ),
);

/** The verb a key point usually opens with ("Explains the trade-off"): says nothing about the topic. */
const KEY_POINT_LEAD_VERBS = new Set(
  'names name explains explain describes describe states state mentions mention gives give shows show says say identifies identify outlines outline discusses discuss provides provide includes include talks talk covers cover notes note walks walk demonstrates demonstrate offers offer uses use brings bring points point'.split(
    ' ',
  ),
);

/** Irregular past forms the Porter stemmer can't relate to their present. */
const IRREGULAR: Record<string, string> = {
  led: 'lead', built: 'build', wrote: 'write', written: 'write', spoke: 'speak', spoken: 'speak', taught: 'teach',
  caught: 'catch', found: 'find', brought: 'bring', ran: 'run', began: 'begin', begun: 'begin', grew: 'grow', grown: 'grow',
  drove: 'drive', driven: 'drive', understood: 'understand', kept: 'keep', met: 'meet', sent: 'send', spent: 'spend',
  told: 'tell', sold: 'sell', won: 'win', lost: 'lose', paid: 'pay', broke: 'break', broken: 'break', chose: 'choose',
  chosen: 'choose', fought: 'fight', held: 'hold', gave: 'give', given: 'give', took: 'take', taken: 'take', knew: 'know',
  known: 'know', fell: 'fall', fallen: 'fall', rose: 'rise', risen: 'rise', shipped: 'ship', saw: 'see', seen: 'see',
  thought: 'think', felt: 'feel', left: 'leave', heard: 'hear', meant: 'mean', shown: 'show', drew: 'draw', drawn: 'draw',
  threw: 'throw', forgot: 'forget', forgotten: 'forget', mistook: 'mistake', overran: 'overrun', rebuilt: 'rebuild',
  rewrote: 'rewrite', rewritten: 'rewrite', undertook: 'undertake', oversaw: 'oversee', withdrew: 'withdraw', sped: 'speed',
  fed: 'feed', bought: 'buy', sought: 'seek', dealt: 'deal', learnt: 'learn', stood: 'stand', struck: 'strike', slid: 'slide',
};

/** -ise words that are not British spellings of -ize ("promise", "expertise"). */
const NOT_BRITISH_ISE = new Set(
  'advertise advise apprise arise chastise circumcise comprise compromise concise demise despise devise disguise enterprise excise exercise expertise franchise improvise incise merchandise otherwise paradise precise premise promise raise revise supervise surmise surprise televise treatise wise'.split(
    ' ',
  ),
);

/** "prioritisation" → "prioritization", "analysed" → "analyzed": both spellings stem alike. */
function americanise(word: string): string {
  const m = /^(.{4,}?)(is|ys)(e|ed|es|ing|er|ers|ation|ations)$/.exec(word);
  if (!m) return word;
  const base = `${m[1]}${m[2]}e`;
  // Suffix match too: "appraise" ends in "raise". A wrong guess is harmless (both sides fold alike).
  for (const w of NOT_BRITISH_ISE) if (base.endsWith(w)) return word;
  return `${m[1]}${m[2] === 'is' ? 'iz' : 'yz'}${m[3]}`;
}

const stemCache = new Map<string, string>();

/** The comparison form of one lower-case word. Memoised: answers reuse a small vocabulary. */
export function stemWord(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const base = IRREGULAR[word] ?? americanise(word);
  const stemmed = stemmer(base);
  if (stemCache.size > 20_000) stemCache.clear();
  stemCache.set(word, stemmed);
  return stemmed;
}

/** One term of a text, with where it came from (for skill tokens: the skill's alias words). */
export interface Term {
  /** `#<skill>`, `#number` or a stem. */
  key: string;
  /** For a skill: the stems of its words as written ("unit tests" → unit, test). */
  parts?: string[];
  /** Offset in the text. */
  at: number;
}

/** Hyphenated words that are one word ("trade-off" = "tradeoff"); other hyphenated words are split. */
const JOINED = new Set(
  'tradeoff tradeoffs postmortem postmortems followup followups rollout rollouts rollback rollbacks coworker coworkers enduser endusers signup signups email emails oncall writeup writeups handover handoff standup standups onboarding offboarding codebase runbook runbooks'.split(
    ' ',
  ),
);

/** Word-ish runs: letters/digits with inner apostrophes, hyphens, dots and %, e.g. "trade-off", "2.5x", "40%". */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.%-]*/gu;
const NUMBER = /^[$£€]?\d[\d,.]*(?:%|x|k|m|ms|s|h|gb|mb|tb|pp|bn)?$/;

export interface TextTerms {
  terms: Term[];
  /** Offsets of every word, function words included (for the prose check). */
  wordAt: number[];
  /** Offsets of the function words. */
  functionAt: number[];
}

/** Terms of `text` (a key point or a whole answer), in order. */
export function textTerms(text: string): TextTerms {
  const skills = findSkills(text);
  const terms: Term[] = [];
  const wordAt: number[] = [];
  const functionAt: number[] = [];
  let s = 0;
  let lastSkillAt = -1;
  const word = new RegExp(WORD.source, WORD.flags);
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const at = m.index;
    while (s < skills.length && skills[s]!.end <= at) s++;
    const skill = skills[s];
    if (skill && skill.index <= at && at < skill.end) {
      // A skill mention is one term, however many words its alias has ("end-to-end tests").
      if (lastSkillAt !== skill.index) {
        lastSkillAt = skill.index;
        terms.push({ key: skillKey(skill.skill.name), parts: wordStems(skill.text), at: skill.index });
      }
      wordAt.push(at);
      continue;
    }
    const raw = m[0].toLowerCase().replace(/’/g, "'").replace(/[.'-]+$/, '');
    if (!raw) continue;
    wordAt.push(at);
    if (STOP_WORDS.has(raw)) {
      functionAt.push(at);
      continue;
    }
    if (NUMBER.test(raw)) {
      terms.push({ key: '#number', at });
      continue;
    }
    const w = raw.replace(/'s$/, '').replace(/['.]/g, '');
    if (w.includes('-') && !JOINED.has(w.replace(/-/g, ''))) {
      // "error-rate" is "error rate"; "payment-authorisation" is "payment authorisation".
      for (const part of w.split('-')) if (part.length >= 2 && !STOP_WORDS.has(part)) terms.push({ key: stemWord(part), at });
      continue;
    }
    const joined = w.replace(/-/g, '');
    if (joined.length < 2 && !/\d/.test(joined)) continue;
    terms.push({ key: stemWord(joined), at });
  }
  return { terms, wordAt, functionAt };
}

const skillKey = (name: string) => `#${name.toLowerCase()}`;

function wordStems(text: string): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) if (!STOP_WORDS.has(w)) out.push(stemWord(w));
  return out;
}

/** Terms of a key point: as textTerms, minus the opening "Explains…"/"Names…" and qualifiers. */
export function keyPointTerms(point: string): Term[] {
  const words = point.trim().split(/\s+/);
  const lead = (words[0] ?? '').toLowerCase().replace(/[^a-z]/g, '');
  const body = KEY_POINT_LEAD_VERBS.has(lead) ? words.slice(1).join(' ') : point;
  const seen = new Set<string>();
  const out: Term[] = [];
  for (const term of textTerms(body).terms) {
    if (seen.has(term.key) || QUALIFIER_STEMS.has(term.key)) continue;
    seen.add(term.key);
    out.push(term);
  }
  return out;
}

const QUALIFIER_STEMS = new Set([...KEY_POINT_QUALIFIERS].map((w) => stemWord(w)));
