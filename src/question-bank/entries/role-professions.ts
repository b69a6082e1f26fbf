/**
 * Role-specific entries outside engineering: product, UX design, nursing, sales, customer
 * support, teaching, finance, marketing and project management. Rehearse is for any job
 * seeker, so these are written with the same care as the technical ones.
 */
import { entries } from '../build.js';
import type { BankEntry } from '../types.js';
import { ROLE_AREAS } from './role-areas.js';

const PRODUCT = entries({
  competency: 'role_skills',
  kind: 'skill',
  prefix: 'role-product',
  tags: ROLE_AREAS.product,
  junior: [
    [
      'Pick a product you use every day. What would you improve about it, and how would you know the change worked?',
      [
        'identifies a specific user problem',
        'proposes a focused solution',
        'defines a success metric',
        'considers the trade-offs or risks of the change',
      ],
    ],
    [
      'How would you find out what users actually need before building a new feature?',
      [
        'talks to users through interviews or observation',
        'looks at data on current behaviour',
        'tests ideas cheaply with prototypes',
        'distinguishes what users say from what they do',
      ],
    ],
  ],
  mid: [
    [
      'Tell me about a feature you shipped that did not have the impact you expected. What did you learn?',
      [
        'states the expected impact and the metric',
        'analyses why the result differed',
        'decides what to do next: iterate, pivot or remove it',
        'changes how they validate ideas before building',
      ],
    ],
    [
      'How do you prioritise a backlog with requests coming from sales, support, engineering and leadership?',
      [
        'uses a framework such as impact versus effort or RICE scoring',
        'ties priorities to product goals and strategy',
        'makes trade-offs transparent to stakeholders',
        'leaves room for technical debt and bugs',
      ],
    ],
  ],
  senior: [
    [
      'How would you set the product strategy for an area where growth has stalled?',
      [
        'diagnoses why growth stalled with data and user research',
        'identifies opportunities and chooses where to focus',
        'sets measurable outcomes',
        'aligns engineering, design and leadership behind the strategy',
        'plans experiments to validate it',
      ],
    ],
    [
      "If you joined as a product manager in a domain you don't know, how would you build enough expertise to make good product calls within three months?",
      [
        'talks to customers and internal experts early',
        'studies the data, competitors and past decisions',
        'makes small decisions first while learning',
        'checks their judgement with domain experts',
      ],
      { kind: 'gap' },
    ],
  ],
});

const DESIGN = entries({
  competency: 'role_skills',
  kind: 'skill',
  prefix: 'role-design',
  tags: ROLE_AREAS.design,
  junior: [
    [
      'Walk me through a design project in your portfolio. What problem were you solving, and how did the design change along the way?',
      [
        'states the user problem',
        'describes the research or insights behind the design',
        'shows the iterations and why each changed',
        'explains the final design decision and its result',
      ],
    ],
    [
      'How would you run a simple usability test, and what would you do with the results?',
      [
        'defines realistic tasks for participants',
        'recruits representative users, knowing five can reveal most problems',
        'observes without leading the participant',
        'prioritises the issues found and iterates on the design',
      ],
    ],
  ],
  mid: [
    [
      'Tell me about a time research changed a design that you or the team believed in.',
      [
        'describes the original assumption',
        'explains the research method used',
        'describes what the research showed',
        'explains how the design changed and the result',
      ],
    ],
    [
      'How do you work with engineers to make sure what ships matches the design intent?',
      [
        'involves engineers early to check feasibility',
        'provides clear specifications including states and edge cases',
        'reviews the implementation and prioritises fixes',
        'uses a shared design system or component library',
      ],
    ],
  ],
  senior: [
    [
      'How would you build and scale a design system across several product teams?',
      [
        'audits existing patterns and inconsistencies',
        'defines governance and how teams contribute',
        'works with engineering on coded components',
        'measures adoption and consistency',
      ],
    ],
    [
      'How do you make the case for investing in design to leaders who think mostly in numbers?',
      [
        'ties design work to business metrics such as conversion or retention',
        'uses evidence from research and experiments',
        'shows the cost of poor design, such as support contacts or drop-off',
        'gives an example of winning that investment',
      ],
    ],
  ],
});

const NURSING = entries({
  competency: 'role_skills',
  kind: 'skill',
  prefix: 'role-nursing',
  tags: ROLE_AREAS.nursing,
  junior: [
    [
      'Tell me about a patient you cared for on placement who taught you something important about nursing.',
      [
        "describes the patient's situation while respecting confidentiality",
        'explains the care they gave',
        'reflects on what they learned',
        'shows how it changed their nursing practice',
      ],
    ],
    [
      "During a shift, a patient's observations start to deteriorate. What do you do?",
      [
        'recognises deterioration using an early warning score such as NEWS2',
        'escalates promptly to the nurse in charge or the doctor using SBAR',
        'stays with the patient and repeats the observations',
        'documents actions and times accurately',
      ],
    ],
    [
      'Newly qualified nurses here give IV medications. If you have not been signed off yet, how would you become competent and safe quickly?',
      [
        "follows the trust's IV competency training and assessment",
        'practises under supervision until signed off',
        'follows medication safety checks every time',
        'asks for help whenever unsure',
      ],
      { kind: 'gap' },
    ],
  ],
  mid: [
    [
      'How do you prioritise care when your caseload is full and two patients need you at the same time?',
      [
        'assesses clinical urgency, for example with an ABCDE assessment',
        'delegates appropriately to healthcare assistants or colleagues',
        'communicates with patients and families about any wait',
        'escalates when the workload becomes unsafe',
      ],
    ],
    [
      'Tell me about a time you noticed a medication error or near miss. What did you do?',
      [
        'makes the patient safe first',
        'informs the nurse in charge and the doctor',
        'reports it through the incident reporting system',
        'is open with the patient in line with the duty of candour',
        'reflects on the learning and shares it',
      ],
    ],
  ],
  senior: [
    [
      'As a senior nurse or ward manager, how would you improve patient safety on a ward where falls are increasing?',
      [
        'analyses the falls data and incident reports',
        'introduces evidence-based interventions such as falls risk assessments and bay nursing',
        'trains and engages the whole team',
        'monitors the falls rate and audits compliance',
      ],
    ],
    [
      'How do you support and develop newly qualified nurses and students while keeping the ward safe?',
      [
        'provides preceptorship and regular supervision',
        'gives regular, specific feedback',
        'matches workload to experience',
        'creates a culture where asking for help is normal',
      ],
    ],
  ],
});

const SALES = entries({
  competency: 'role_skills',
  kind: 'skill',
  prefix: 'role-sales',
  tags: ROLE_AREAS.sales,
  junior: [
    [
      'Sell me something you use every day, but start by finding out what I need.',
      [
        "asks questions to understand the buyer's needs",
        "links the product's features to those needs",
        'handles an objection calmly',
        'asks for the sale or a clear next step',
      ],
    ],
    [
      'How would you research a prospect before a first call, and what would you want to find out on the call?',
      [
        "researches the company, the person's role and recent news",
        'prepares a tailored opening',
        'asks discovery questions about their challenges and goals',
        'agrees a clear next step',
      ],
    ],
  ],
  mid: [
    [
      'Tell me about a deal you won that looked lost. What turned it around?',
      [
        'explains why the deal looked lost',
        'identifies the real decision-maker and the real objection',
        'changes approach based on that',
        'states the deal value and the outcome',
      ],
    ],
    [
      'How do you manage your pipeline so that you hit quota consistently?',
      [
        'keeps enough pipeline coverage relative to quota',
        'qualifies deals with a method such as BANT or MEDDIC',
        'forecasts accurately based on deal stage',
        'spends time on the deals most likely to close',
      ],
    ],
  ],
  senior: [
    [
      'How would you build a sales strategy to break into a new market segment?',
      [
        'analyses the segment and defines the ideal customer profile',
        'defines the positioning and value proposition',
        'plans targets, channels and resources',
        'measures early results and adjusts',
      ],
    ],
    [
      'Tell me about the largest, most complex deal you have closed. How did you manage the people on the buying side?',
      [
        "maps the buying committee and each member's priorities",
        'builds champions inside the account',
        'manages procurement and legal steps',
        'states the deal size and how long it took',
      ],
    ],
  ],
});

const SUPPORT = entries({
  competency: 'role_skills',
  kind: 'skill',
  prefix: 'role-support',
  tags: ROLE_AREAS.support,
  junior: [
    [
      'A customer contacts you, angry that they have been charged twice. Walk me through how you handle the conversation.',
      [
        'acknowledges the frustration and apologises',
        'verifies the details of the charges',
        'explains the refund and its timeline clearly',
        'follows up to confirm it was resolved',
      ],
    ],
    [
      "How do you handle a question you don't know the answer to while the customer is waiting?",
      [
        'is honest that they need to check',
        'uses the knowledge base or asks a colleague',
        'tells the customer when they will hear back',
        'follows up and learns the answer for next time',
      ],
    ],
  ],
  mid: [
    [
      'How do you balance speed and quality when the support queue is very long?',
      [
        'triages by urgency and impact',
        'uses saved replies without losing the personal touch',
        'escalates issues that affect many customers',
        'watches first response time and satisfaction scores',
      ],
    ],
    [
      'Tell me about a time you spotted a pattern in support requests and got the underlying problem fixed.',
      [
        'notices the pattern and counts how often it happens',
        'documents the evidence for the product or engineering team',
        'follows up until it is fixed',
        'measures the drop in contacts afterwards',
      ],
    ],
  ],
  senior: [
    [
      'How would you turn around a support team whose customer satisfaction scores have been falling for months?',
      [
        'analyses satisfaction data and customer comments',
        'identifies root causes such as staffing, process or product issues',
        'introduces changes such as training, better tooling or self-service',
        'measures CSAT and resolution times',
      ],
    ],
    [
      'How would you decide which questions should be answered by self-service help and which need a person, and how would you measure whether it works?',
      [
        'analyses contact reasons by volume and complexity',
        'automates simple, frequent questions',
        'keeps people for complex or emotional cases',
        'measures deflection rate alongside satisfaction',
      ],
    ],
  ],
});

const TEACHING = entries({
  competency: 'role_skills',
  kind: 'skill',
  prefix: 'role-teaching',
  tags: ROLE_AREAS.teaching,
  junior: [
    [
      "Tell me about a lesson you taught on placement that went well and one that didn't. What made the difference?",
      [
        'describes the learning objectives and activities',
        'explains why the successful lesson worked',
        'reflects honestly on the weaker lesson',
        'describes what they changed afterwards',
      ],
    ],
    [
      'How would you manage low-level disruption in a classroom, such as pupils talking while you are teaching?',
      [
        'sets clear expectations and routines',
        'uses proportionate strategies such as proximity, using names and praise',
        'follows the school behaviour policy consistently',
        'builds positive relationships with pupils',
      ],
    ],
    [
      'A pupil tells you something that makes you worried about their safety at home. What do you do?',
      [
        'listens calmly without promising to keep it secret',
        'does not ask leading questions',
        'records what was said accurately and promptly',
        'reports to the designated safeguarding lead the same day',
      ],
    ],
  ],
  mid: [
    [
      'How do you adapt your teaching for pupils with very different abilities in the same class?',
      [
        "uses assessment data to know each pupil's starting point",
        'differentiates tasks and support',
        'uses scaffolding for some pupils and stretch for others',
        'checks progress during the lesson',
      ],
    ],
    [
      'How do you use assessment to find out what pupils have understood, and what do you change as a result?',
      [
        'uses formative assessment such as questioning and exit tickets',
        'identifies misconceptions',
        'adjusts planning in response',
        'gives feedback that pupils act on',
      ],
    ],
  ],
  senior: [
    [
      'As a head of department, how would you raise attainment in a subject where results have been below average?',
      [
        'analyses results data to find where the gaps are',
        'improves curriculum and teaching quality with training',
        'monitors through lesson observations and data',
        'involves pupils and parents',
      ],
    ],
    [
      "How would you support a struggling teacher in your department while protecting the pupils' learning?",
      [
        'identifies the specific areas to improve through observation',
        'agrees a support plan with coaching',
        'sets clear targets and review dates',
        'monitors progress and escalates if it does not improve',
      ],
    ],
  ],
});

const FINANCE = entries({
  competency: 'role_skills',
  kind: 'skill',
  prefix: 'role-finance',
  tags: ROLE_AREAS.finance,
  junior: [
    [
      'Talk me through how the income statement, balance sheet and cash flow statement connect to each other.',
      [
        'net income flows into retained earnings on the balance sheet',
        'the cash flow statement starts from net income and adjusts for non-cash items',
        'changes in working capital affect cash',
        'closing cash matches the cash on the balance sheet',
      ],
      { kind: 'technical' },
    ],
    [
      'Tell me about a time you found an error in a set of figures, in a job, course or placement. How did you trace it?',
      [
        'notices the discrepancy',
        'reconciles the figures against the source',
        'finds the cause of the error',
        'corrects and documents it',
      ],
    ],
  ],
  mid: [
    [
      'How would you build a budget or forecast for a department, and how would you keep it accurate during the year?',
      [
        'uses historical data and business drivers',
        'works with the budget holders',
        'compares actuals with the forecast monthly and explains the variances',
        'reforecasts when circumstances change',
      ],
    ],
    [
      'How do you run a month-end close efficiently and accurately?',
      [
        'works from a checklist with deadlines and owners',
        'completes the reconciliations',
        'posts accruals and prepayments',
        'has the results reviewed and signed off',
        'shortens the close timeline over time',
      ],
    ],
  ],
  senior: [
    [
      'How would you present the financial case for a major investment to the board?',
      [
        'models the costs, benefits and cash flows',
        'uses measures such as NPV, IRR or payback period',
        'tests sensitivities and scenarios',
        'explains the risks and makes a clear recommendation',
      ],
    ],
    [
      "How would you strengthen the finance team's processes and controls in a fast-growing company?",
      [
        'assesses the current processes and control gaps',
        'automates manual processes',
        'strengthens controls such as segregation of duties and approval limits',
        'scales without losing accuracy',
      ],
    ],
  ],
});

const MARKETING = entries({
  competency: 'role_skills',
  kind: 'skill',
  prefix: 'role-marketing',
  tags: ROLE_AREAS.marketing,
  junior: [
    [
      'Tell me about a campaign, social media account or piece of content you created. How did you measure whether it worked?',
      [
        'states the goal and the audience',
        'explains the channel and the content chosen',
        'measures reach, engagement or conversions',
        'says what they learned from the results',
      ],
    ],
    [
      'How would you work out who the target audience is for a new product?',
      [
        'runs market research such as surveys or interviews',
        'analyses existing customer data',
        'studies competitors and their customers',
        'defines personas or segments',
      ],
    ],
  ],
  mid: [
    [
      'How do you decide how to split a marketing budget across channels?',
      [
        'uses data on cost per acquisition and return by channel',
        'tests with small budgets before scaling',
        'considers the stage of the funnel each channel serves',
        'reallocates budget based on performance',
      ],
    ],
    [
      'Tell me about a campaign that underperformed. How did you diagnose it, and what did you change?',
      [
        'compares the results against the targets',
        'analyses the funnel to find where people dropped off',
        'tests changes such as creative, targeting or offer',
        'states the results after the changes',
      ],
    ],
  ],
  senior: [
    [
      'How would you build a marketing strategy to grow a brand in a crowded market?',
      [
        'defines positioning and differentiation',
        'chooses target segments',
        'plans the channel mix and budget',
        'sets measurable objectives',
      ],
    ],
    [
      "How do you prove marketing's contribution to revenue to a sceptical leadership team?",
      [
        'uses attribution models and explains their limits',
        'runs incrementality tests such as holdout groups',
        'ties marketing to pipeline and revenue',
        'reports consistently over time',
      ],
    ],
  ],
});

const PROJECTS = entries({
  competency: 'role_skills',
  kind: 'skill',
  prefix: 'role-projects',
  tags: ROLE_AREAS.projects,
  junior: [
    [
      'Tell me about a project you planned, at university, in a job or in your own time. How did you break it down and keep it on track?',
      [
        'breaks the work into tasks with deadlines',
        'identifies dependencies between tasks',
        'tracks progress against the plan',
        'adjusts the plan when behind',
      ],
    ],
    [
      'What would you do if a team member told you their task would be two weeks late?',
      [
        'understands the cause of the delay',
        'assesses the impact on the plan and the critical path',
        'explores options such as extra help, re-sequencing or reduced scope',
        'tells the stakeholders affected',
      ],
    ],
  ],
  mid: [
    [
      'How do you manage risks on a project? Give me an example of a risk you caught early.',
      [
        'keeps a risk register with likelihood and impact',
        'assigns an owner and a mitigation to each risk',
        'reviews the risks regularly',
        'gives a concrete example of a risk caught early and its outcome',
      ],
    ],
    [
      'How do you handle scope creep when stakeholders keep adding requests?',
      [
        'agrees a baseline scope at the start',
        'assesses each change for its impact on time and cost',
        'has the sponsor decide on changes',
        'communicates the trade-offs clearly',
      ],
    ],
  ],
  senior: [
    [
      'How would you recover a large programme that is over budget and behind schedule?',
      [
        'assesses the true status honestly',
        're-baselines the plan with the sponsors',
        'focuses on the critical path and cuts scope',
        'strengthens governance and reporting',
        'rebuilds team morale',
      ],
    ],
    [
      'How do you run governance and reporting for a portfolio of projects so that leaders can make decisions from it?',
      [
        'reports status, risks and budget consistently across projects',
        'sets clear escalation thresholds',
        'prioritises across the portfolio by value',
        'keeps reporting light enough that teams keep it up to date',
      ],
    ],
  ],
});

export const ROLE_PROFESSIONS: BankEntry[] = [
  ...PRODUCT,
  ...DESIGN,
  ...NURSING,
  ...SALES,
  ...SUPPORT,
  ...TEACHING,
  ...FINANCE,
  ...MARKETING,
  ...PROJECTS,
];
