/**
 * Soft competencies the offline interviewer can recognise in a job description and probe with
 * behavioural questions. `pattern` is used both to find the competency in the job text and to
 * check that an answer actually talks about it; `prompts` complete "Tell me about a time you…".
 */

export interface Competency {
  name: string;
  /** Finds the competency in a job description. */
  pattern: RegExp;
  /** Finds it in an answer, when answers talk about it more loosely than job ads do. */
  answerPattern?: RegExp;
  prompts: readonly [string, ...string[]];
}

/** The competencies, in tie-break order when a job line shows several. */
export const COMPETENCIES: readonly Competency[] = [
  {
    name: 'ownership',
    pattern: /\b(ownership|own(?:s|ed|ing)? (?:the|our|core|services?|features?|outcomes?|it|problems?)|end[- ]to[- ]end|accountab\w*|took responsibility|self[- ]starter|autonom\w*)\b/i,
    answerPattern: /\b(ownership|owned|took (?:it )?on|took responsibility|volunteered|stepped up|own initiative|nobody (?:owned|else)|I decided to|end to end|accountab\w*)\b/i,
    prompts: ['took ownership of a problem that was not strictly yours to fix', 'owned a piece of work end to end, from the first idea to the result'],
  },
  {
    name: 'incident response',
    pattern: /\b(on[- ]call|incidents?|outages?|emergenc\w*|escalat\w*|deteriorat\w*|crisis|under pressure|production issues?)\b/i,
    answerPattern: /\b(incidents?|outages?|on[- ]call|failing|failed|failures?|went down|broke|roll(?:ed)? ?back|urgent|emergenc\w*|deteriorat\w*|escalat\w*|crisis|pressure)\b/i,
    prompts: ['were in the middle of an incident or emergency where things were going wrong fast', 'had to respond to something urgent going wrong, with little time to think'],
  },
  {
    name: 'mentoring',
    pattern: /\b(mentor\w*|coach\w*|supervis\w*|develop(?:ing)? (?:others|junior|people|staff)|train(?:ing|ed)? (?:new|junior|staff|others|colleagues)|support(?:ing)? (?:junior|newly qualified|students)|teach\w*)\b/i,
    answerPattern: /\b(mentor\w*|coach\w*|taught|teach\w*|train\w*|junior|newly qualified|pair(?:ed|ing)|onboard\w*|supervis\w*|feedback|grow(?:th)?)\b/i,
    prompts: ['helped a less experienced colleague grow, and how you knew it had worked', 'had to give difficult feedback to someone you were mentoring or supervising'],
  },
  {
    name: 'collaboration',
    pattern: /\b(collaborat\w*|work(?:ed|ing)? (?:closely )?with|together|cross[- ]functional|multi[- ]?disciplinary|team ?player|teamwork|partner(?:ing)? with|alongside)\b/i,
    answerPattern: /\b(collaborat\w*|together|cross[- ](?:team|functional)|alongside|partner\w*|colleagues|stakeholders|we agreed|joint\w*|worked (?:closely )?with|other teams?)\b/i,
    prompts: ['had to work closely with people outside your own team to deliver something', 'worked with another team or discipline whose goals pulled against yours'],
  },
  {
    name: 'communication',
    pattern: /\b(communicat\w*|written and verbal|verbal and written|explain\w*|present(?:ing|ations?) to|articulate|design documents?|write and review)\b/i,
    answerPattern: /\b(communicat\w*|explain\w*|present\w*|wrote|written|document\w*|told|spoke|talked|walkthrough|updates?|informed|diagrams?|clarif\w*|listen\w*)\b/i,
    prompts: ['had to explain something complex to someone without your background', 'had a misunderstanding cause a problem, and how you put the communication right'],
  },
  {
    name: 'stakeholder management',
    pattern: /\b(stakeholders?|senior leadership|executives?|manage expectations|expectations|business partners?|families|relatives)\b/i,
    answerPattern: /\b(stakeholders?|expectations|managers?|directors?|clients?|customers?|famil(?:y|ies)|negotiat\w*|agreed|compromise|sponsor)\b/i,
    prompts: ['had to manage someone whose expectations you could not fully meet', 'balanced competing requests from different stakeholders'],
  },
  {
    name: 'leadership',
    pattern: /\b(leadership|lead(?:ing)? (?:a |the )?(?:team|shifts?|incident reviews?|projects?|initiatives?)|in charge|tech(?:nical)? lead|team lead|influenc\w*|drive (?:change|decisions)|raise the bar)\b/i,
    answerPattern: /\b(led|lead|leading|leader\w*|team of|convinc\w*|persuad\w*|aligned|in charge|direction|vision|influenc\w*)\b/i,
    prompts: ['led people toward a goal without having formal authority over them', 'had to make an unpopular decision and bring people with you'],
  },
  {
    name: 'prioritisation',
    pattern: /\b(prioriti[sz]\w*|competing (?:priorities|deadlines|demands)|fast[- ]paced|busy|multiple (?:projects|tasks|patients|priorities)|time management|deadlines?|organi[sz]ed|workload)\b/i,
    // "did the ECG first" is a priority; "my first marathon", "the first time" are not.
    answerPattern: /\b(priorit\w*|deadlines?|trade-?offs?|deferred|postponed|urgent|backlog|schedule|workload|(?<!\b(?:my|the|our|his|her|their|a|its|your) )first|instead)\b/i,
    prompts: ['had more work than time and had to decide what not to do', 'had a priority change suddenly and needed to re-plan'],
  },
  {
    name: 'problem solving',
    pattern: /\b(problem[- ]solv\w*|troubleshoot\w*|debug\w*|root cause|analytical|complex problems?|diagnos\w*|investigat\w*)\b/i,
    answerPattern: /\b(problems?|root cause|debug\w*|investigat\w*|diagnos\w*|figured out|found (?:that|out)|traced|profil\w*|hypothes\w*|fix\w*|solv\w*|cause)\b/i,
    prompts: ['solved a problem whose cause was not obvious at first', 'dug into the root cause of a recurring issue instead of patching it'],
  },
  {
    name: 'customer focus',
    pattern: /\b(customer[- ](?:focus\w*|experience|satisfaction|obsess\w*|needs|service)|customers love|patient[- ](?:centred|centered|experience|safety|flow)|user[- ](?:centred|centered|needs|experience)|client relationships?|service users?|compassion\w*|empath\w*|people we serve)\b/i,
    answerPattern: /\b(customers?|clients?|patients?|users?|service users?|families|relatives|merchants?)\b/i,
    prompts: ['went out of your way for a customer, patient or user, and what difference it made', 'turned an unhappy customer, patient or user around'],
  },
  {
    name: 'attention to detail',
    pattern: /\b(attention to detail|detail[- ]oriented|accuracy|accurate|high standards|compliance|regulated|safety|reliab\w*)\b/i,
    answerPattern: /\b(errors?|mistakes?|double[- ]check\w*|check(?:ed|ing|s)?|audit\w*|accura\w*|safety|safe|detail\w*|caught|spotted|verif\w*|quality|review\w*)\b/i,
    prompts: ['caught a mistake before it caused harm, and what you changed so it would not happen again', 'had to get something exactly right under time pressure'],
  },
  {
    name: 'adaptability',
    pattern: /\b(adapt\w*|ambiguity|changing (?:priorities|requirements)|flexib\w*|learn(?:s|ing)? quickly|quick learner|curious|growth mindset|willingness to learn)\b/i,
    answerPattern: /\b(learn\w*|new|chang\w*|adapt\w*|pivot\w*|quickly|unfamiliar|switch\w*|flexib\w*)\b/i,
    prompts: ['had to learn something new quickly in order to deliver', 'had plans change late and needed to adapt'],
  },
  {
    name: 'conflict resolution',
    pattern: /\b(conflict|disagree\w*|difficult conversations?|challenging (?:behaviour|conversations)|negotiat\w*|push back)\b/i,
    answerPattern: /\b(disagree\w*|conflict\w*|argu\w*|pushed back|push back|tension|compromise|concerns?|objection\w*)\b/i,
    prompts: ['disagreed with a colleague or manager about how something should be done', 'had to resolve a conflict between people you worked with'],
  },
  {
    name: 'data-driven decisions',
    pattern: /\b(data[- ]driven|metrics|KPIs?|measur\w*|evidence[- ]based|analy[sz]e data|insights?)\b/i,
    answerPattern: /\b(data|metrics?|measur\w*|numbers|analy\w*|dashboards?|evidence|experiments?|A\/B)\b/i,
    prompts: ['used data or evidence to change a decision', 'measured whether something you did actually worked'],
  },
];

/** Behavioural themes to fall back on when the job description names none. */
export const DEFAULT_COMPETENCIES = ['problem solving', 'collaboration', 'ownership', 'communication', 'prioritisation', 'adaptability'];

const BY_NAME = new Map(COMPETENCIES.map((c) => [c.name, c] as const));

/** The pattern that recognises a competency in an answer. */
export const answerPatternOf = (c: Competency): RegExp => c.answerPattern ?? c.pattern;

/** Looks a competency up by name. */
export function competencyByName(name: string): Competency | undefined {
  return BY_NAME.get(name.toLowerCase());
}
