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
  // ── Issue 12: three more professions ─────────────────────────────────────────────────────
  teBehaviour: question({
    role: 'teaching',
    kind: 'behavioral',
    focus: 'classroom management',
    text: 'The job description says "Manage behaviour consistently in line with the school\'s policy". Tell me about a time a lesson was disrupted by challenging behaviour. What was the situation, what did you do, and what was the result?',
    keyPoints: [
      'Stayed calm and de-escalated without a public confrontation',
      'Followed the school behaviour policy consistently',
      'Kept learning going for the rest of the class',
      'Followed up afterwards with the pupil, tutor or parents',
    ],
  }),
  teData: question({
    role: 'teaching',
    kind: 'skill',
    focus: 'assessment data',
    text: 'Your CV mentions "Raised Year 11 combined science results" at Kingsway School. Walk me through it: how did you use assessment data, what did you change, and how did you measure the result?',
    keyPoints: [
      'Used assessment data to find specific gaps',
      'Changed teaching or ran targeted interventions',
      'Measured progress before and after',
      'Worked with colleagues or shared the approach',
    ],
  }),
  teDesign: question({
    role: 'teaching',
    kind: 'technical',
    focus: 'learning design',
    text: 'Walk me through how you would plan a sequence of lessons on a topic pupils usually find hard, such as moles in chemistry. How do you check they have actually learned it?',
    keyPoints: [
      'Checks prior knowledge and misconceptions first',
      'Breaks the topic into small steps with clear objectives',
      'Uses modelling, worked examples and practice',
      'Uses formative assessment and adapts the plan',
    ],
  }),
  teMotivation: question({
    role: 'teaching',
    kind: 'motivation',
    focus: 'motivation for Oakfield Academy',
    text: 'Why Oakfield Academy, and why now? What do you know about the school, and how does this role fit where you want your career to go?',
    keyPoints: [
      'Knows something specific about the school',
      'Links own experience to what the role needs',
      'Gives a genuine reason for moving now',
    ],
  }),
  fiReconcile: question({
    role: 'finance',
    kind: 'technical',
    focus: 'reconciliation',
    text: 'At month-end at Harbour Foods, a balance sheet control account does not reconcile and the difference is material. How would you track it down, and what would you put in place so it does not recur?',
    keyPoints: [
      'Works systematically from the ledger back to the source transactions',
      'Checks timing differences, cut-off and mis-postings',
      'Corrects and documents the error',
      'Adds a control or review so it does not recur',
    ],
  }),
  fiBudgetHolder: question({
    role: 'finance',
    kind: 'behavioral',
    focus: 'stakeholder management',
    text: 'The job description says "Partner with budget holders on the annual budget". Tell me about a time a budget holder disagreed with the numbers you produced. What was the situation, what did you do, and what was the result?',
    keyPoints: [
      'Listened to the budget holder and understood their concern',
      'Went back to the data and assumptions',
      'Explained the numbers in plain language',
      'Reached an agreed outcome',
    ],
  }),
  fiGapPowerBi: question({
    role: 'finance',
    kind: 'gap',
    focus: 'Power BI',
    text: 'The role involves Power BI, and I couldn\'t see it on your CV. What experience do you have with it, or with something close to it such as Excel, and how would you build on it in your first months at Harbour Foods?',
    keyPoints: [
      'Is honest about current experience',
      'Names related experience such as Power Query or pivot tables',
      'Gives a concrete learning plan with a timeframe',
      'Links it to replacing the spreadsheet packs',
    ],
  }),
  fiOpener: question({
    role: 'finance',
    kind: 'opener',
    focus: 'fit for Management Accountant',
    text: 'Thanks for talking to us about the Management Accountant role at Harbour Foods. Tell me briefly about yourself, focusing on the experience most relevant to this role.',
    keyPoints: [
      'Summarises relevant management accounting experience',
      'Gives one concrete achievement',
      'Links it to manufacturing or this role',
    ],
  }),
  suAngry: question({
    role: 'support',
    kind: 'behavioral',
    focus: 'customer focus',
    text: 'The job description says "Calm, clear communication with upset customers". Tell me about a time you turned an angry customer around. What was the situation, what did you do, and what was the result?',
    keyPoints: [
      'Listened and acknowledged the customer\'s frustration',
      'Took ownership of fixing the problem',
      'Kept the customer updated',
      'States the outcome for the customer',
    ],
  }),
  suCoaching: question({
    role: 'support',
    kind: 'behavioral',
    focus: 'mentoring',
    text: 'The role involves coaching agents through call reviews. Tell me about a time you helped a colleague improve. What was the situation, what did you do, and what was the result?',
    keyPoints: [
      'Identified the specific behaviour to improve',
      'Gave feedback with examples from real contacts',
      'Agreed a plan and followed up',
      'Measured the improvement',
    ],
  }),
  suMetrics: question({
    role: 'support',
    kind: 'skill',
    focus: 'customer service',
    text: 'Your CV mentions "Wrote 30 help-centre articles that cut repeat contacts about router set-up by 22%". Walk me through it: how did you find the problem, what did you do, and how did you measure it?',
    keyPoints: [
      'Found the recurring issue from contact data',
      'Designed the articles around what customers asked',
      'Measured repeat contacts before and after',
      'Shared the insight with other teams',
    ],
  }),
  suClosing: question({
    role: 'support',
    kind: 'closing',
    focus: 'questions for the interviewer',
    text: 'We are nearly at the end. Is there anything from your background we have not covered that matters for this role at Nimbus Home? And what would you like to ask us?',
    keyPoints: [
      'Adds something relevant that was not covered',
      'Asks a thoughtful question about the team or role',
      'Shows interest in how success in the role is measured',
    ],
  }),
  // ── Fourth holdout: questions the scorer was never tuned on ─────────────────────────────
  swReview: question({
    role: 'software',
    kind: 'behavioral',
    focus: 'communication',
    text: "Tell me about a time you had to give a colleague critical feedback on their code or design. What was the situation, what did you do, and what was the result?",
    keyPoints: [
      'Gave the feedback privately and early, with specific examples',
      'Explained the reasoning or risk, not just the preference',
      'Listened to the other person and stayed open to being wrong',
      'Says what changed afterwards in the code or the working relationship',
    ],
  }),
  daQuality: question({
    role: 'data',
    kind: 'technical',
    focus: 'data quality',
    text: "A supplier sends Hollybush a weekly sales file, and this week its totals are 8% higher than our own till data. How would you work out which one is right, and what would you do about it?",
    keyPoints: [
      'Compares the two sources at a finer level such as store, day or product to find where they differ',
      'Checks for duplicates, returns, date or time-zone differences and changed definitions',
      'Confirms the finding with the supplier or the owner of the till data',
      'Adds a check so the difference is caught automatically next time',
    ],
  }),
  rnMedication: question({
    role: 'nursing',
    kind: 'behavioral',
    focus: 'attention to detail',
    text: 'Safe medicines management is part of this role. Tell me about a time you noticed a medication error or a near miss. What was the situation, what did you do, and what was the result?',
    keyPoints: [
      'Made the patient safe first and checked for harm',
      'Escalated to the nurse in charge and the prescriber',
      'Reported it through the incident system honestly',
      'Says what changed in practice to stop it happening again',
    ],
  }),
  saDiscovery: question({
    role: 'sales',
    kind: 'technical',
    focus: 'sales qualification',
    text: 'Walk me through how you would run a first discovery call with the finance director of a 300-person company that is looking at Tallyworks. What would you want to find out, and how?',
    keyPoints: [
      'Asks open questions about the current payroll and expenses process and its pain',
      'Quantifies the cost of the problem in time or money',
      'Finds out who else is involved in the decision and how they buy',
      'Agrees a clear next step with a date',
    ],
  }),
  pmConflict: question({
    role: 'product',
    kind: 'behavioral',
    focus: 'collaboration',
    text: 'Tell me about a time engineering and another team wanted different things from your roadmap. What was the situation, what did you do, and what was the result?',
    keyPoints: [
      "Understood what each side needed and why",
      'Made the trade-off visible with evidence or a shared goal',
      'Reached a decision and explained it to both sides',
      'Says how it turned out and what they would repeat',
    ],
  }),
  teParent: question({
    role: 'teaching',
    kind: 'behavioral',
    focus: 'communication',
    text: 'Tell me about a difficult conversation you had with a parent or carer. What was the situation, what did you do, and what was the result?',
    keyPoints: [
      'Listened to the parent and acknowledged their concern',
      'Explained the facts and the school policy clearly',
      'Agreed a plan and followed up',
      "Kept the pupil's interests at the centre",
    ],
  }),
  fiError: question({
    role: 'finance',
    kind: 'behavioral',
    focus: 'attention to detail',
    text: 'Tell me about a time you found a significant error in the numbers late in the month-end or reporting process. What was the situation, what did you do, and what was the result?',
    keyPoints: [
      'Quantified the error and its impact before acting',
      'Told the people relying on the numbers promptly and honestly',
      'Corrected it and checked nothing else was affected',
      'Changed a control or process so it would not recur',
    ],
  }),
  suOutage: question({
    role: 'support',
    kind: 'technical',
    focus: 'incident response',
    text: 'Imagine a firmware update leaves thousands of Nimbus thermostats offline and 300 customers contact the team in the first hour. As team lead, what do you do?',
    keyPoints: [
      'Gets the facts from engineering and a single clear message for customers',
      'Sets up a status page, banner or recorded message to reduce contacts',
      'Organises the team: who handles which channel, and priority for vulnerable customers',
      'Keeps customers and the team updated and reviews afterwards',
    ],
  }),
} as const;
