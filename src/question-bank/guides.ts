/**
 * What each competency means and how to practise it this week. The study plan on the progress
 * page shows the guides of the weakest competencies, so every suggestion is a concrete action
 * with a visible result, not advice like "communicate better".
 */
import { COMPETENCY_IDS, competencyLabel, type CompetencyId } from '../interview/definitions.js';
import type { CompetencyGuide } from './types.js';

const GUIDES: Record<CompetencyId, Omit<CompetencyGuide, 'id' | 'label'>> = {
  self_presentation: {
    description: 'Introducing yourself in two minutes so the interviewer knows why you fit this role.',
    practice: [
      'Write a 150-word introduction for one specific job: current role, two achievements with numbers, and why this job is the next step. Say it aloud and time it under two minutes.',
      'Record yourself answering "Tell me about yourself", play it back and cut every sentence that does not point at the job description.',
      'Pick the three CV lines you most want to be asked about and make sure your introduction mentions each of them.',
    ],
  },
  motivation: {
    description: 'Explaining why this company, this role and now, with reasons that are specific to them.',
    practice: [
      "Read the company's last three announcements, product updates or annual report pages and write one sentence on each saying why it matters to you.",
      'Finish the sentence "I want this role rather than a similar one elsewhere because…" three different ways, each naming something only this employer offers.',
      'Prepare three questions for the interviewer that you could not answer from the website, such as how success in the first six months is measured.',
    ],
  },
  teamwork: {
    description: 'Working with others toward a shared result, and making the people around you more effective.',
    practice: [
      'Write one STAR story about delivering something with another team or discipline; name who did what and what you changed in your own way of working.',
      'List the last three times you helped a colleague unblock their work and pick the one with the clearest measurable result to tell in interviews.',
      'Ask a colleague what you could do to make working with you easier, and prepare to describe what you changed as a result.',
    ],
  },
  conflict: {
    description: 'Handling disagreement openly and respectfully, and reaching a decision everyone can commit to.',
    practice: [
      'Write down two disagreements from the last year as STAR stories; for each, name what you conceded and what the outcome was.',
      "For one of those disagreements, write the other person's position in their own words as fairly as you can, then practise opening your answer with it.",
      'Practise the sentence pattern "I disagreed because…, I proposed…, we agreed to…, and the result was…" until you can say it without notes.',
    ],
  },
  leadership: {
    description: 'Setting direction, bringing people with you without relying on authority, and growing others.',
    practice: [
      'Write one story about persuading people you did not manage: what they cared about, how you framed your proposal for them, and what changed.',
      'Offer to mentor or pair with someone less experienced this week, and note what you did that helped them most.',
      'Pick an unpopular decision you made or backed and prepare to explain how you communicated it and how you knew people had accepted it.',
    ],
  },
  ownership: {
    description: 'Taking responsibility for outcomes end to end, including the parts nobody assigned to you.',
    practice: [
      'Find one example where you fixed something that was not strictly your job; write what you noticed, what you did without being asked, and the result.',
      'For a recent piece of work, list what happened after it shipped or was handed over and what you did to check it actually worked.',
      'Practise saying "I" for your own actions and "we" for the team\'s in one story, so the interviewer can tell exactly what you owned.',
    ],
  },
  failure: {
    description: 'Owning mistakes honestly, limiting the damage and changing how you work afterwards.',
    practice: [
      'Choose a real mistake with real consequences (not a disguised strength) and write what went wrong, your share of it, and how you limited the damage.',
      'For that mistake, name one habit or process you changed and find evidence that the change has stuck.',
      'Practise telling the story in under two minutes with at most one sentence of context before your own actions.',
    ],
  },
  prioritisation: {
    description: 'Deciding what matters most when there is more work than time, and saying no well.',
    practice: [
      'Take your current to-do list, rank it by impact and urgency, and write which items you would drop and how you would tell the people affected.',
      'Write one story about a time priorities changed suddenly: what you stopped, who you told, and what the outcome was.',
      'Prepare to name the criteria you use to prioritise (impact, deadline, risk, effort) with one example of each deciding a real choice.',
    ],
  },
  communication: {
    description: 'Explaining clearly to the audience in front of you, in writing and aloud, and listening well.',
    practice: [
      'Explain a complex part of your work to a friend outside your field in three minutes, then ask them to repeat it back and note what they missed.',
      'Rewrite a recent long e-mail or update so the decision or request is in the first two sentences.',
      'Practise answering one interview question in under two minutes with a one-sentence headline first.',
    ],
  },
  stakeholders: {
    description: 'Understanding what different people need, managing expectations and keeping them informed.',
    practice: [
      'Map the stakeholders of one recent project: what each wanted, what they got, and how you kept them informed.',
      'Write one story about telling someone senior news they did not want to hear: how you framed it and what options you offered.',
      'Prepare an example of balancing two conflicting requests, naming the criteria you used to decide.',
    ],
  },
  adaptability: {
    description: 'Learning new things quickly and staying effective when plans, tools or priorities change.',
    practice: [
      'Write down the last thing you had to learn fast for work or study: how you learned it, how long it took and how you knew you were competent.',
      'Spend an hour this week learning a tool or technique from the job description and prepare to describe your approach to learning it.',
      'Prepare a story about a late change of plan, focusing on what you did in the first day after hearing about it.',
    ],
  },
  customer_focus: {
    description: 'Understanding the people you serve and making decisions that improve their experience.',
    practice: [
      'Write one story about turning an unhappy customer, patient or user around: what they needed, what you did and how you knew they were satisfied.',
      'Read ten recent reviews, complaints or support tickets for a product you work on (or the employer\'s product) and list the three biggest themes.',
      'Prepare an example of a decision you changed because of what a customer or user told you.',
    ],
  },
  problem_solving: {
    description: 'Breaking down unclear problems, finding root causes and choosing a solution with reasons.',
    practice: [
      'Write one story about a problem whose cause was not obvious: the hypotheses you had, how you ruled each out and how you confirmed the fix.',
      'Practise thinking aloud on an estimation or puzzle question for five minutes, stating your assumptions before you calculate.',
      'For a recent decision, list the options you rejected and why, so you can explain trade-offs rather than only the choice.',
    ],
  },
  system_design: {
    description: 'Designing systems that meet requirements at scale, and explaining the trade-offs.',
    practice: [
      'Design a URL shortener or rate limiter on paper in 40 minutes: requirements, API, data model, scaling and failure modes; then compare with a published design.',
      'Draw the architecture of a system you worked on from memory and write the one decision you would change today, and why.',
      'Practise estimating load (requests per second, storage per year) for a familiar product out loud before choosing components.',
    ],
  },
  debugging: {
    description: 'Finding the cause of a fault methodically, with evidence rather than guesses.',
    practice: [
      'Write up the hardest bug you fixed: symptoms, hypotheses, the tool or log that gave it away, the fix and how you stopped it recurring.',
      'Practise a debugging tool you rarely use (a profiler, a debugger with breakpoints, git bisect) on a small project this week.',
      'Prepare to explain how you would narrow down an intermittent failure step by step, naming the data you would collect first.',
    ],
  },
  testing: {
    description: 'Choosing what to test and how, so defects are caught early and tests can be trusted.',
    practice: [
      'Take a small feature you built and list the unit, integration and end-to-end tests you would write, saying which risk each one covers.',
      'Find a flaky or slow test in a project you know and write down its cause and how you would fix it.',
      'Prepare a story about a bug that tests missed: why they missed it and what test you added.',
    ],
  },
  data: {
    description: 'Modelling, querying and analysing data, and using evidence to make decisions.',
    practice: [
      'Write a SQL query against a dataset you know that answers a real business question, and explain how you checked the result was right.',
      'Prepare a story where data changed a decision: the question, the data, the analysis and what was done differently.',
      'Design a schema for a small domain (bookings, orders) and write down the indexes you would add and why.',
    ],
  },
  security: {
    description: 'Protecting systems and data: threat awareness, secure defaults and handling sensitive information.',
    practice: [
      'Read the OWASP Top 10 summary and, for three of the risks, write how a system you worked on defends against it.',
      'Threat-model one feature you built: who might attack it, what they would want, and which control stops them.',
      'Prepare an example of handling personal or confidential data carefully, naming the rule or regulation involved.',
    ],
  },
  operations: {
    description: 'Running systems and services reliably: deployment, monitoring, incidents and recovery.',
    practice: [
      'Write a short post-incident review of a real outage or emergency you saw: timeline, impact, cause and the follow-up actions.',
      'List the alerts and dashboards of a system you know and note which would have caught its last incident first.',
      'Prepare to explain how you would roll out a risky change safely: staged rollout, what you would monitor and when you would roll back.',
    ],
  },
  code_quality: {
    description: 'Writing work others can read, review and change safely, and catching mistakes before they matter.',
    practice: [
      'Review a pull request (yours from a month ago counts) and write three comments that explain why, not just what, to change.',
      'Refactor one small function you wrote for readability, then write the one-sentence reason each change makes it easier to maintain.',
      'Prepare a story about catching a mistake before it caused harm and what you changed so it could not happen again.',
    ],
  },
  role_skills: {
    description: 'Depth in the tools, techniques and professional practice the job description asks for.',
    practice: [
      'List the five skills the job description stresses most and, for each, write one concrete example of using it with a measurable result.',
      'Pick the required skill you are weakest in and spend two hours on a small hands-on exercise with it, so you can describe what you built.',
      'For every skill on your CV, prepare a one-minute answer to "what is the hardest thing you have done with it?"',
    ],
  },
};

/** Guides for all competencies, in COMPETENCY_IDS order. */
export const COMPETENCY_GUIDES: readonly CompetencyGuide[] = COMPETENCY_IDS.map((id) => competencyGuide(id));

/** The guide of one competency. */
export function competencyGuide(id: CompetencyId): CompetencyGuide {
  return { id, label: competencyLabel(id), ...GUIDES[id] };
}

