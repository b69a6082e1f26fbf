/**
 * The frame of an interview: openers (self-presentation), motivation and closing questions.
 * They use {role} and {company} so the offline interviewer can name the job; personalise()
 * replaces them with neutral words when the job does not say.
 */
import { entries } from '../build.js';
import type { BankEntry } from '../types.js';

const SELF_PRESENTATION = entries({
  competency: 'self_presentation',
  kind: 'opener',
  junior: [
    [
      'To start, tell me about yourself: your studies, any work experience, and what led you to apply for a {role} position.',
      [
        'summarises their studies or training and the most relevant parts of it',
        'mentions a project, internship or job that relates to the role',
        'explains what led them to this kind of role',
        'keeps the answer short and focused, around two minutes',
      ],
    ],
    [
      'Walk me through the project you are proudest of, from your course, an internship or your own time. What did you build or achieve?',
      [
        'explains the goal of the project',
        'makes clear what they did personally',
        'names the skills or tools used',
        'states the result, such as a grade, users or feedback',
      ],
    ],
    [
      'What would your classmates, colleagues or managers say are your main strengths? Give me an example of each.',
      [
        'names two or three specific strengths',
        'backs each strength with a concrete example',
        'connects the strengths to the role',
        'is confident without exaggerating',
      ],
    ],
  ],
  mid: [
    [
      'Tell me about yourself, focusing on the experience most relevant to working as a {role}.',
      [
        'gives a short career summary with the most relevant roles',
        'highlights two or three achievements with measurable results',
        'links their experience to the requirements of the role',
        'ends with why this is the right next step',
      ],
    ],
    [
      'Walk me through your career so far. Why did you make each move, and what did each step add?',
      [
        'explains the reason for each move',
        'shows a coherent story of growing skills or responsibility',
        'names what each role added',
        'connects the story to this role',
      ],
    ],
    [
      'What achievement from the last few years best shows what you would bring to this team? Why that one?',
      [
        'describes one achievement in concrete detail',
        'makes clear their personal contribution',
        'quantifies the impact',
        'explains why it is relevant to this team and role',
      ],
    ],
  ],
  senior: [
    [
      'Give me an overview of your career, focusing on the scope you have held and the impact you have had beyond your own team.',
      [
        'describes the scope held, such as team size, budget or systems',
        'highlights organisation-wide impact with numbers',
        'shows the progression in responsibility',
        'connects their experience to what this role needs',
      ],
    ],
    [
      'Tell me about yourself as a leader or senior practitioner: what do people come to you for, and what do you deliberately leave to others?',
      [
        'names the areas where others rely on their judgement',
        'explains what they delegate and why',
        'gives an example of their influence on others',
        'shows self-awareness about their style',
      ],
    ],
    [
      'If you started as a {role} at {company} next month, what would you bring in your first six months that others might not?',
      [
        'names specific strengths or experience rare in candidates',
        'links them to the likely challenges of the role',
        'outlines what they would do in the first months',
        'is realistic about learning the context first',
      ],
    ],
  ],
});

const MOTIVATION = entries({
  competency: 'motivation',
  kind: 'motivation',
  junior: [
    [
      // Not "start your career": the adaptive level can fall to junior for anyone, and an experienced candidate is not starting out.
      'Why do you want to work as a {role}, and what do you hope to learn in your first year in the role?',
      [
        'gives a genuine reason for choosing this field',
        'mentions experiences that confirmed the interest',
        'names specific things they want to learn',
        'shows realistic expectations about the first year',
      ],
    ],
    [
      'What do you know about {company}, and why do you want to work here rather than somewhere similar?',
      [
        'shows research into the company, its products, services or values',
        'names something specific that attracts them',
        'connects the company to their own goals',
        'avoids answers that would fit any employer',
      ],
    ],
    [
      'Where would you like to be in three to five years, and how would this role help you get there?',
      [
        'describes a realistic direction',
        'links the role to developing the skills needed',
        'shows commitment to learning in the role',
        'avoids sounding as if the role is only a stopgap',
      ],
    ],
    [
      'Do you have any questions for me about the role, the team or how you would be supported as a new starter?',
      [
        'asks questions that show they researched the role',
        'asks about training, support or how success is measured',
        'avoids questions already answered in the job advert',
        'asks at least two thoughtful questions',
      ],
      { kind: 'closing' },
    ],
    [
      'Before we finish, is there anything from your studies or experience that we have not talked about and that you would like me to know?',
      [
        'adds a relevant experience not yet covered',
        'connects it to the role',
        'keeps it brief and specific',
      ],
      { kind: 'closing' },
    ],
  ],
  mid: [
    [
      'Why are you looking to move on from your current role, and why does a {role} role at {company} appeal to you now?',
      [
        'gives a positive reason for moving, without criticising the current employer',
        'names specific aspects of this role that attract them',
        'shows knowledge of the company',
        'links the move to their career direction',
      ],
    ],
    [
      'What kind of work gives you the most energy, and how much of that would you expect to do in this role?',
      [
        'describes specific kinds of work they enjoy',
        'gives an example of when they were most engaged',
        'matches that to what the role involves',
        'is honest about parts of the role they find less appealing',
      ],
    ],
    [
      'What would make you stay at {company} for the long term, and what would make you leave?',
      [
        'names growth, impact, people or values that matter to them',
        'is honest about what would make them leave',
        'shows the company seems to offer what they need',
      ],
    ],
    [
      'What would you like to ask us about the team, how success is measured in this role, or anything else?',
      [
        'asks how success will be measured in the first months',
        'asks about the team, its challenges or ways of working',
        'asks questions that show understanding of the business',
        'shows genuine interest in the answers',
      ],
      { kind: 'closing' },
    ],
    [
      'Is there an achievement or skill we have not covered that you think is important for this role?',
      [
        'names a specific achievement or skill not yet discussed',
        'gives brief evidence for it',
        'explains its relevance to the role',
      ],
      { kind: 'closing' },
    ],
  ],
  senior: [
    [
      'Why this role at {company}, at this point in your career? What do you want to have achieved here in two years?',
      [
        'connects the timing to their career arc',
        'shows insight into the company strategy and challenges',
        'sets out ambitious but credible goals for two years',
        'explains why they are the right person for those goals',
      ],
    ],
    [
      'From what you know about {company}, what do you think are the biggest challenges this team or function will face over the next year, and how would you approach them?',
      [
        'identifies credible challenges based on research',
        'proposes an approach while acknowledging limited inside knowledge',
        'prioritises among the challenges',
        'shows how their experience applies',
      ],
    ],
    [
      'What kind of organisation and leadership brings out your best work, and how do you know {company} offers that?',
      [
        'describes the conditions in which they do their best work',
        'gives an example of thriving in such an environment',
        'shows they assessed this company against those conditions',
        'is candid about what would not suit them',
      ],
    ],
    [
      'What questions do you have for me about the strategy, the team or the challenges of this role?',
      [
        'asks about strategy, priorities and how the role contributes to them',
        'asks about decision-making and the support available',
        'asks what would make the first year a success',
        'probes risks or challenges candidly',
      ],
      { kind: 'closing' },
    ],
    [
      'Before we wrap up, is there anything about your experience or how you would approach this role that you want to make sure I have heard?',
      [
        'summarises their strongest qualification for the role',
        'addresses a possible concern proactively',
        'keeps it concise and confident',
      ],
      { kind: 'closing' },
    ],
  ],
});

export const NARRATIVE: BankEntry[] = [...SELF_PRESENTATION, ...MOTIVATION];
