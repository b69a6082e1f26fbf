/**
 * "Technical" means the profession's own craft. For jobs outside software, the technical slots
 * of an interview ask what a practitioner of that profession would be asked — a nurse a
 * clinical scenario, a salesperson a deal walkthrough, a forecast and a lost deal, a teacher or
 * learning designer how they design and check learning — never software or finance questions
 * outside the job. Each question comes with what a strong answer covers.
 */
import type { PlannedQuestion } from '../schemas.js';

interface Craft {
  focus: string;
  text: (at: string) => string;
  keyPoints: readonly string[];
}

const AREAS: Readonly<Record<string, readonly Craft[]>> = {
  nursing: [
    {
      focus: 'clinical prioritisation',
      text: (at) => `It is a busy shift${at}: one of your patients starts to deteriorate while another also needs you. Talk me through what you would do, in order, how you would escalate, and what you would hand over or delegate.`,
      keyPoints: ['assesses the deteriorating patient first with a structured approach such as ABCDE', 'escalates early to the right person with SBAR', 'delegates or defers lower-priority care safely', 'keeps the other patient safe and documents what was done'],
    },
    {
      focus: 'emergency response',
      text: (at) => `A patient in your care${at} goes into cardiac arrest. Walk me through your role in the first minutes, how the team works together, and what you do for the family and your other patients.`,
      keyPoints: ['calls for help and starts basic life support immediately', 'takes a clear role in the resuscitation team', 'keeps accurate records of times and interventions', 'supports the family and keeps other patients safe'],
    },
    {
      focus: 'clinical handover',
      text: (at) => `You are taking over a critically ill patient at handover${at}. What do you check first, what do you ask the nurse handing over, and what would make you escalate straight away?`,
      keyPoints: ['checks airway, breathing, circulation and equipment at the bedside', 'reviews observations, trends, medications and infusions', 'asks about the plan, escalation status and concerns', 'escalates promptly when something does not add up'],
    },
  ],
  sales: [
    {
      focus: 'deal walkthrough',
      text: () => 'Walk me through a deal you won from the first call to signature: how you qualified it, who was involved on the buyer\'s side, the hardest moment, and how you closed it.',
      keyPoints: ['explains how the deal was qualified', 'names the buyers, the champion and the economic buyer', 'describes the hardest moment and how it was handled', 'states the deal size and the outcome'],
    },
    {
      focus: 'forecasting',
      text: (at) => `It is week six of the quarter${at} and your forecast says you will land at 80% of your number. How do you build and defend that forecast, and what do you do in the next four weeks?`,
      keyPoints: ['builds the forecast deal by deal from evidence, not hope', 'separates commit from best case', 'names the actions that would close the gap', 'tells the manager early and honestly'],
    },
    {
      focus: 'lost deal',
      text: () => 'Tell me about a deal you lost that you expected to win. What happened, what signals did you miss, and what do you do differently now?',
      keyPoints: ['describes the deal and why it looked winnable', 'identifies the signals that were missed', 'takes ownership rather than blaming the buyer', 'describes a concrete change to how they sell now'],
    },
  ],
  teaching: [
    {
      focus: 'learning design',
      text: () => 'Walk me through a piece of learning you designed from scratch: how you found out what learners needed, the objectives, the activities, and how you checked that it worked.',
      keyPoints: ['starts from a needs analysis of the learners', 'sets clear, measurable learning objectives', 'chooses activities that fit the objectives', 'evaluates whether learning happened, not just completion'],
    },
    {
      focus: 'learning that is not landing',
      text: (at) => `A course or sequence of lessons you designed${at} is not landing: learners are disengaged and assessment results are poor. How do you find out why, and what do you change?`,
      keyPoints: ['gathers evidence from learners and assessment data', 'diagnoses the cause before changing things', 'changes the design, not just the delivery', 'checks whether the change worked'],
    },
    {
      focus: 'assessment',
      text: () => 'How do you find out whether learners have actually learned something, rather than just completed the activity? Give me an example from your own work.',
      keyPoints: ['uses formative assessment during the learning', 'aligns assessment with the objectives', 'acts on what the assessment shows', 'gives a concrete example with a result'],
    },
  ],
  finance: [
    {
      focus: 'reconciliation',
      text: (at) => `At month-end${at}, a balance does not reconcile and the difference is material. How would you track it down, and what would you put in place so it does not recur?`,
      keyPoints: ['works systematically from the ledger to the source', 'checks timing differences and cut-off', 'documents and corrects the error', 'adds a control so it does not recur'],
    },
    {
      focus: 'forecasting',
      text: () => 'Walk me through how you would build a budget or forecast for a team that has never had one: what you ask, what you model, and how you keep it honest during the year.',
      keyPoints: ['starts from the drivers of cost and revenue', 'agrees assumptions with the budget holder', 'builds scenarios, not one number', 'tracks actuals against it and re-forecasts'],
    },
  ],
  marketing: [
    {
      focus: 'campaign performance',
      text: (at) => `A campaign${at} is spending its budget, but conversions have dropped by a third. How would you find out why, and what would you change?`,
      keyPoints: ['checks tracking and data first', 'breaks the funnel down to find where it drops', 'forms and tests hypotheses', 'reallocates budget based on evidence'],
    },
    {
      focus: 'campaign walkthrough',
      text: () => 'Walk me through a campaign you ran from the brief to the results: the audience, the message, the channels, and what you measured.',
      keyPoints: ['defines the audience and the goal', 'explains the message and channel choices', 'names the metrics used', 'states the results and what was learned'],
    },
  ],
};

/** Role areas (question-bank ROLE_AREAS) that share another area's craft questions. */
const SAME_CRAFT: Readonly<Record<string, string>> = { support: 'sales', projects: 'finance' };

/** The n-th craft question of a role area, or null when the area has none (e.g. engineering). */
export function craftQuestion(area: string | null, ordinal: number, company: string): PlannedQuestion | null {
  if (!area) return null;
  const list = AREAS[area] ?? AREAS[SAME_CRAFT[area] ?? ''];
  const craft = list?.[ordinal % list.length];
  if (!craft || ordinal >= list.length) return null;
  return { kind: 'technical', focus: craft.focus, text: craft.text(company ? ` at ${company}` : ''), keyPoints: [...craft.keyPoints] };
}
