/**
 * Scenario questions for "technical" slots, one per skill category, so a nurse is asked about
 * a deteriorating patient and a backend engineer about a service timing out. Each names the
 * skill and the company so the scenario feels like this job rather than a textbook.
 */
import type { SkillCategory } from '../../analysis/skill-lexicon.js';

type Scenario = (skill: string, at: string) => string;

const SERVICE: Scenario = (s, at) =>
  `Imagine a service you own${at}, built with ${s}, starts timing out under peak load right after a release. How would you find the cause, what would you do in the first hour, and how would you stop it happening again?`;
const CLIENT: Scenario = (s, at) =>
  `Users of a ${s} app${at} report that it feels slow on older phones. How would you find out why, what would you change first, and how would you prove it is faster?`;
const DATABASE: Scenario = (s) =>
  `A critical ${s} query that used to take 50 ms now takes 5 seconds and is slowing down a key page. Walk me through how you would diagnose and fix it, and how you would stop it regressing.`;
const DEPLOY: Scenario = (s, at) =>
  `A deploy involving ${s}${at} fails halfway and leaves production running a mix of old and new versions. What do you do first, how do you recover, and what would you change afterwards?`;
const QUEUE: Scenario = (s) =>
  `Consumers reading from ${s} fall hours behind during a traffic spike and downstream data goes stale. How would you diagnose the lag, recover safely, and design against it, bearing in mind ordering and duplicate messages?`;
const TESTS: Scenario = (s, at) =>
  `The ${s} suite${at} has become flaky and people re-run builds until they pass. How would you make it trustworthy again, and keep it that way?`;
const SECURITY: Scenario = (s) =>
  `A few days before launch, a review finds a serious ${s} weakness in a feature your team built. How would you assess the risk, decide whether to delay, and fix it?`;
const DATA: Scenario = (s, at) =>
  `A ${s} report or model that leaders${at} rely on suddenly shows numbers that look wrong. How would you work out whether it is the data or the logic, and what would you tell people in the meantime?`;
const PRODUCT: Scenario = (s, at) =>
  `Evidence from ${s} contradicts something the team${at} has already committed to. How would you handle it, and how would you decide what to do next?`;
const PRACTICE: Scenario = (s, at) =>
  `You join${at ? at.replace(' at ', ' ') : ' a new team'} and find that ${s} has slipped: work is late and nobody is sure why. What would you look at in your first month, and what would you change first?`;
const SALES: Scenario = (s, at) =>
  `Halfway through the quarter, your numbers${at} are at 60% of target, and ${s} is central to how you work. Walk me through how you would diagnose the shortfall and what you would do in the next four weeks.`;
const MARKETING: Scenario = (s, at) =>
  `A ${s} campaign${at} is spending its budget, but conversions have dropped by a third. How would you find out why, and what would you change?`;
const FINANCE: Scenario = (s, at) =>
  `At month-end, a figure that depends on ${s}${at} does not reconcile and the difference is material. How would you track it down, and what would you put in place so it does not recur?`;
const CARE: Scenario = (s, at) =>
  `It is a busy shift${at}: one of your patients starts to deteriorate while two others also need you. Talk me through what you would do, in order, where ${s} comes into it, and how you would escalate and hand over.`;
const LEARNING: Scenario = (s, at) =>
  `A group of learners${at} is falling behind and your ${s} is not landing with them. How would you find out why, what would you change in the design, and how would you know it had worked?`;
/** A second scenario for any category, so two technical questions never share a script. */
const INCONSISTENT: Scenario = (s, at) =>
  `In your first month${at}, you notice that ${s} is done inconsistently across the team and it is starting to cause mistakes. How would you find out what is going wrong, and what would you change first?`;
const OPERATIONS: Scenario = (s, at) =>
  `A process${at} that relies on ${s} keeps producing errors that customers notice. How would you find the cause and fix it for good?`;

const BY_CATEGORY: Record<SkillCategory, Scenario> = {
  language: SERVICE, backend: SERVICE, frontend: CLIENT, mobile: CLIENT, database: DATABASE, cloud: DEPLOY,
  devops: DEPLOY, messaging: QUEUE, testing: TESTS, security: SECURITY, data: DATA, ml: DATA, product: PRODUCT,
  design: PRODUCT, practice: PRACTICE, management: PRACTICE, sales: SALES, marketing: MARKETING, finance: FINANCE,
  healthcare: CARE, office: OPERATIONS, operations: OPERATIONS, education: LEARNING,
};

/**
 * A realistic scenario question about `skill`, phrased for its category. `ordinal` counts
 * earlier scenarios of the same category in this interview; repeats get a different script.
 */
export function technicalScenario(skill: string, category: SkillCategory, company: string, ordinal = 0): string {
  const scenario = ordinal === 0 ? BY_CATEGORY[category] : INCONSISTENT;
  return scenario(skill, company ? ` at ${company}` : '');
}
