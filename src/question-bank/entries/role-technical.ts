/**
 * Role-specific entries for engineering and data roles, plus the role-neutral skill questions
 * that take a {skill} from the job ("How have you used {skill} in production?").
 */
import { entries } from '../build.js';
import type { BankEntry } from '../types.js';
import { ROLE_AREAS } from './role-areas.js';

const ANY_SKILL = entries({
  competency: 'role_skills',
  kind: 'skill',
  prefix: 'role-skill',
  junior: [
    [
      'Tell me about something you built or did with {skill}, in a course, a project or a job. What was the hardest part?',
      [
        'describes the project and its goal',
        'explains specifically how they used the skill',
        'names the hardest problem and how they solved it',
        'states the result and what they would improve',
      ],
    ],
    [
      "The role asks for {skill}, which you haven't used much yet. How would you go about learning it in your first weeks?",
      [
        'relates it to something similar they already know',
        'plans concrete learning steps such as tutorials and a small practice project',
        'learns from the team and its existing work',
        'says how they would know they had become productive',
      ],
      { kind: 'gap' },
    ],
  ],
  mid: [
    [
      'How have you used {skill} in your real day-to-day work? Tell me about a problem it caused and how you solved it.',
      [
        'describes the real setup and its scale',
        'names a specific problem they ran into',
        'explains how they diagnosed and fixed it',
        'says what they would set up differently from the start',
      ],
    ],
    [
      'What are the limitations of {skill}, and when would you choose something else instead?',
      [
        'names concrete limitations from their own experience',
        'names realistic alternatives',
        'explains the criteria for choosing between them',
        'gives an example of making that choice',
      ],
    ],
    [
      'The job description asks for {skill}, and your experience is mostly with something else. What transfers, and what would you need to learn?',
      [
        'identifies the concepts that transfer',
        'is honest about what they would need to learn',
        'gives a concrete plan for closing the gap',
        'gives an example of learning something similar quickly before',
      ],
      { kind: 'gap' },
    ],
  ],
  senior: [
    [
      'How have you helped a team get better at {skill}? What standards or practices did you introduce?',
      [
        "assesses the team's current level and the problems it causes",
        'introduces standards, reviews or training',
        'leads by example in their own work',
        'measures the improvement',
      ],
    ],
    [
      'Tell me about deciding whether and how to adopt {skill} across a team or organisation. What were the trade-offs?',
      [
        'starts from the business or technical need',
        'evaluates alternatives with evidence such as a pilot or prototype',
        'plans adoption, migration and training',
        'reviews the outcome after adoption',
      ],
    ],
    [
      'This role needs senior-level depth in {skill}, where your CV shows less. How would you close that gap while still leading from your first month?',
      [
        'is honest about the size of the gap',
        'leans on adjacent expertise they already have',
        'learns fast through hands-on work and the experts around them',
        'leads by asking good questions and empowering the experts in the team',
      ],
      { kind: 'gap' },
    ],
  ],
});

const FRONTEND = entries({
  competency: 'role_skills',
  kind: 'skill',
  prefix: 'role-frontend',
  tags: ROLE_AREAS.frontend,
  junior: [
    [
      'Tell me about a web interface you built, for a course or in your own time. How did you structure the components and handle the state?',
      [
        'breaks the interface into reusable components',
        'explains where state lives and how it flows between components',
        'handles loading and error states',
        'tests the interface in more than one browser or screen size',
      ],
    ],
    [
      'How do you make sure a web page can be used by someone using only a keyboard or a screen reader?',
      [
        'uses semantic HTML such as buttons, labels and headings',
        'makes everything work with the keyboard with a visible focus',
        'provides text alternatives for images',
        'checks colour contrast',
        'tests with a screen reader or an accessibility checker',
      ],
    ],
  ],
  mid: [
    [
      'A page in your web app feels slow to load and slow to respond. How do you find and fix the causes?',
      [
        'measures with browser developer tools, Lighthouse or Core Web Vitals',
        'shrinks the JavaScript bundle with code splitting and lazy loading',
        'optimises images and caching',
        'avoids unnecessary re-renders and long tasks on the main thread',
        'measures the improvement on real devices',
      ],
    ],
    [
      'If the front end here used a framework you had not worked with, how would you become productive in it quickly, and what would you expect to carry over?',
      [
        'identifies the concepts that carry over, such as components, state and rendering',
        'names the differences they would expect to learn',
        'describes a concrete learning plan such as building a small feature',
        "learns from the team's existing code and conventions",
      ],
      { kind: 'gap' },
    ],
  ],
  senior: [
    [
      'How would you shape the front-end architecture of a large product built by several teams: the design system, shared state and how teams ship independently?',
      [
        'introduces a shared design system and component library with clear ownership',
        'draws boundaries so teams can ship independently, for example separate packages or micro-frontends',
        'sets performance budgets and accessibility standards',
        'weighs consistency against team autonomy',
      ],
    ],
    [
      'Tell me about a major front-end migration you led, such as a framework change or moving to TypeScript. How did you keep shipping features during it?',
      [
        'justifies the migration with concrete problems',
        'migrates incrementally, page by page or module by module',
        'keeps old and new code working together during the transition',
        'tracks progress and measures the benefits',
      ],
    ],
  ],
});

const BACKEND = entries({
  competency: 'role_skills',
  kind: 'skill',
  prefix: 'role-backend',
  tags: ROLE_AREAS.backend,
  junior: [
    [
      'Tell me about an API or server-side program you built. How did it handle requests, data and errors?',
      [
        'describes the endpoints or operations and their inputs',
        'explains how data was stored and retrieved',
        'validates input and returns clear error responses',
        'explains how it was tested',
      ],
    ],
    [
      'What happens when two users update the same record at the same time, and how would you stop one change silently overwriting the other?',
      [
        'explains the lost update problem',
        'uses a transaction with locking, or optimistic concurrency with a version number',
        'tells the user when their change conflicted',
        'tests concurrent updates',
      ],
    ],
  ],
  mid: [
    [
      'How would you design background jobs, such as sending emails or generating reports, so that no job is lost or run twice?',
      [
        'uses a durable queue',
        'makes jobs idempotent so retries are safe',
        'retries with backoff and moves repeated failures to a dead-letter queue',
        'monitors queue depth and job failures',
      ],
    ],
    [
      'How do you change an API that other teams or customers depend on without breaking them?',
      [
        'makes additive, backward-compatible changes',
        'versions the API when a breaking change is unavoidable',
        'deprecates old behaviour with notice and tracks who still uses it',
        'uses contract tests with the consumers',
      ],
    ],
  ],
  senior: [
    [
      'How would you take a backend that handles a thousand requests a minute to one that handles a hundred times that? Where would you look first?',
      [
        'measures the current bottlenecks before changing anything',
        'scales stateless services horizontally behind a load balancer',
        'reduces database load with caching, read replicas and query optimisation',
        'moves slow work onto asynchronous queues',
        'load-tests each step and watches the cost',
      ],
    ],
    [
      'The backend here is built with {skill}. If it is new to you, how would you become effective in it at a senior level, where people expect design decisions from you early?',
      [
        'maps it to similar technologies they know in depth',
        'studies the existing codebase and its conventions before proposing changes',
        'pairs with experienced engineers and asks why past decisions were made',
        'avoids big changes until they understand how it fails in production',
      ],
      { kind: 'gap' },
    ],
  ],
});

const MOBILE = entries({
  competency: 'role_skills',
  kind: 'skill',
  prefix: 'role-mobile',
  tags: ROLE_AREAS.mobile,
  junior: [
    [
      'Tell me about a mobile app you built or worked on. How did you structure the screens and handle data from the network?',
      [
        'describes the main screens and the navigation between them',
        'fetches data asynchronously without freezing the interface',
        'handles loading, errors and having no connection',
        'tests on a real device or an emulator',
      ],
    ],
    [
      'What is different about building for mobile devices compared with the web or desktop?',
      [
        'limited battery, memory and network',
        'app store review and a slower release cycle',
        'many screen sizes and operating system versions',
        'the app lifecycle: background, suspension and permissions',
      ],
    ],
  ],
  mid: [
    [
      'How would you make a mobile app work well offline and sync when the connection returns?',
      [
        'stores data locally in an on-device database',
        'queues the changes made offline',
        'syncs and resolves conflicts when back online',
        'shows users the sync status',
      ],
    ],
    [
      'Users report that the app crashes on some devices, but you cannot reproduce it. What do you do?',
      [
        'uses crash reporting to get stack traces and device details',
        'looks for patterns by operating system version, device model or app version',
        'reproduces it on a matching device or simulator',
        'ships the fix with a staged rollout and watches the crash-free rate',
      ],
    ],
  ],
  senior: [
    [
      'How would you organise releases of a large mobile app built by several teams, so releases are frequent and safe despite app store review?',
      [
        'runs a regular release train',
        'uses feature flags to separate shipping code from launching features',
        'uses staged rollouts while monitoring crashes and key metrics',
        'supports older app versions and forces upgrades when needed',
      ],
    ],
    [
      'The role covers both iOS and Android. If you have mostly worked on one, how would you get up to speed on the other, and when would you recommend a cross-platform framework?',
      [
        'identifies the concepts that transfer between platforms',
        "plans how to learn the other platform's tools and conventions",
        'weighs cross-platform frameworks against native code for performance, team skills and maintenance',
        'supports the recommendation with an example',
      ],
      { kind: 'gap' },
    ],
  ],
});

const DEVOPS = entries({
  competency: 'role_skills',
  kind: 'skill',
  prefix: 'role-devops',
  tags: ROLE_AREAS.devops,
  junior: [
    [
      'What is a container, and why would a team run its applications in containers?',
      [
        'packages the application with its dependencies so it runs the same everywhere',
        'is lighter than a virtual machine because it shares the host kernel',
        'makes deployments repeatable',
        'names a tool such as Docker',
      ],
    ],
    [
      'Tell me about a CI pipeline you set up or used. What did it do on each change?',
      [
        'runs on every push or pull request',
        'builds the code and runs tests and linters',
        'blocks merging when a check fails',
        'explains how deployments were triggered',
      ],
    ],
  ],
  mid: [
    [
      'How do you manage infrastructure as code across several environments, and how do you stop a change from breaking production?',
      [
        'keeps infrastructure definitions in version control with a tool such as Terraform',
        'reviews changes and checks the plan before applying',
        'uses shared modules with separate environments or workspaces',
        'detects and corrects drift',
        'restricts who can apply changes to production',
      ],
    ],
    [
      'A Kubernetes deployment keeps restarting its pods. How would you investigate?',
      [
        'checks the pod status, events and restart reason, such as out of memory or a failed probe',
        'reads the container logs from the previous run',
        'checks resource limits and the liveness and readiness probes',
        'checks recent changes to the image or configuration',
      ],
      { tags: ['kubernetes'] },
    ],
  ],
  senior: [
    [
      'How would you build a platform that lets dozens of product teams deploy and run their services on their own, safely?',
      [
        'provides self-service templates and a paved road for new services',
        'builds in security, monitoring and cost controls by default',
        'defines what the platform team owns and what product teams own',
        'measures adoption and developer experience',
      ],
    ],
    [
      'Cloud costs have doubled in a year while traffic grew by a fifth. How would you bring them under control without hurting reliability?',
      [
        'breaks costs down by service and team with tagging',
        'finds the biggest waste, such as idle or over-provisioned resources',
        'uses autoscaling, rightsizing and reserved or spot capacity',
        'makes teams accountable for their own costs',
        'protects reliability targets while cutting',
      ],
    ],
  ],
});

const DATA_SCIENCE = entries({
  competency: 'role_skills',
  kind: 'skill',
  prefix: 'role-data-science',
  tags: ROLE_AREAS.dataScience,
  junior: [
    [
      'Tell me about a data analysis or machine learning project you did. What question were you answering, and how did you check your results?',
      [
        'states the question clearly',
        'describes cleaning and exploring the data',
        'explains the method or model chosen',
        'validates the results with a held-out test set or sanity checks',
        'states the conclusion and its limits',
      ],
    ],
    [
      'How would you explain overfitting to someone without a statistics background, and how do you guard against it?',
      [
        'explains it as memorising the training data instead of learning the pattern',
        'uses a simple everyday analogy',
        'uses held-out test data or cross-validation',
        'prefers simpler models or regularisation',
      ],
    ],
  ],
  mid: [
    [
      'How would you design and analyse an A/B test for a change to a sign-up page?',
      [
        'defines the hypothesis and the primary metric',
        'calculates the sample size and test duration in advance',
        'randomises users and checks the split is balanced',
        'tests for statistical significance without peeking early',
        'checks guardrail metrics and important segments',
      ],
    ],
    [
      'Tell me about a model you built that went into production. How did you know it was still working months later?',
      [
        'defines the business metric the model was meant to improve',
        'monitors data drift and prediction quality',
        'sets up retraining or alerts',
        'compares the model against a simple baseline',
      ],
    ],
  ],
  senior: [
    [
      'How do you decide whether a business problem needs machine learning at all? Give me an example where you recommended against it.',
      [
        'starts from the business problem and the decision to be made',
        'checks the availability and quality of the data',
        'compares with simple rules or heuristics as a baseline',
        'weighs the cost of maintaining a model and its risks',
        'gives a concrete example',
      ],
    ],
    [
      'How would you build a data science function that the rest of the business trusts and acts on?',
      [
        'aligns the work with business priorities',
        'communicates results and their uncertainty in business terms',
        'sets standards for reproducibility and peer review',
        'measures the impact of decisions informed by the analysis',
      ],
    ],
  ],
});

export const ROLE_TECHNICAL: BankEntry[] = [...ANY_SKILL, ...FRONTEND, ...BACKEND, ...MOBILE, ...DEVOPS, ...DATA_SCIENCE];
