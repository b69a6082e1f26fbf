/**
 * Debugging, testing and code-quality entries. Code quality also carries "attention to
 * detail" (the offline theme maps there), so one question per level suits non-engineers.
 */
import { entries } from '../build.js';
import type { BankEntry } from '../types.js';

const DEBUGGING = entries({
  competency: 'debugging',
  kind: 'technical',
  junior: [
    [
      'Tell me about the most difficult bug you fixed in a course, project or internship. How did you find it?',
      [
        'describes the symptom clearly',
        'reproduces the bug reliably',
        'narrows down the cause with print statements, a debugger or logs',
        'explains the root cause and the fix',
        'adds a test or check so the bug does not come back',
      ],
      { kind: 'behavioral' },
    ],
    [
      'Your program gives the wrong answer for some inputs but not for others. How would you find out why?',
      [
        'finds the smallest input that reproduces the problem',
        'compares a working and a failing input to spot the difference',
        'steps through the code or adds logging to inspect the values',
        'forms and tests one hypothesis at a time',
      ],
    ],
    [
      "When you get an error message or stack trace you don't understand, what do you do?",
      [
        'reads the message and finds their own code in the stack trace',
        'searches the documentation or forums for the exact error',
        'isolates the problem in a small example',
        'asks for help, explaining what they have already tried',
      ],
    ],
    [
      'A web page you built works on your machine but not for a colleague or classmate. How would you investigate?',
      [
        'compares the environments: browser, versions, configuration and data',
        'checks the browser console and network requests',
        'reproduces the problem on the failing setup',
        'removes the hidden dependency on their own machine',
      ],
    ],
  ],
  mid: [
    [
      'Tell me about an intermittent bug that was hard to reproduce. How did you track it down?',
      [
        'gathers evidence from logs, metrics or reports to find a pattern',
        'forms hypotheses such as a race condition, timing or specific data',
        'adds instrumentation or extra logging to catch it in the act',
        'confirms the root cause before fixing',
        'verifies the fix and monitors for recurrence',
      ],
      { kind: 'behavioral' },
    ],
    [
      'An endpoint that used to respond in 100 milliseconds now takes two seconds. Walk me through how you would find the cause.',
      [
        'checks what changed recently: deployments, data volume or traffic',
        'uses tracing or profiling to see where the time is spent',
        'examines the database queries and their query plans',
        'checks downstream dependencies and resource saturation such as CPU, memory or connections',
        'confirms the fix with latency metrics such as p95',
      ],
    ],
    [
      'How do you track down a problem in something built with {skill} that you did not build yourself and do not know well?',
      [
        'reads the code path from the entry point to the failure',
        'uses a debugger, logging or tests to observe the behaviour',
        'checks the version history for recent changes, for example with git blame or bisect',
        'asks the original authors a specific question',
      ],
    ],
    [
      "Tell me about a time a fix you made didn't solve the problem. What had you missed?",
      [
        'describes the first fix and why they believed it worked',
        'explains the evidence that showed it had not',
        'identifies the real root cause',
        'changes how they verify fixes now',
      ],
      { kind: 'behavioral' },
    ],
  ],
  senior: [
    [
      'A production problem spans several services and teams, and each team says it is not theirs. How do you lead the investigation?',
      [
        'establishes a timeline and the facts from logs, traces and metrics',
        'follows a request across services with distributed tracing or correlation ids',
        'coordinates the teams with one investigation lead and shared notes',
        'separates mitigating the impact from finding the root cause',
        'drives systemic fixes and shares the findings',
      ],
    ],
    [
      'Tell me about the hardest debugging problem of your career. What made it hard, and what did it teach you about how systems fail?',
      [
        'explains why it was hard, such as non-determinism, scale or missing observability',
        'describes a methodical approach and the key insight',
        'states the root cause precisely',
        'names the wider lesson applied later, such as better instrumentation or a design change',
      ],
      { kind: 'behavioral' },
    ],
    [
      "How would you improve an organisation's ability to diagnose problems quickly? What would you invest in first?",
      [
        'assesses the current time to diagnose using recent incidents',
        'invests in observability: structured logs, metrics and traces',
        'writes runbooks and spreads debugging knowledge across teams',
        'measures improvement such as mean time to recovery',
      ],
    ],
    [
      'A memory or resource leak appears only after days of running under real load. How would you find it?',
      [
        'monitors memory or resource growth over time to confirm the leak',
        'takes heap snapshots or profiles at intervals and compares them',
        'reproduces it faster with a load test',
        'identifies the references or resources that are never released',
        'verifies the fix under long-running load',
      ],
    ],
  ],
});

const TESTING = entries({
  competency: 'testing',
  kind: 'technical',
  junior: [
    [
      'How did you test the code in your last project? What did your tests check, and what did they miss?',
      [
        'describes the kinds of tests written, such as unit tests',
        'gives an example of a specific test case',
        'explains how and when the tests were run',
        'honestly names what was not tested',
      ],
      { kind: 'behavioral' },
    ],
    [
      'A function checks whether a password meets the rules: at least 8 characters, one digit and one capital letter. Which test cases would you write?',
      [
        'tests a password that meets every rule',
        'tests each rule failing on its own',
        'tests boundary cases such as exactly 7 and 8 characters',
        'tests empty input and unusual characters',
      ],
    ],
    [
      'What is the difference between a unit test and an integration test, and when would you write each?',
      [
        'a unit test checks one function or class in isolation',
        'an integration test checks components working together, such as code with a database',
        'unit tests are fast and pinpoint failures',
        'integration tests catch wiring and configuration problems',
      ],
    ],
    [
      'Why might you write tests before or alongside the code rather than at the end? Have you tried it?',
      [
        'explains test-driven development briefly',
        'tests first clarify the requirements before coding',
        'tests make refactoring safer',
        'describes their own experience of trying it',
      ],
    ],
  ],
  mid: [
    [
      'Tell me about a bug that reached users even though there were tests. Why did the tests miss it, and what did you change?',
      [
        'describes the bug and its impact',
        'explains why the tests missed it, such as mocks hiding real behaviour or a missing edge case',
        'adds a test that reproduces the bug',
        'improves the testing approach more widely',
      ],
      { kind: 'behavioral' },
    ],
    [
      'How do you decide what to test, and at which level (unit, integration or end-to-end), for a new feature?',
      [
        'focuses testing on risk and business-critical paths',
        'uses unit tests for logic and edge cases',
        'uses integration tests at boundaries such as databases and APIs',
        'keeps end-to-end tests few and focused on key user journeys',
        'weighs test speed and maintenance cost',
      ],
    ],
    [
      'Your test suite has become slow and some tests fail at random. How would you fix that?',
      [
        'measures which tests are slowest and which are flaky',
        'finds causes of flakiness such as timing, shared state or test order',
        'fixes or quarantines flaky tests rather than retrying blindly',
        'speeds the suite up with parallel runs or by moving checks to lower levels',
        'tracks flakiness over time',
      ],
    ],
    [
      'How do you test code that depends on external services, such as a payment provider or a third-party API?',
      [
        'uses fakes, stubs or mocks at a clear boundary',
        'uses contract tests or recorded responses to check assumptions about the service',
        'tests failure modes such as timeouts and error responses',
        'runs some tests against a sandbox environment',
      ],
    ],
  ],
  senior: [
    [
      'How would you define a testing strategy for an organisation with many teams where releases keep breaking things? Where would you start?',
      [
        'analyses escaped defects to find where they come from',
        'agrees a test pyramid or testing standards with the teams',
        'invests in contract tests between services and quality gates in CI',
        "makes quality each team's responsibility rather than a separate QA phase",
        'measures change failure rate and escaped defects',
      ],
    ],
    [
      'How do you balance delivery speed with test coverage? Give me an example of deciding where not to invest in tests.',
      [
        'explains the risk-based reasoning',
        'gives a concrete example of testing they deliberately reduced',
        'names compensating controls such as monitoring, feature flags or fast rollback',
        'reviews the decision based on outcomes',
      ],
    ],
    [
      'How would you test a system for its behaviour under load and failure, not just its correctness? Tell me about a time you did.',
      [
        'designs load tests with realistic traffic profiles',
        'defines targets such as latency percentiles and throughput',
        'injects failures, for example stopping instances or slowing dependencies',
        'finds and fixes a weakness as a result',
      ],
    ],
    [
      'Tell me about introducing a testing practice, such as TDD, contract testing or property-based testing, to a team that was sceptical.',
      [
        "explains why the practice fitted the team's problems",
        'starts small with a pilot and shows results',
        'addresses objections about speed and effort',
        'measures the effect and how the practice spread',
      ],
      { kind: 'behavioral' },
    ],
  ],
});

const CODE_QUALITY = entries({
  competency: 'code_quality',
  kind: 'technical',
  junior: [
    [
      'What makes code easy to read and maintain? Show me with an example from your own work.',
      [
        'uses meaningful names for variables and functions',
        'keeps functions small and focused on one thing',
        'keeps formatting and structure consistent',
        'writes comments that explain why rather than what',
        'gives a concrete example from their own code',
      ],
    ],
    [
      'Has your code or written work been reviewed by someone else? Tell me about feedback you received and what you changed.',
      [
        'describes how the review worked',
        'quotes specific feedback',
        'explains the change made and why it was better',
        'shows openness to feedback',
      ],
      { kind: 'behavioral' },
    ],
    [
      "Tell me about a time you caught a mistake, in your own work or someone else's, before it caused a problem.",
      [
        'explains how they spotted the mistake, such as double-checking or testing',
        'describes what could have gone wrong',
        'corrects it and tells the people involved',
        'adds a check so it does not happen again',
      ],
      { kind: 'behavioral' },
    ],
    [
      'How do you use version control such as Git day to day? What makes a good commit?',
      [
        'makes small, focused commits',
        'writes clear commit messages that explain why',
        'uses branches and pull requests',
        'resolves merge conflicts carefully',
      ],
    ],
  ],
  mid: [
    [
      "What do you look for when reviewing a colleague's pull request, and how do you give feedback that gets acted on?",
      [
        'checks correctness, tests and edge cases first',
        'checks readability, design and consistency with the codebase',
        'explains the reasoning behind comments and marks which are blocking and which optional',
        'reviews promptly and respectfully',
      ],
    ],
    [
      'Tell me about a time you refactored code that was hard to change. How did you make sure you did not break anything?',
      [
        'explains what made the code hard to change',
        'adds tests before refactoring',
        'refactors in small, safe steps',
        'measures the benefit, such as faster later changes or fewer bugs',
      ],
      { kind: 'behavioral' },
    ],
    [
      'How do you handle technical debt in a codebase under constant delivery pressure? Give me an example.',
      [
        'makes the debt and its cost visible',
        'pays it down incrementally alongside feature work',
        'gets agreement from product or management for dedicated time',
        'gives an example of debt paid off and the result',
      ],
    ],
    [
      "How have you kept quality consistent across a team's work, for example with linters, conventions, checklists or shared patterns?",
      [
        'introduces automated checks such as linters, formatters and type checking in CI',
        'agrees conventions or checklists with the team',
        'documents patterns with examples',
        'shows a measurable effect such as fewer review comments or errors',
      ],
    ],
  ],
  senior: [
    [
      'How do you raise quality across several teams without becoming a bottleneck yourself?',
      [
        'sets standards through guidelines, templates and examples',
        'automates enforcement in CI pipelines',
        'grows reviewers and quality champions in each team',
        'measures quality with defect rates or change failure rate',
      ],
    ],
    [
      'Tell me about deciding whether to rewrite a system or keep improving it. What did you decide, and how did it turn out?',
      [
        "assesses the existing system's problems with evidence",
        'estimates the cost and risk of a rewrite honestly',
        'chooses incremental replacement or a rewrite with clear reasoning',
        'reports the outcome against expectations',
      ],
      { kind: 'behavioral' },
    ],
    [
      'How do you decide which technical debt across a large codebase is worth paying down, and how do you make the case to leadership?',
      [
        'quantifies the cost of the debt in delivery speed, incidents or onboarding time',
        'prioritises debt in the areas that change most often',
        'presents the investment in business terms',
        'tracks the return on the investment',
      ],
    ],
    [
      'How do you design a shared library or platform so that many teams can use it and change it safely?',
      [
        'designs small, stable public interfaces and hides the internals',
        'versions changes and deprecates old behaviour gradually',
        'documents with examples and uses tests as the specification',
        'gathers feedback from the teams that use it',
      ],
    ],
  ],
});

export const TECHNICAL_QUALITY: BankEntry[] = [...DEBUGGING, ...TESTING, ...CODE_QUALITY];
