/**
 * Finds lexicon skills in free text. All aliases are compiled into two alternation regexes
 * (case-insensitive and case-sensitive) once at start-up, so a scan is one pass per regex
 * rather than hundreds of small searches: evaluateAnswer runs this on every answer.
 */
import { TextCache } from '../text/index.js';
import { SKILL_LEXICON, type SkillDefinition } from './skill-lexicon.js';

/** One mention of a skill in a text. */
export interface SkillMatch {
  skill: SkillDefinition;
  /** The alias exactly as written in the text, e.g. "k8s". */
  text: string;
  index: number;
  end: number;
}

interface AliasInfo {
  skill: SkillDefinition;
  /** `~` aliases: only count in a list or language context. */
  contextual: boolean;
}

const aliasKey = (alias: string) => alias.replace(/[\s-]+/g, ' ');
const escapePart = (part: string) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Spaces and hyphens inside an alias match either ("event driven" = "event-driven"). */
const aliasPattern = (alias: string) => alias.split(/[\s-]+/).map(escapePart).join('[\\s-]+');

// Not preceded by a letter, digit, "." or "@" (so ".js" in "Node.js" or an e-mail never match);
// not followed by a letter, digit, "+", "#" or ".x" (so "C" never matches inside "C++" or "ASP.NET").
const BEFORE = '(?<![A-Za-z0-9_.@])';
const AFTER = '(?![A-Za-z0-9_+#]|\\.[A-Za-z0-9])';

function compile(): { insensitive: RegExp; sensitive: RegExp; lookup: Map<string, AliasInfo> } {
  const lookup = new Map<string, AliasInfo>();
  const plain: string[] = [];
  const exact: string[] = [];
  for (const skill of SKILL_LEXICON) {
    for (const marked of skill.aliases) {
      const marker = marked.charAt(0);
      const alias = marker === '=' || marker === '~' ? marked.slice(1) : marked;
      if (marker === '=' || marker === '~') {
        exact.push(alias);
        lookup.set(`s:${aliasKey(alias)}`, { skill, contextual: marker === '~' });
      } else {
        plain.push(alias);
        lookup.set(`i:${aliasKey(alias).toLowerCase()}`, { skill, contextual: false });
      }
    }
  }
  // Longest first, because alternation takes the first alternative that matches at a position.
  const source = (list: string[]) => `${BEFORE}(?:${[...list].sort((a, b) => b.length - a.length).map(aliasPattern).join('|')})${AFTER}`;
  return { insensitive: new RegExp(source(plain), 'gi'), sensitive: new RegExp(source(exact), 'g'), lookup };
}

const COMPILED = compile();
const BY_NAME = new Map(SKILL_LEXICON.map((s) => [s.name.toLowerCase(), s] as const));

const LANGUAGE_BEFORE = /\b(?:in|with|using|and|or|of|like|learning|written in|used|use|uses|know|knows|learned|learnt|learn|wrote|write|writing|coded|code|tried|picked up|pick up)\s+$/i;
/** "Go or Rust": another capitalised name follows (case-sensitive on purpose). */
const LIST_AFTER = /^\s+(?:or|and|&)\s+[A-Z]/;
const LANGUAGE_AFTER =
  /^\s+(?:programming|developers?|engineers?|services?|code|codebase|language|modules?|microservices|backend|APIs?|applications?|stack|runtime|scripts?|packages?|libraries)\b/i;

/**
 * Whether a bare "Go", "R" or "C" is meant as a language: inside a comma/slash list
 * ("Python, Go, Rust"; "C/C++"), after "in"/"with"/"using", or before "developer"/"code".
 */
function inLanguageContext(text: string, index: number, end: number): boolean {
  const before = text.slice(Math.max(0, index - 24), index);
  const after = text.slice(end, end + 24);
  if (/^[-&'’]/.test(after)) return false; // "Go-to-market", "R&D"
  const single = end - index === 1; // "Grade (C)" must not count, so single letters need a real list
  const listBefore = single ? /[,/]\s*$/ : /[,/:;|(•·]\s*$/;
  const listAfter = single ? /^\s*[,/]/ : /^\s*[,/;|)]/;
  const inList = listBefore.test(before) || listAfter.test(after) || LIST_AFTER.test(after);
  return inList || LANGUAGE_BEFORE.test(before) || LANGUAGE_AFTER.test(after);
}

const found = new TextCache<readonly SkillMatch[]>(512, 16_000);

/** Every skill mention in `text`, in order, without overlaps (the longer alias wins). Memoised: an answer is scanned by several readers. */
export function findSkills(text: string): SkillMatch[] {
  return [...found.get(text, () => scan(text))];
}

function scan(text: string): SkillMatch[] {
  const matches: SkillMatch[] = [];
  for (const [prefix, regex] of [['i:', COMPILED.insensitive], ['s:', COMPILED.sensitive]] as const) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const key = prefix === 'i:' ? aliasKey(m[0]).toLowerCase() : aliasKey(m[0]);
      const info = COMPILED.lookup.get(prefix + key);
      const end = m.index + m[0].length;
      if (!info || (info.contextual && !inLanguageContext(text, m.index, end))) continue;
      matches.push({ skill: info.skill, text: m[0], index: m.index, end });
    }
  }
  matches.sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: SkillMatch[] = [];
  for (const match of matches) {
    const last = kept[kept.length - 1];
    if (!last || match.index >= last.end) kept.push(match);
  }
  return kept;
}

/** Looks a skill up by its canonical name (case-insensitive). */
export function skillByName(name: string): SkillDefinition | undefined {
  return BY_NAME.get(name.toLowerCase());
}
