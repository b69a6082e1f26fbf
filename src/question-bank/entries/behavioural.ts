/**
 * Behavioural entries: teamwork, conflict, failure and adaptability. Junior questions can be
 * answered from study, projects or internships; senior ones ask for scope, ambiguity and
 * influence beyond one team.
 */
import { entries } from '../build.js';
import type { BankEntry } from '../types.js';

const TEAMWORK = entries({
  competency: 'teamwork',
  kind: 'behavioral',
  junior: [
    [
      'Tell me about a group project at university, college or in an internship where the work had to be divided up. How was it split, what was your part, and how did it all come together?',
      [
        'explains how the work was divided between group members and why',
        'names the specific part they delivered themselves',
        'describes how progress was shared and the pieces integrated, such as regular meetings or a shared task board',
        'mentions a problem in the group and how it was handled',
        'states the final result or grade and one lesson about working in a team',
      ],
    ],
    [
      'Describe a time a teammate or classmate was struggling to keep up. What did you notice, and what did you do about it?',
      [
        'describes the signs that the teammate was struggling',
        'asks and listens before taking over any of their work',
        'offers concrete help such as pairing, explaining or splitting the task',
        'lets the teammate keep ownership of their part',
        'states the outcome for the teammate and for the deadline',
      ],
    ],
    [
      'Tell me about a time you worked with someone whose way of working was very different from yours. How did you make it work?',
      [
        'describes the difference in working style concretely, for example planning ahead versus improvising',
        'explains how they adjusted their own approach',
        'agrees a shared way of working with the other person',
        'states the result of the collaboration',
      ],
    ],
    [
      'Have you joined a team, society or project that was already under way? How did you get up to speed and start contributing?',
      [
        'reads existing documents, notes or code and asks questions early',
        'picks a small first task to contribute quickly',
        'builds relationships by finding out who to go to for what',
        'says how long it took to contribute and what the first contribution was',
      ],
    ],
  ],
  mid: [
    [
      'Tell me about a project where you worked closely with another team or discipline to deliver something neither could do alone. How did you keep the work aligned?',
      [
        'names the other team and what each side owned',
        'describes how they stayed aligned, such as a shared plan, regular check-ins or written agreements on hand-offs',
        'handles a dependency or hand-off problem between the teams',
        'states the measurable outcome of the joint delivery',
      ],
    ],
    [
      'Describe a time your team was at risk of missing a deadline. What did you do, beyond your own tasks, to help the team get there?',
      [
        'spots the risk early and raises it openly',
        'takes on work outside their own area or unblocks others',
        'helps the team re-plan or cut scope',
        'states whether the deadline was met or what was renegotiated',
        'names what the team changed afterwards',
      ],
    ],
    [
      'Give me an example of feedback from a colleague that changed how you work with other people.',
      [
        'quotes the feedback specifically',
        'is honest about their first reaction to it',
        'describes the concrete change they made',
        'gives evidence that the change helped the team',
      ],
    ],
    [
      'Tell me about a time you made your team more effective without being asked to.',
      [
        'identifies a specific friction point such as slow reviews, unclear hand-offs or a repetitive manual task',
        'describes the change they introduced, such as a tool, template or practice',
        'explains how they got the team to adopt it',
        'measures the improvement, for example time saved or fewer errors',
      ],
    ],
  ],
  senior: [
    [
      'Tell me about a time two teams were pulling in different directions on a shared goal. How did you get them working as one?',
      [
        'diagnoses the underlying cause of the misalignment, such as incentives, priorities or unclear ownership',
        'brings the teams to an explicit shared goal or written agreement',
        'clarifies ownership and who makes which decisions',
        'shows a lasting outcome beyond the immediate project',
      ],
    ],
    [
      'How have you built a collaborative culture in a team you were part of or led? Give me the concrete practices you introduced and how you knew they worked.',
      [
        'names specific practices such as pairing, blameless reviews, rotating facilitation or shared rotas',
        'explains why those practices suited that particular team',
        'measures the effect with signals such as survey results, cycle time or retention',
        'mentions a practice that did not work and was dropped',
      ],
    ],
    [
      'Describe a situation where your project depended on a team that had no reason to prioritise it. How did you get their help?',
      [
        "learns the other team's priorities and constraints first",
        'frames the request in terms of their goals or offers something in return',
        'escalates only when needed and transparently',
        'states the outcome and the relationship with that team afterwards',
      ],
    ],
    [
      'Tell me about making a team work well across different locations or time zones. What did you change, and what difference did it make?',
      [
        'introduces asynchronous practices such as written decisions and recorded demos',
        'makes meeting times fair, for example by rotating them',
        'makes sure remote members are included in decisions',
        'states a measurable result for delivery or engagement',
      ],
    ],
  ],
});

const CONFLICT = entries({
  competency: 'conflict',
  kind: 'behavioral',
  junior: [
    [
      'Tell me about a time you disagreed with a teammate on a group or university project. How did you handle it?',
      [
        'states the disagreement and both positions clearly',
        "asks for and listens to the teammate's reasoning",
        'proposes a fair way to decide, such as evidence, a quick trial or asking the tutor',
        'states the outcome and how the relationship was afterwards',
      ],
    ],
    [
      'Describe a time you received criticism you thought was unfair. What did you do?',
      [
        'stays calm and does not react defensively in the moment',
        'asks for specific examples to understand the criticism',
        'separates the valid part of the criticism from the rest',
        'acts on the valid part and shows the result',
      ],
    ],
    [
      "Have you worked with someone who wasn't pulling their weight? How did you raise it with them?",
      [
        'talks to the person directly and privately first',
        'describes the impact on the work rather than blaming the person',
        'offers help or agrees clear responsibilities and deadlines',
        'escalates to a tutor or manager only after trying directly',
        'states what happened as a result',
      ],
    ],
    [
      "Tell me about a time you had to tell someone something they didn't want to hear.",
      [
        'prepares the facts before the conversation',
        'chooses a private setting and a good moment',
        'is honest and specific while staying respectful',
        'follows up afterwards to check how things went',
      ],
    ],
  ],
  mid: [
    [
      'Tell me about a time you disagreed with your manager about a decision. What did you do, and how did it end?',
      [
        'raises the disagreement privately, backed by evidence or data',
        "understands the manager's constraints and reasoning",
        'proposes an alternative or a way to test both options',
        'commits to the final decision even when it went the other way',
        'states the result and the effect on the relationship',
      ],
    ],
    [
      'Describe a conflict between two colleagues that affected your work. What part did you play in resolving it?',
      [
        'stays neutral and hears both sides separately',
        'finds the shared goal or the interest underneath each position',
        'helps them agree specific next steps',
        'knows when to involve a manager',
        'states the outcome for the work and the people',
      ],
    ],
    [
      'Tell me about a time you pushed back on a request because you believed it was the wrong thing to do.',
      [
        'explains the concrete risk or reason for pushing back',
        'offers an alternative rather than simply refusing',
        'describes who was involved and how the conversation went',
        'states what was decided and the eventual outcome',
      ],
    ],
    [
      'Give me an example of changing your mind during a disagreement. What convinced you?',
      [
        'describes their original position and the reasoning behind it',
        'names the evidence or argument that changed their mind',
        'acknowledges the change openly to the other person',
        'states the result of going with the other view',
      ],
    ],
  ],
  senior: [
    [
      'Tell me about a long-running disagreement between teams or departments that you helped resolve. What was really driving it?',
      [
        'identifies the root cause, such as conflicting incentives, unclear ownership or resourcing',
        'brings the parties together around data or shared objectives',
        'creates a lasting mechanism such as a decision record, ownership agreement or escalation path',
        'shows the outcome held over time',
      ],
    ],
    [
      'Describe a time you disagreed with a senior leader or executive in front of others. How did you handle it?',
      [
        'judges whether to raise it in the meeting or privately',
        'frames the disagreement around business risk or the shared goal',
        'backs the position with evidence',
        "keeps the leader's credibility and the relationship intact",
        'states the decision and what happened next',
      ],
    ],
    [
      'How have you handled a high performer who was creating friction with everyone around them? Give me a real example.',
      [
        'addresses the behaviour directly with specific examples',
        'treats results and behaviour as both mattering',
        'sets clear expectations and a follow-up date',
        'considers the effect on team morale and retention',
        'states the outcome for the person and the team',
      ],
    ],
    [
      'Tell me about a time you had to decide between two strong opinions, knowing one side would be unhappy with your call.',
      [
        'gets both proposals written down with their trade-offs',
        'states the decision criteria before deciding',
        'explains the decision and the reasoning to both sides',
        'keeps the losing side engaged, for example by giving them ownership of part of the work',
        'reviews later whether the decision was right',
      ],
    ],
  ],
});

const FAILURE = entries({
  competency: 'failure',
  kind: 'behavioral',
  junior: [
    [
      'Tell me about a mistake you made on a project, in a job or during your studies. What happened, and what did you do next?',
      [
        'describes a real mistake with a real consequence, not a disguised strength',
        'takes personal responsibility without blaming others',
        'explains what they did straight away to limit the damage',
        'names the habit or check they changed afterwards',
      ],
    ],
    [
      "Describe a time something you worked hard on didn't turn out the way you hoped, such as a project, an application or an exam.",
      [
        'explains what they expected and what actually happened',
        'analyses honestly why it fell short',
        'describes how they kept going or tried again',
        'states what they would do differently now',
      ],
    ],
    [
      'Tell me about a time you missed a deadline or nearly did. What caused it?',
      [
        'names the real cause, such as underestimating the work or starting late',
        'says when and how they told the people affected',
        'explains how they recovered the situation',
        'describes how they plan or estimate differently now',
      ],
    ],
    [
      'What is a piece of feedback about a weakness of yours that you have actively worked on? Show me the progress.',
      [
        'names a genuine weakness with the feedback that revealed it',
        'describes specific actions taken to improve, such as a course, practice or asking for review',
        'gives evidence of progress, for example a later result or comment',
        'admits what they are still working on',
      ],
    ],
  ],
  mid: [
    [
      'Tell me about a time a decision you made turned out to be wrong. How did you find out, and what did you do?',
      [
        'explains the reasoning behind the decision at the time',
        'describes the signal that showed it was wrong',
        'acts quickly to reverse or contain it',
        'tells the people affected openly',
        'changes how they make similar decisions now',
      ],
    ],
    [
      'Describe a project that failed or was cancelled while you were on it. What was your part in that, and what did you take from it?',
      [
        'explains why the project failed, including factors they controlled',
        'is specific about their own contribution to the failure',
        'describes what they did once the failure was clear',
        'names a concrete practice they have applied since',
      ],
    ],
    [
      'Tell me about a mistake of yours that affected customers, colleagues or users. How did you handle the consequences?',
      [
        'describes the impact on the people affected honestly',
        'explains the immediate fix or mitigation',
        'communicates openly and apologises where appropriate',
        'puts a safeguard in place so it cannot happen the same way again',
      ],
    ],
    [
      'Tell me about a time you realised partway through that you had taken on more than you could deliver. What did you do?',
      [
        'recognises the overcommitment and says when they realised it',
        'raises it early rather than hoping to catch up',
        'renegotiates scope, time or help',
        'changes how they estimate or commit to work',
      ],
    ],
  ],
  senior: [
    [
      'Tell me about the biggest professional failure you were accountable for. What did it cost, and what changed because of it?',
      [
        'quantifies the cost, such as money, time, customers or trust',
        'owns their part as the accountable person without deflecting',
        'describes how they led the recovery and the communication',
        'names the organisational change that followed, not just a personal lesson',
      ],
    ],
    [
      'Describe a strategy or long-term bet you championed that did not work out. How did you decide to stop, and how did you bring people with you?',
      [
        'explains why the bet seemed right with the information available then',
        'describes the evidence and the criteria used to decide to stop',
        'avoids sunk-cost thinking and says how they guarded against it',
        'communicates the decision to the team and leadership honestly',
        'redeploys the people and what was learned',
      ],
    ],
    [
      'How do you make it safe for the people you work with to admit mistakes? Give me an example where that mattered.',
      [
        'describes practices such as blameless reviews or sharing their own mistakes first',
        'gives a concrete case where someone raised a mistake early because of it',
        'explains how the issue was then fixed systemically',
        'balances psychological safety with accountability',
      ],
    ],
    [
      'Tell me about a time you saw a failure coming but could not prevent it. What did you do before and after?',
      [
        'describes the warning signs they saw and when',
        'explains how they raised the risk and to whom',
        'describes the limits of their influence honestly',
        'limits the impact once it happened',
        'changes the process so risks like it get acted on next time',
      ],
    ],
  ],
});

const ADAPTABILITY = entries({
  competency: 'adaptability',
  kind: 'behavioral',
  junior: [
    [
      'Tell me about a time you had to learn something new quickly for a course, project or job. How did you go about it?',
      [
        'names what they had to learn and the deadline',
        'describes a deliberate learning approach such as tutorials, practice projects or asking an expert',
        'explains how they checked they had really understood it',
        'states what they produced with the new knowledge',
      ],
    ],
    [
      'Describe a time your plans changed at the last minute. How did you respond?',
      [
        'describes the change and why it happened',
        'stays calm and re-plans rather than complaining',
        'decides what to keep and what to drop',
        'states the outcome',
      ],
    ],
    [
      'Tell me about a time you were given a task with very unclear instructions. What did you do?',
      [
        'asks clarifying questions about the goal and what done looks like',
        'makes reasonable assumptions and writes them down',
        'checks in early with a draft or first version',
        'adjusts the work after feedback',
      ],
    ],
    [
      'What is the most unfamiliar environment you have worked or studied in, and how did you settle in?',
      [
        'describes what was unfamiliar, such as a country, culture, tool or field',
        'explains specific steps taken to adapt',
        'mentions asking for help or learning from others',
        'shows how they became effective there',
      ],
    ],
  ],
  mid: [
    [
      'Tell me about a time priorities or requirements changed significantly in the middle of your work. How did you adapt?',
      [
        'explains the change and its effect on the work already done',
        'reassesses the plan quickly and salvages what could be reused',
        'communicates the impact on timelines to the people affected',
        'states the outcome of the new plan',
      ],
    ],
    [
      'Describe a time you had to pick up a new tool, language or process to deliver something on time.',
      [
        'names the tool or process and why it was needed',
        'explains how they became productive fast, for example learning only what the task needed first',
        'mentions a mistake made while learning and how it was caught',
        'states what was delivered and the time it took',
      ],
    ],
    [
      'Tell me about a time you had to work with a lot of ambiguity. How did you make progress without clear answers?',
      [
        'breaks the ambiguous goal into questions that could be answered',
        'runs small experiments or prototypes to reduce uncertainty',
        'makes decisions reversible where possible',
        'keeps stakeholders informed of assumptions',
      ],
    ],
    [
      'Tell me about a change at work you initially disagreed with. How did you deal with it?',
      [
        'explains their initial concerns honestly',
        'tries to understand the reasoning behind the change',
        'commits to making it work and raises concerns constructively',
        'reflects on whether their view changed afterwards',
      ],
    ],
  ],
  senior: [
    [
      'Tell me about leading a team or organisation through a major change, such as a reorganisation, a new strategy or a new platform. How did you keep people effective?',
      [
        'explains the change and the case for it',
        'communicates early and often, including what was still unknown',
        'addresses the concerns and resistance of specific groups',
        'tracks whether delivery and morale held up',
        'describes what they adjusted along the way',
      ],
    ],
    [
      'Describe a time the market, the organisation or the technology shifted under a plan you owned. How did you decide what to change?',
      [
        'describes the signal that the world had changed',
        'separates the parts of the plan still valid from those that were not',
        'makes the pivot decision with clear criteria and data',
        'brings stakeholders along with the new direction',
      ],
    ],
    [
      'How do you personally keep learning in your field at a senior level? Give an example where something you learned changed a major decision.',
      [
        'describes specific learning habits such as reading, communities or deliberate experiments',
        'gives a concrete example of new knowledge applied to a significant decision',
        'shows openness to being wrong about established views',
        'spreads the learning to others in the organisation',
      ],
    ],
    [
      'Tell me about a time you had to set direction with incomplete information and high stakes. How did you decide, and how did you adjust later?',
      [
        'explains what was unknown and what it would cost to wait',
        'sets checkpoints or criteria to revisit the decision',
        'communicates the level of confidence honestly',
        'adjusts the direction when new information arrived',
      ],
    ],
  ],
});

export const BEHAVIOURAL: BankEntry[] = [...TEAMWORK, ...CONFLICT, ...FAILURE, ...ADAPTABILITY];
