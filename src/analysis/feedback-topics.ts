/**
 * What a piece of feedback is about, so one point is never both a strength and a weakness
 * ("You named procurement" beside "It never addresses procurement"; "You quantified the
 * impact" beside "No numbers show the scale"). Works on any provider's wording: topics are
 * recognised by the words feedback uses for them and by the skills it names.
 */
import { findSkills } from './skill-matcher.js';

const TOPICS: readonly (readonly [string, RegExp])[] = [
  ['numbers', /\b(?:numbers?|quantif\w*|metrics?|figures?|measur\w*|scale|data points?)\b/i],
  ['result', /\b(?:results?|outcomes?|impact|what changed)\b/i],
  ['ownership', /\b(?:own (?:part|contribution|role|actions?)|contribution|your part|who did what|"we"|passive)\b/i],
  ['relevance', /\b(?:answered the question|addresses|address(?:ed)? the question|relevan\w*|on topic|off[- ]topic|the question (?:that was )?asked)\b/i],
  ['structure', /\b(?:set the scene|situation|structure\w*|STAR|order)\b/i],
  ['example', /\b(?:specific example|real example|an example|concrete example)\b/i],
  ['length', /\b(?:too long|too short|concise|brief|length|rambl\w*)\b/i],
  ['tools', /\b(?:tools?|methods?)\b/i],
];

/** The topics a feedback point is about: named kinds, plus `skill:<name>` for each skill it names. */
function feedbackTopics(point: string): Set<string> {
  const out = new Set<string>();
  for (const [topic, re] of TOPICS) if (re.test(point)) out.add(topic);
  for (const m of findSkills(point)) out.add(`skill:${m.skill.name.toLowerCase()}`);
  return out;
}

/**
 * Drops every strength that shares a topic with a weakness: the weakness is what the candidate
 * must act on, and praise that contradicts it would mislead.
 */
export function withoutContradictions<S extends { point: string }, W extends { point: string }>(strengths: readonly S[], weaknesses: readonly W[]): S[] {
  const criticised = new Set(weaknesses.flatMap((w) => [...feedbackTopics(w.point)]));
  return strengths.filter((s) => ![...feedbackTopics(s.point)].some((t) => criticised.has(t)));
}
