/**
 * The questions the calibration answers respond to, phrased the way the interviewer asks them,
 * each with the 3–5 key points a strong answer covers (the same shape as a question-bank entry).
 */
import type { PlannedQuestion } from '../../src/ai/schemas.js';
import type { Role } from './contexts.js';

export interface CalibrationQuestion {
  role: Role;
  kind: Exclude<PlannedQuestion['kind'], 'follow_up'>;
  focus: string;
  text: string;
  keyPoints: string[];
}

const question = (q: CalibrationQuestion) => q;

export const Q = {
  swIncident: question({
    role: 'software',
    kind: 'behavioral',
    focus: 'incident response',
    text: 'The job description says "Share the on-call rota and lead incident reviews". Tell me about a time you handled a production incident, ideally from your time at Coppergate Tickets. What was the situation, what did you do, and what was the result?',
    keyPoints: [
      'Restored service first with a rollback or other mitigation',
      'Found the root cause using logs, traces or metrics',
      'Kept stakeholders informed while it was happening',
      'Ran a blameless review and shipped a fix that prevents a repeat',
    ],
  }),
  swPostgres: question({
    role: 'software',
    kind: 'skill',
    focus: 'PostgreSQL',
    text: 'On your CV you mention "Cut checkout p95 latency from 1.4 s to 350 ms by fixing slow queries and adding indexes" at Coppergate Tickets. Walk me through it: what was the situation, what did you personally do with PostgreSQL, and how did you measure the result?',
    keyPoints: [
      'Found the slow queries with EXPLAIN ANALYZE or query statistics',
      'Chose an index or query change and explained why',
      'Measured latency before and after the change',
      'Considered the cost, such as write overhead or locking during the migration',
    ],
  }),
  swKafka: question({
    role: 'software',
    kind: 'technical',
    focus: 'Kafka',
    text: 'We process payment events from Kafka. How would you make sure each payment is processed exactly once in effect, even when a message is delivered twice or a consumer crashes halfway?',
    keyPoints: [
      'Make the handler idempotent with a unique key or deduplication table',
      'Commit the offset only after the work is safely stored',
      'Send messages that keep failing to a dead-letter topic instead of blocking',
      'Monitor consumer lag and duplicate rates',
    ],
  }),
  swConflict: question({
    role: 'software',
    kind: 'behavioral',
    focus: 'conflict resolution',
    text: 'Tell me about a time you disagreed with a colleague about how something should be built. What was the situation, what did you do, and what was the result?',
    keyPoints: [
      "Understood the other person's reasons before pushing back",
      'Used evidence or a small experiment to settle the disagreement',
      'Reached a decision and committed to it',
      'Kept the working relationship good',
    ],
  }),
  swOpener: question({
    role: 'software',
    kind: 'opener',
    focus: 'fit for Backend Engineer',
    text: 'To open, walk me through your path so far, especially your time as Backend Engineer at Coppergate Tickets, and why it prepares you for the Backend Engineer role at Larkspur Pay.',
    keyPoints: [
      'A short summary of relevant experience',
      "Specific past work linked to this role's needs",
      'What they would bring in the first months',
    ],
  }),
  swGapGo: question({
    role: 'software',
    kind: 'gap',
    focus: 'Go',
    text: "The role needs Go, and your CV lists it as something you're learning. What experience do you have with it, and how would you get productive with it in your first months at Larkspur Pay?",
    keyPoints: [
      'Honest about their current level with Go',
      'Related experience that transfers, such as Python services',
      'A concrete plan to get productive, with a timeframe',
      'Evidence of learning a technology quickly before',
    ],
  }),
  daSql: question({
    role: 'data',
    kind: 'skill',
    focus: 'SQL',
    text: 'Your CV lists SQL, and the Data Analyst role at Hollybush Grocers asks for it. Tell me about a specific piece of work where you used SQL: what was the problem, what did you do, and what came of it?',
    keyPoints: [
      'Framed the business question before writing queries',
      'Checked data quality, such as duplicates or missing values',
      'Validated the numbers against a trusted source',
      'Turned the result into a recommendation that people acted on',
    ],
  }),
  daStakeholder: question({
    role: 'data',
    kind: 'behavioral',
    focus: 'data-driven decisions',
    text: 'Tell me about a time your analysis contradicted what a senior manager believed. What was the situation, what did you do, and what was the result?',
    keyPoints: [
      'Double-checked the analysis before challenging anyone',
      'Explained the evidence simply to a non-analyst',
      "Listened to the manager's concerns and context",
      'What was decided and what happened next',
    ],
  }),
  daGapPython: question({
    role: 'data',
    kind: 'gap',
    focus: 'Python',
    text: "The role needs Python, which I don't see on your CV. What experience do you have with it, or with something close to it such as R, and how would you get productive with it in your first months at Hollybush Grocers?",
    keyPoints: [
      'Honest about their current level',
      'The closest related experience, such as R or SQL',
      'A concrete learning plan with a timeframe',
      'Evidence of learning a tool quickly before',
    ],
  }),
  daMotivation: question({
    role: 'data',
    kind: 'motivation',
    focus: 'motivation for Hollybush Grocers',
    text: 'Why Hollybush Grocers, and why now? What do you know about what Hollybush Grocers does, and how does the Data Analyst role fit where you want your career to go over the next few years?',
    keyPoints: [
      'Specific knowledge of the company and its business',
      'A link between their experience and the role',
      'What they want to learn or achieve next',
    ],
  }),
  rnDeterioration: question({
    role: 'nursing',
    kind: 'behavioral',
    focus: 'incident response',
    text: 'This role calls for incident response: the job description mentions "Assess and triage patients, recognise deterioration early using NEWS2 and escalate promptly". Tell me about a time a patient deteriorated on your shift. What was the situation, what did you do, and what was the result?',
    keyPoints: [
      'Spotted the signs early with observations or NEWS2',
      'Escalated promptly to the right person, for example using SBAR',
      'Took immediate actions within their scope of practice',
      'The outcome for the patient and what they learned',
    ],
  }),
  rnPriorities: question({
    role: 'nursing',
    kind: 'behavioral',
    focus: 'prioritisation',
    text: 'The job description says "Prioritise care across several patients in a busy, changing environment". Describe a specific occasion when you had more work than time and had to decide what not to do. What was the situation, what did you do, and what was the result?',
    keyPoints: [
      'Prioritised by clinical need and risk',
      'Delegated tasks appropriately',
      'Told the nurse in charge or the team what was happening',
      'Kept patients safe so nothing essential was missed',
    ],
  }),
  rnMotivation: question({
    role: 'nursing',
    kind: 'motivation',
    focus: 'motivation for Northgate General Hospital',
    text: 'Why do you want to move from a respiratory ward into the Emergency Department at Northgate General Hospital, and why now?',
    keyPoints: [
      'A genuine reason for wanting emergency nursing',
      'Skills from their current ward that transfer',
      'Knowledge of this hospital or department',
      'What they want to develop next',
    ],
  }),
  rnClosing: question({
    role: 'nursing',
    kind: 'closing',
    focus: 'questions for the interviewer',
    text: "We're nearly out of time. What questions do you have about the Staff Nurse role at Northgate General Hospital, and is there anything you'd like to add?",
    keyPoints: [
      'Asks a thoughtful question about the team, training or the role',
      'Adds something relevant that was not covered yet',
      'Shows interest in how success in the role is judged',
    ],
  }),
  saDeal: question({
    role: 'sales',
    kind: 'behavioral',
    focus: 'stakeholder management',
    text: 'Tell me about a deal you won that looked lost. What was the situation, what did you do, and what was the result?',
    keyPoints: [
      'Found out the real reason the deal had stalled',
      "Brought in the right people on the buyer's side",
      "Reshaped the proposal around the buyer's business case",
      'The result in numbers, such as deal size or timeline',
    ],
  }),
  saMissedTarget: question({
    role: 'sales',
    kind: 'behavioral',
    focus: 'missing a sales target',
    text: 'Tell me about a quarter when you missed your target. What happened, what did you change, and what was the result?',
    keyPoints: [
      'Owns the miss without blaming others',
      'Diagnosed the cause from pipeline data',
      'A specific change in how they worked',
      'What happened the next quarter',
    ],
  }),
  saOpener: question({
    role: 'sales',
    kind: 'opener',
    focus: 'fit for Account Executive',
    text: 'Tell me briefly about yourself, focusing on the experience most relevant to the Account Executive role at Tallyworks, and what you would bring in your first months.',
    keyPoints: [
      'A short summary of relevant sales experience',
      'Evidence of results such as quota attainment',
      'Why their experience fits Tallyworks and its buyers',
      'What they would bring in the first months',
    ],
  }),
  pmSayNo: question({
    role: 'product',
    kind: 'behavioral',
    focus: 'prioritisation',
    text: "Tell me about a time you had to say no to a senior stakeholder's feature request. What was the situation, what did you do, and what was the result?",
    keyPoints: [
      'Used a clear prioritisation criterion such as impact on goals',
      'Explained the decision and the trade-off to the stakeholder',
      'Offered an alternative or a later date',
      'The outcome and the relationship afterwards',
    ],
  }),
  pmExperiment: question({
    role: 'product',
    kind: 'technical',
    focus: 'A/B testing',
    text: 'We are redesigning onboarding in the app. How would you decide whether the new onboarding flow is actually better than the old one?',
    keyPoints: [
      'Define one primary success metric tied to the goal of onboarding',
      'Compare with a controlled experiment such as an A/B test',
      'Watch guardrail metrics so nothing else gets worse',
      'Decide sample size, duration and the decision rule up front',
    ],
  }),
  pmClosing: question({
    role: 'product',
    kind: 'closing',
    focus: 'questions for the interviewer',
    text: 'To finish: is there anything from your background that we haven\'t covered and that matters for the Product Manager role at Pebble Health? And what would you like to ask us?',
    keyPoints: [
      'Asks a thoughtful question about the team, product or role',
      'Adds something relevant that was not covered yet',
      'Shows interest in how success in the role is judged',
    ],
  }),

  // Holdout questions: added after the scorer was tuned (see pairs.ts).
  swEscapedBug: question({
    role: 'software',
    kind: 'behavioral',
    focus: 'attention to detail',
    text: 'Tell me about a bug that reached production that your tests should have caught. What was the situation, what did you do, and what was the result?',
    keyPoints: [
      'Explains why the existing tests missed the bug',
      'Fixed it and added a test that reproduces it',
      'Changed the testing approach so similar bugs are caught',
      'Impact on users and how quickly it was resolved',
    ],
  }),
  daDashboard: question({
    role: 'data',
    kind: 'technical',
    focus: 'Power BI',
    text: 'Store managers tell us the availability dashboard in Power BI is slow and confusing. How would you go about improving it?',
    keyPoints: [
      'Asks store managers which decisions they use the dashboard for',
      'Cuts it down to the few measures that matter',
      'Fixes performance, for example by pre-aggregating data or reducing visuals',
      'Checks usage or feedback after the change',
    ],
  }),
  rnRelative: question({
    role: 'nursing',
    kind: 'behavioral',
    focus: 'communication',
    text: 'The job description says "Communicate with compassion to patients and relatives". Tell me about a time you had to deal with an upset or angry relative. What was the situation, what did you do, and what was the result?',
    keyPoints: [
      'Listened and acknowledged their feelings',
      'Explained clearly what was happening, without jargon',
      'Involved the right people, such as the doctor or nurse in charge',
      'How it ended and what they learned',
    ],
  }),
  saMotivation: question({
    role: 'sales',
    kind: 'motivation',
    focus: 'motivation for Tallyworks',
    text: 'Why Tallyworks, and why now? What do you know about what Tallyworks does, and how does the Account Executive role fit where you want your career to go?',
    keyPoints: [
      'Knows what Tallyworks sells and to whom',
      'Links their experience to similar buyers',
      'What they want to achieve next in their career',
    ],
  }),
  pmResearch: question({
    role: 'product',
    kind: 'behavioral',
    focus: 'customer focus',
    text: 'Tell me about a time user research changed what you built. What was the situation, what did you do, and what was the result?',
    keyPoints: [
      'How the research was done and with whom',
      'What they learned that was surprising',
      'How the plan or design changed as a result',
      'The result after launch',
    ],
  }),
} as const;
