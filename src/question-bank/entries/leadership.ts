/**
 * Leadership, ownership and stakeholder entries. Junior leadership means leading a group
 * project or helping a peer; senior means setting direction, growing leaders and influencing
 * across an organisation.
 */
import { entries } from '../build.js';
import type { BankEntry } from '../types.js';

const LEADERSHIP = entries({
  competency: 'leadership',
  kind: 'behavioral',
  junior: [
    [
      'Tell me about a time you took the lead in a group, club, society or project, even without a formal title. What did you do?',
      [
        'explains why they stepped up and what the group needed',
        'describes concrete actions such as organising tasks, setting a plan or running meetings',
        'involves others rather than doing everything themselves',
        'states the result the group achieved',
      ],
    ],
    [
      'Describe a time you helped someone else learn something. How did you know it had worked?',
      [
        "finds out what the person already knew before explaining",
        'uses examples, practice or demonstrations rather than just telling',
        'checks understanding by letting the person try it themselves',
        'gives evidence that the person could then do it alone',
      ],
    ],
    [
      'Tell me about a time you persuaded a group to try your idea. How did you win them over?',
      [
        'explains the idea and why it was better',
        'addresses the concerns other people had',
        'uses evidence, a demo or a small trial to convince them',
        'states the outcome of trying the idea',
      ],
    ],
    [
      'Tell me about a time you organised an event, activity or piece of work that involved other people. How did you get everyone to do their part?',
      [
        'sets a clear goal and plan',
        "assigns roles based on people's strengths and availability",
        'checks on progress and follows up with people',
        'handles a problem that came up on the day',
        'states how it went and the feedback received',
      ],
    ],
  ],
  mid: [
    [
      'Tell me about a time you led people toward a goal without having formal authority over them.',
      [
        'explains the goal and why it mattered to the people involved',
        'builds support by understanding what each person cared about',
        'creates clarity through a plan, roles or regular updates',
        'handles someone who was not on board',
        'states the measurable result',
      ],
    ],
    [
      'Describe a time you mentored or coached a colleague. What did you do, and how did they grow?',
      [
        "identifies the colleague's specific development need",
        'uses techniques such as pairing, stretch tasks or regular feedback',
        'gives them room to make decisions and mistakes',
        'gives evidence of their growth, such as new responsibilities or independent delivery',
      ],
    ],
    [
      'Tell me about a time you had to make an unpopular decision and bring the team with you.',
      [
        'explains the decision and why it was necessary',
        'listens to objections before and after deciding',
        'communicates the reasoning openly, including the trade-offs',
        'follows up to keep the team committed',
        'states the outcome and how the team felt later',
      ],
    ],
    [
      'Give me an example of delegating something important. How did you decide what to hand over, and how did you support the person?',
      [
        "matches the task to the person's skills and growth goals",
        'agrees clear outcomes and checkpoints rather than micromanaging',
        'stays available for support without taking the work back',
        'states the result and what the person gained',
      ],
    ],
  ],
  senior: [
    [
      'Tell me about a time you set the direction for a team or area that had lost its way. How did you decide the direction, and how did you get people behind it?',
      [
        'diagnoses why the team had lost direction using evidence such as interviews or metrics',
        'sets a clear vision and a small number of priorities',
        'involves the team in shaping the plan to build ownership',
        'tracks progress against measurable goals',
        'states the turnaround result',
      ],
    ],
    [
      'Describe how you have grown other leaders. Give a specific example of someone you developed into a bigger role.',
      [
        "identifies the person's potential and the gap to the next role",
        'creates deliberate opportunities such as leading a project or owning a decision',
        'gives candid feedback and sponsorship with senior people',
        'states where the person is now and how the team benefited',
      ],
    ],
    [
      'Tell me about a time you changed the mind of senior leadership on an important issue.',
      [
        'understands what the leaders cared about and their constraints',
        'builds a case with data, customer evidence or financial impact',
        'gathers allies before the decisive meeting',
        'adapts the proposal to objections',
        'states the decision and its organisation-wide impact',
      ],
    ],
    [
      'How have you dealt with a person on your team who was consistently underperforming? Walk me through what you did and how it ended.',
      [
        'finds the cause of the underperformance before acting',
        'sets clear, written expectations and a timeline',
        'provides support such as coaching, training or a changed scope',
        'acts decisively if there is no improvement, fairly and within process',
        'considers the effect on the rest of the team',
      ],
    ],
  ],
});

const OWNERSHIP = entries({
  competency: 'ownership',
  kind: 'behavioral',
  junior: [
    [
      "Tell me about a time you took responsibility for something that wasn't strictly your job.",
      [
        'describes the problem they noticed that no one else was handling',
        'explains why they decided to act',
        'describes what they did without being asked',
        'states the result and who benefited',
      ],
    ],
    [
      'Describe a project, from university, work or personal time, that you carried from the first idea to the finished result. What were the hardest parts?',
      [
        'describes the idea and the goal they set',
        'explains how they planned and tracked the work',
        'names an obstacle they overcame on their own',
        'states the finished result and how it was used or assessed',
      ],
    ],
    [
      'Tell me about a time you noticed something was going wrong and nobody else seemed to be acting. What did you do?',
      [
        'describes how they noticed the problem',
        'raises the issue with the right person quickly',
        'takes a practical first step to limit the problem',
        'follows up until it was resolved',
      ],
    ],
    [
      'Tell me about a time you kept going with something long after it would have been easy to give up. What kept you going?',
      [
        'describes the goal and the obstacles',
        'keeps going with a plan rather than willpower alone',
        "adapts the approach when something didn't work",
        'states the result and what it took',
      ],
    ],
  ],
  mid: [
    [
      'Tell me about a piece of work you owned end to end. How did you make sure it actually achieved what it was meant to after it was delivered?',
      [
        'defines what success meant before starting',
        'coordinates the people and steps needed from start to finish',
        'checks the result after delivery using data or feedback',
        'fixes what did not work after launch or hand-over',
      ],
    ],
    [
      'Describe a time you fixed a recurring problem that everyone had learned to live with.',
      [
        'describes the recurring problem and its cost over time',
        'investigates the root cause rather than the symptoms',
        'gets the time or support to fix it properly',
        'measures that the problem stopped happening',
      ],
    ],
    [
      'Tell me about a commitment you made that became hard to keep. What did you do?',
      [
        'explains what made the commitment hard',
        'informs the people relying on it early',
        'works out options and picks one with them',
        'delivers on the revised commitment',
      ],
    ],
    [
      'Give me an example of making a decision yourself when you could have escalated it. Why did you decide it was yours to make?',
      [
        'explains the decision and the information available',
        'judges the risk and reversibility of the decision',
        'informs the relevant people of the decision afterwards',
        'states the result and whether they would decide the same way again',
      ],
    ],
  ],
  senior: [
    [
      'Tell me about a problem that sat between teams and that nobody owned. How did you get it owned and solved?',
      [
        'describes the ownership gap and its cost to the organisation',
        'takes the initiative to bring the teams together',
        'secures agreement on a permanent owner and resources',
        'states the outcome and how it stayed fixed',
      ],
    ],
    [
      'Describe a time you were accountable for an outcome you did not fully control. How did you make sure it happened?',
      [
        'identifies the dependencies and the people who controlled them',
        'creates visibility through regular tracking and early warnings',
        'influences or escalates to remove blockers',
        'accepts accountability for the result either way',
      ],
    ],
    [
      'How do you build a culture of ownership in a team, so people act like owners rather than waiting to be told? Give me an example.',
      [
        'gives people clear areas of responsibility with decision rights',
        'shares context such as goals, metrics and customer feedback',
        'recognises initiative and treats honest mistakes as learning',
        'gives a concrete example of someone taking ownership as a result',
      ],
    ],
    [
      'Tell me about a time you stopped or reversed something you had launched because it was not delivering. How did you decide?',
      [
        'defines the success measures it was failing',
        'weighs the cost of continuing against stopping',
        'makes the call openly rather than letting it fade away',
        'handles the impact on customers and the team',
      ],
    ],
  ],
});

const STAKEHOLDERS = entries({
  competency: 'stakeholders',
  kind: 'behavioral',
  junior: [
    [
      'Tell me about a time you had to keep someone, such as a supervisor, tutor, client or customer, updated on work in progress. How did you do it?',
      [
        'agrees how and how often to give updates',
        'reports progress honestly, including problems',
        'adjusts the work based on their feedback',
        'states how satisfied they were with the result',
      ],
    ],
    [
      'Describe a time you had to manage the expectations of someone who wanted more than you could deliver.',
      [
        'understands what they really needed',
        'explains clearly what was and was not possible, and why',
        'offers an alternative or a compromise',
        'states the outcome and their reaction',
      ],
    ],
    [
      'Tell me about a time you had to work for or with more than one person who wanted different things from you.',
      [
        "identifies each person's priorities",
        'makes the conflict visible rather than quietly choosing',
        'agrees an order of work or asks someone to decide',
        'states the result',
      ],
    ],
    [
      'Tell me about a time you had to ask someone more senior for help, information or a decision. How did you approach it?',
      [
        'prepares a clear, specific request',
        'explains the context and why it matters',
        'respects their time by choosing the right moment and channel',
        'follows up and thanks them',
      ],
    ],
  ],
  mid: [
    [
      'Tell me about a time you balanced competing requests from different stakeholders. How did you decide, and how did you communicate it?',
      [
        'lists the stakeholders and what each wanted',
        'uses clear criteria such as impact, urgency or strategy to decide',
        'explains the decision to each stakeholder, especially those who lost out',
        'states the outcome and the stakeholder relationships afterwards',
      ],
    ],
    [
      'Describe a time you had to give a stakeholder bad news, such as a delay or a problem. How did you handle it?',
      [
        'delivers the news early rather than hoping it would resolve',
        'explains the cause and the impact plainly',
        'brings options and a recommendation',
        'agrees next steps and follows through',
      ],
    ],
    [
      'Tell me about a stakeholder who was hard to work with. How did you build a working relationship with them?',
      [
        'understands what drove their behaviour, such as pressure or past experience',
        'adapts communication to their preferences',
        'builds trust with small delivered commitments',
        'states how the relationship changed',
      ],
    ],
    [
      'Give me an example of getting agreement from stakeholders on requirements that were vague or contradictory.',
      [
        'brings the stakeholders together to surface the contradiction',
        'writes down the agreed requirements and decisions',
        'uses prototypes or examples to make requirements concrete',
        'gets explicit sign-off before building',
      ],
    ],
  ],
  senior: [
    [
      'Tell me about managing a high-stakes initiative with executive sponsors who disagreed with each other. How did you keep it moving?',
      [
        "maps each sponsor's goals and concerns",
        'creates a decision forum or escalation path',
        'frames the options with business impact and a recommendation',
        'keeps the initiative moving while the disagreement was resolved',
        "states the outcome and the sponsors' support at the end",
      ],
    ],
    [
      'Describe a time you had to say no to a senior stakeholder or an important customer. How did you do it while keeping the relationship?',
      [
        'understands the need behind their request',
        'explains the no with the reasoning and the trade-off',
        'offers an alternative that met part of the need',
        'states the effect on the relationship afterwards',
      ],
    ],
    [
      'How do you keep a large, varied group of stakeholders aligned over a long programme of work? Give me a concrete example.',
      [
        'segments stakeholders by influence and interest',
        'uses a regular communication rhythm tailored to each group',
        'makes progress, risks and decisions visible in one place',
        'catches misalignment early and resolves it',
      ],
    ],
    [
      'Tell me about a time you represented your team or organisation in a negotiation with another party. What did you aim for, and what did you settle on?',
      [
        "prepares by knowing their own limits and the other side's interests",
        'aims for a mutually beneficial outcome',
        'trades concessions deliberately',
        'states the agreement reached and its long-term effect',
      ],
    ],
  ],
});

export const LEADERSHIP_ENTRIES: BankEntry[] = [...LEADERSHIP, ...OWNERSHIP, ...STAKEHOLDERS];
