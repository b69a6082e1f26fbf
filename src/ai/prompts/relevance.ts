/**
 * Fitting a CV or job description into a prompt's character budget by relevance, not by
 * cutting at N characters: the text is split into paragraphs (long ones into lines, very long
 * lines into sentences), each piece is scored by the weighted terms it shares with what the
 * prompt is about (the job's requirements, the question's focus), and the best pieces are kept
 * in their original order, with "[…]" where something was left out. A kept line from a long
 * paragraph brings its paragraph's first line (usually the role or section heading) along.
 */

const STOPWORDS = new Set(
  `a about above after again all also am an and any are as at be because been before being below between both but by can
  could did do does doing down during each etc few for from further had has have having he her here hers him his how i if in
  into is it its itself just me more most my no nor not now of off on once only or other our ours out over own per same she
  should so some such than that the their them then there these they this those through to too under until up us very was we
  were what when where which while who whom why will with would you your yours ie eg via within across using use used
  able ability work working works worked team teams role roles company years year experience experienced strong excellent
  good great skills skill including include includes etc plus new join looking ideal candidate responsibilities requirements
  required must well based knowledge understanding familiar familiarity proven hands-on day environment opportunity
  opportunities apply benefits salary ll ve re one two three four five six take part help make get like want ideally similar
  another least week weeks month months day days`.split(/\s+/),
);

const TOKEN = /[a-z0-9][a-z0-9+#]*(?:[.\-/][a-z0-9+#]+)*/g;

/** Lower-cased content words, with a crude plural fold ("services" → "service"). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().match(TOKEN) ?? []) {
    if (STOPWORDS.has(raw) || (raw.length < 2 && !/[+#]/.test(raw)) || /^\d+\+?$/.test(raw)) continue;
    out.push(raw.length > 4 && /^[a-z]+[^s]s$/.test(raw) ? raw.slice(0, -1) : raw);
  }
  return out;
}

export type TermWeights = Map<string, number>;

/** Merges weighted sources: each term keeps its highest weight. */
function weighTerms(sources: ReadonlyArray<{ text: string; weight: number }>): TermWeights {
  const weights: TermWeights = new Map();
  for (const { text, weight } of sources) {
    for (const term of terms(text)) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  }
  return weights;
}

const REQUIREMENT_LINE =
  /\b(require|requirement|must|need|essential|experience (with|in|of)|proficien|knowledge of|familiar|expert|skill|you (will|'ll|bring|have)|responsib|qualification|degree|certif)/i;
const BOILERPLATE_LINE = /\b(benefit|perk|salary|compensation|pension|holiday|equal opportunit|divers|inclusi|how to apply|visa|remote-first|office)/i;
const BULLET = /^\s*([-*•▪◦·–]|\d+[.)])\s+/;

/** Section headings whose content matters more (or much less) than its words alone say. */
const IMPORTANT_SECTION =
  /require|qualification|what you('|’)ll do|what you will do|responsibilit|you will|must|skills|experience|employment|projects|the role|about you|achievements/i;
const MINOR_SECTION =
  /benefit|what we offer|perks|how to apply|process|about us|who we are|hobbies|interests|references|volunteer|equal opportunit|divers/i;

/** A short first line without a full stop reads as a heading ("Requirements", "EXPERIENCE"). */
const looksLikeHeading = (line: string) => line.length <= 60 && !/[.!?]$/.test(line.trim());

/**
 * What a job description is about, for scoring other text: lines under a requirements or
 * responsibilities heading, requirement-like lines and bullets weigh 2, other lines 1; benefits,
 * "about us" and application boilerplate are ignored. The job title weighs 3.
 */
export function jobTerms(jobTitle: string, jobDescription: string): TermWeights {
  const sources: Array<{ text: string; weight: number }> = [{ text: jobTitle, weight: 3 }];
  let section = '';
  for (const line of jobDescription.split('\n')) {
    if (!line.trim()) continue;
    if (looksLikeHeading(line) && !BULLET.test(line)) {
      section = line;
      continue;
    }
    if (BOILERPLATE_LINE.test(line) || MINOR_SECTION.test(section)) continue;
    const important = IMPORTANT_SECTION.test(section) || REQUIREMENT_LINE.test(line) || BULLET.test(line);
    sources.push({ text: line, weight: important ? 2 : 1 });
  }
  return weighTerms(sources);
}

/** `base` plus `extra` terms at `weight` (e.g. a question's focus). */
export function withTerms(base: TermWeights, extra: string, weight: number): TermWeights {
  const merged = new Map(base);
  for (const term of terms(extra)) merged.set(term, Math.max(merged.get(term) ?? 0, weight));
  return merged;
}

interface Piece {
  text: string;
  paragraph: number;
  /** Position in the document, for restoring order. */
  index: number;
  /** First piece of a paragraph that was split into lines. */
  heading: boolean;
  split: boolean;
  score: number;
}

const GAP = '[…]';

function sectionFactor(heading: string | undefined): number {
  if (!heading) return 1;
  if (MINOR_SECTION.test(heading)) return 0.3;
  return IMPORTANT_SECTION.test(heading) ? 1.5 : 1;
}

function scorePiece(text: string, weights: TermWeights, section: string | undefined): number {
  let score = 0;
  for (const term of new Set(terms(text))) score += weights.get(term) ?? 0;
  // Numbers are evidence (results, scale); a little credit so quantified lines win ties.
  if (/\d/.test(text)) score += 0.5;
  if (BOILERPLATE_LINE.test(text)) score *= 0.3;
  // Density, not just coverage: a long paragraph should not win merely by being long.
  return (score * sectionFactor(section)) / Math.sqrt(1 + text.length / 120);
}

function splitLong(text: string, limit: number): string[] {
  if (text.length <= limit) return [text];
  const out: string[] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+/).map((x) => x.trim()).filter(Boolean)) {
    for (let i = 0; i < sentence.length; i += limit) out.push(sentence.slice(i, i + limit));
  }
  return out;
}

/** `text` cut to at most `maxChars`, keeping the pieces that matter most for `weights`. */
export function trimByRelevance(text: string, maxChars: number, weights: TermWeights): string {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  if (normalised.length <= maxChars) return normalised;

  const pieceLimit = Math.max(80, Math.floor(maxChars / 4));
  const pieces: Piece[] = [];
  normalised.split(/\n\s*\n/).forEach((paragraph, p) => {
    const body = paragraph.trim();
    if (!body) return;
    if (body.length <= pieceLimit) {
      pieces.push({ text: body, paragraph: p, index: pieces.length, heading: true, split: false, score: 0 });
      return;
    }
    const lines = body.split('\n').flatMap((line) => splitLong(line.trim(), pieceLimit)).filter(Boolean);
    lines.forEach((line, i) => pieces.push({ text: line, paragraph: p, index: pieces.length, heading: i === 0, split: true, score: 0 }));
  });
  // The heading a piece sits under: its paragraph's first line, or the last short paragraph
  // before it (a heading on its own line above a list).
  let section: string | undefined;
  for (const piece of pieces) {
    const first = piece.text.split('\n')[0]!;
    if (piece.heading && looksLikeHeading(first)) section = first;
    piece.score = scorePiece(piece.text, weights, section);
  }

  const kept = new Set<Piece>();
  // Rough cost of a piece once joined: its text, a separator, and possibly a gap marker.
  const cost = (piece: Piece) => piece.text.length + 2 + GAP.length + 2;
  let used = 0;
  const headingOf = (piece: Piece) => pieces.find((q) => q.paragraph === piece.paragraph && q.heading);
  const ranked = [...pieces].sort((a, b) => b.score - a.score || a.index - b.index);
  for (const piece of ranked) {
    if (kept.has(piece)) continue;
    const heading = piece.split && !piece.heading ? headingOf(piece) : undefined;
    const extra = heading && !kept.has(heading) ? cost(heading) : 0;
    if (used + cost(piece) + extra > maxChars) continue;
    if (heading && extra > 0) kept.add(heading);
    kept.add(piece);
    used += cost(piece) + extra;
  }

  const ordered = pieces.filter((piece) => kept.has(piece));
  let out = '';
  let previous: Piece | undefined;
  for (const piece of ordered) {
    if (!previous) out = piece.index > 0 ? `${GAP}\n` : '';
    else if (piece.index - previous.index > 1) out += `\n${GAP}\n`;
    else out += previous.paragraph === piece.paragraph ? '\n' : '\n\n';
    out += piece.text;
    previous = piece;
  }
  if (previous && previous.index < pieces.length - 1) out += `\n${GAP}`;
  return out.length <= maxChars ? out : out.slice(0, maxChars);
}
