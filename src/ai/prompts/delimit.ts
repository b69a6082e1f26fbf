/**
 * User-supplied text (CV, job description, answers) goes into prompts between tags such as
 * <cv>…</cv>, and the system prompt says that whatever is inside is data. For that to hold,
 * the text must not be able to close the tag itself: any lookalike of one of our tags inside
 * it ("</cv>", "< /answer >", "<system>") has its "<" replaced by "‹", so it reads the same to
 * a model but can no longer end the block.
 */
const DATA_TAGS = [
  'cv',
  'job_description',
  'question',
  'answer',
  'previous_questions',
  'interview',
  'requirements',
  'uncovered_requirements',
  'bank_examples',
  'key_points',
] as const;

/** Tags a model might treat as a role switch even though we never use them. */
const ROLE_TAGS = ['system', 'assistant', 'user', 'instructions?', 'im_start', 'im_end'];

const TAG_LOOKALIKE = new RegExp(`<(?=\\s*\\/?\\s*(?:${[...DATA_TAGS, ...ROLE_TAGS].join('|')})\\b)`, 'gi');

/** Makes `text` safe to place between data tags. */
export function neutralise(text: string): string {
  return text.replace(TAG_LOOKALIKE, '‹').replace(/\|(?=im_(?:start|end)\|)/g, '¦');
}
