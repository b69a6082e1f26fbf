/**
 * Prioritisation, communication and customer-focus entries: how someone organises work,
 * explains it, and serves the people it is for. Customer covers patients, pupils, clients and
 * users alike, so the questions suit any role.
 */
import { entries } from '../build.js';
import type { BankEntry } from '../types.js';

const PRIORITISATION = entries({
  competency: 'prioritisation',
  kind: 'behavioral',
  junior: [
    [
      'Tell me about a time you had several deadlines at once, for example coursework, a job and a project. How did you decide what to do first?',
      [
        'lists the competing tasks and their deadlines',
        'ranks them by deadline, importance and effort',
        'plans the time, for example with a schedule or to-do list',
        'states whether every deadline was met and what they would change',
      ],
    ],
    [
      'Describe a time you had to drop or postpone something so you could finish something more important.',
      [
        'explains why the other task mattered more',
        'tells the people affected by the postponed task',
        'states the outcome of both tasks',
        'reflects on whether it was the right call',
      ],
    ],
    [
      'How do you organise your work when a week is busier than usual? Give me a real example of a week like that.',
      [
        'describes a specific system such as a weekly plan, task list or calendar blocking',
        'breaks large tasks into smaller steps',
        'protects time for the most important task',
        'states how the week turned out',
      ],
    ],
    [
      'You have three tasks due on the same day and can only finish two of them well. What do you do?',
      [
        'assesses the importance and consequences of each task',
        'asks the person who set the tasks when priorities are unclear',
        'negotiates a new deadline for one task early rather than at the last minute',
        'delivers two tasks to a good standard rather than three poorly',
      ],
    ],
  ],
  mid: [
    [
      'Tell me about a time you had more work than time and had to decide what not to do. How did you decide, and who did you tell?',
      [
        'names the criteria used, such as impact, urgency, risk and effort',
        'makes the trade-off explicit to their manager or stakeholders',
        'explicitly stops or defers the lower-priority work',
        'states the outcome of the work that was prioritised',
      ],
    ],
    [
      'Describe a time a priority changed suddenly in the middle of your work. How did you re-plan?',
      [
        'understands why the priority changed',
        'pauses the current work cleanly so it could be resumed',
        'updates the plan and tells the people affected',
        'states how quickly the new priority was delivered',
      ],
    ],
    [
      'Tell me about a time you were interrupted constantly by urgent requests. How did you protect the important work?',
      [
        'analyses where the interruptions came from',
        'introduces a mechanism such as a rota, office hours or a request queue',
        'agrees response expectations with the people asking',
        'shows the important work still got done',
      ],
    ],
    [
      'Give me an example of choosing to deliver something smaller or simpler so you could deliver it sooner. Was it the right call?',
      [
        'explains the full version and the smaller version',
        'justifies the cut with the value of delivering early',
        'gets agreement on the reduced scope',
        'states the result and whether the rest was ever needed',
      ],
    ],
  ],
  senior: [
    [
      'How do you decide what your team or department should not do this quarter? Tell me about a real example and how you communicated it.',
      [
        'ties priorities to company goals or strategy',
        'uses a transparent framework such as impact versus cost or a scoring model',
        'says no to specific requests and explains why',
        'revisits the priorities when circumstances change',
        'states the effect on results and focus',
      ],
    ],
    [
      'Tell me about a time you had to choose between investing in long-term improvements and delivering short-term commitments.',
      [
        'quantifies the long-term cost of not investing, such as technical debt or burnout',
        'makes the case to leadership with evidence',
        'finds a balance such as a fixed share of capacity',
        'measures the outcome of the balance chosen',
      ],
    ],
    [
      'Describe a time several senior people each insisted their request was the top priority. How did you resolve it?',
      [
        'brings the competing priorities into one visible list',
        'anchors the decision on agreed goals rather than on who shouts loudest',
        'escalates to a single decision-maker when needed',
        'communicates the final order to everyone',
      ],
    ],
    [
      'Tell me about a time you stopped a project that was already under way because something else mattered more. How did you handle the people and the sunk cost?',
      [
        'explains why the other work mattered more, with evidence',
        'ignores the sunk cost when deciding',
        'handles the team morale and reassignments carefully',
        'preserves what was learned or built for later use',
      ],
    ],
  ],
});

const COMMUNICATION = entries({
  competency: 'communication',
  kind: 'behavioral',
  junior: [
    [
      'Tell me about a time you explained something complicated to someone without your background. How did you make sure they understood?',
      [
        'starts from what the listener already knew',
        'uses an analogy, example or diagram instead of jargon',
        'checks understanding by asking them to explain it back or apply it',
        'states the result of the explanation',
      ],
    ],
    [
      'Describe a presentation you gave, at university, work or elsewhere. How did you prepare, and how did it go?',
      [
        'tailors the content to the audience',
        'structures the talk with a clear main message',
        'rehearses and prepares for questions',
        'states the feedback or result',
      ],
    ],
    [
      'Tell me about a misunderstanding that caused a problem. How did you put it right?',
      [
        'explains how the misunderstanding happened',
        'clears it up directly with the people involved',
        'fixes the consequences',
        'changes how they communicate, for example by confirming agreements in writing',
      ],
    ],
    [
      'Give me an example of a piece of writing you produced, such as a report, essay or documentation, that other people relied on. What made it useful?',
      [
        'describes the audience and its purpose',
        'organises it with a summary first and clear headings',
        'gets feedback on a draft',
        'gives evidence that people used it',
      ],
    ],
  ],
  mid: [
    [
      'Tell me about a time you had to explain a technical or specialist decision to people without your expertise, and what they needed to do with it.',
      [
        'translates the decision into impact the audience cared about, such as cost, risk or time',
        'leaves out unnecessary detail',
        'uses a visual or concrete example',
        'confirms the audience could act on it',
        'states the decision or action that followed',
      ],
    ],
    [
      'Describe a time you had to communicate a difficult message in writing. How did you structure it?',
      [
        'leads with the key message or decision',
        'explains the reasons and the impact on the reader',
        'sets out next steps and who to contact',
        'chooses words to be clear and respectful',
      ],
    ],
    [
      'Give me an example of adapting how you communicated for different audiences about the same piece of work.',
      [
        'names the audiences and what each needed',
        'changes the level of detail, format or channel for each',
        'keeps the core facts consistent',
        'shows the outcome with each audience',
      ],
    ],
    [
      'Tell me about a time you realised you had not listened well enough. What happened, and what do you do differently now?',
      [
        'describes what they missed by not listening',
        'explains the consequence',
        'describes active listening practices they adopted, such as summarising back or asking questions',
        'gives an example of the change in action',
      ],
    ],
  ],
  senior: [
    [
      'Tell me about a time you had to communicate a major change or a difficult decision to a large group. How did you plan the communication?',
      [
        'plans the sequence, telling the people most affected first',
        'explains the why, not just the what',
        'anticipates questions and concerns and prepares answers',
        'provides channels for feedback afterwards',
        'measures how the message landed',
      ],
    ],
    [
      'Describe a written proposal or strategy document you wrote that led to a significant decision. What made it persuasive?',
      [
        'frames the problem and its cost clearly',
        'compares options with trade-offs honestly',
        'makes a clear recommendation',
        'gathers feedback from key readers before the decision',
        'states the decision and its impact',
      ],
    ],
    [
      'How do you make sure important information flows across a large team or organisation, and not only to the people in the room? Give me an example.',
      [
        'sets up written decision records, regular updates or open channels',
        'makes sure information reaches remote and junior staff',
        'checks whether people actually received and understood it',
        'gives an example of a problem this prevented',
      ],
    ],
    [
      'Tell me about a time you represented your team to senior executives or an external audience. How did you prepare, and what was the result?',
      [
        'understands what the audience cared about and their level of detail',
        'keeps the message short with a clear ask or conclusion',
        'handles difficult questions calmly and honestly',
        'states the outcome for the team',
      ],
    ],
  ],
});

const CUSTOMER_FOCUS = entries({
  competency: 'customer_focus',
  kind: 'behavioral',
  junior: [
    [
      'Tell me about a time you helped a customer, patient, user or member of the public with a problem. What did you do?',
      [
        'listens to understand the real problem',
        'takes a concrete action to resolve it',
        'keeps the person informed',
        'states the outcome and how the person felt',
      ],
    ],
    [
      'Describe a time you dealt with someone who was upset or angry with the service they received.',
      [
        'stays calm and acknowledges their frustration',
        'finds out what went wrong',
        'offers a solution or escalates appropriately',
        'states the result and what they learned',
      ],
    ],
    [
      'Tell me about a project where you had to think about the people who would use what you made. How did you find out what they needed?',
      [
        'identifies the intended users',
        'gathers their needs through asking, observing or testing',
        'changes the work based on what they found',
        "states how well the result met the users' needs",
      ],
    ],
    [
      'What does good customer service mean to you? Give me an example of giving it or receiving it.',
      [
        'defines good service concretely, such as listening, speed and follow-through',
        'gives a specific example',
        'explains why it made a difference to the customer',
        'relates it to how they would act in this role',
      ],
    ],
  ],
  mid: [
    [
      'Tell me about a time you changed a decision because of what a customer or user told you.',
      [
        'describes the feedback and how it was gathered',
        'explains the original plan and why it changed',
        'persuades others to make the change',
        'measures the impact on customers or users',
      ],
    ],
    [
      'Describe a time you turned an unhappy customer, client or patient into a satisfied one.',
      [
        'understands the cause of the dissatisfaction',
        'takes ownership of resolving it',
        'goes beyond the minimum fix',
        'states the evidence they were satisfied, such as feedback or retention',
      ],
    ],
    [
      'Tell me about a time what the customer asked for was not what they needed. How did you handle it?',
      [
        'asks questions to uncover the underlying need',
        'explains the alternative tactfully',
        'reaches agreement on the better solution',
        'states the outcome for the customer',
      ],
    ],
    [
      'How have you used customer or user feedback to improve a product, service or process? Give me a specific example.',
      [
        'collects feedback systematically, such as surveys, tickets or interviews',
        'spots a pattern rather than reacting to one complaint',
        'implements a change',
        'measures the improvement, for example in satisfaction scores or fewer complaints',
      ],
    ],
  ],
  senior: [
    [
      'Tell me about a time you had to balance what customers wanted with what the business needed. How did you decide?',
      [
        'articulates the customer need and the business constraint',
        'uses data on customer impact and business value',
        'finds a solution that served both or makes the trade-off explicit',
        'states the long-term result for customers and the business',
      ],
    ],
    [
      'How have you made a whole team or organisation more focused on its customers, patients or users? Give me concrete examples.',
      [
        'introduces practices such as customer visits, feedback reviews or customer metrics in goals',
        'makes customer pain visible to people who rarely saw it',
        'changes decisions or priorities as a result',
        'measures improvement in customer outcomes',
      ],
    ],
    [
      'Describe a time a customer-facing problem affected many people at once. How did you lead the response?',
      [
        'assesses the scale and impact quickly',
        'coordinates the response and proactive customer communication',
        'makes it right for the affected customers',
        'fixes the cause to prevent recurrence',
      ],
    ],
    [
      'Tell me about a time you decided not to build or offer something customers were asking for. Why, and how did you explain it to them?',
      [
        'explains the reasoning, such as strategy, cost or safety',
        'understands the problem behind the request',
        'offers an alternative or workaround',
        'communicates the decision honestly to customers',
      ],
    ],
  ],
});

export const WAYS_OF_WORKING: BankEntry[] = [...PRIORITISATION, ...COMMUNICATION, ...CUSTOMER_FOCUS];
