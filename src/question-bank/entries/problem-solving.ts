/**
 * Problem-solving entries: role-neutral, so they suit any job. The classifier falls back to
 * this competency when a question shows no clearer signal.
 */
import { entries } from '../build.js';
import type { BankEntry } from '../types.js';

export const PROBLEM_SOLVING: BankEntry[] = entries({
  competency: 'problem_solving',
  kind: 'behavioral',
  junior: [
    [
      "Tell me about a problem you solved where the answer wasn't obvious at first. How did you work it out?",
      [
        'breaks the problem into smaller parts',
        'considers more than one possible approach',
        "tests ideas and learns from the ones that didn't work",
        'states the solution and the result',
      ],
    ],
    [
      'How many cups of coffee do you think are sold in a large city each day? Talk me through how you would estimate it.',
      [
        'states assumptions clearly, such as the population and the share of coffee drinkers',
        'breaks the estimate into factors that multiply together',
        'does the arithmetic step by step',
        'sanity-checks the answer against something known',
        'says which assumption matters most',
      ],
      { kind: 'technical' },
    ],
    [
      'Describe a time you had to solve a problem with very limited time, money or equipment.',
      [
        'describes the constraint and why it mattered',
        'finds a creative workaround',
        'focuses on what really mattered',
        'states the result',
      ],
    ],
    [
      'Tell me about a time you got stuck on a problem. How did you get unstuck?',
      [
        'recognises being stuck and stops repeating the same approach',
        'tries a different angle such as simplifying the problem or working backwards',
        'asks for help at the right time with a clear question',
        'explains what finally worked',
      ],
    ],
  ],
  mid: [
    [
      'Tell me about a time you dug into the root cause of a recurring problem instead of patching it.',
      [
        'describes the recurring symptom and its cost',
        'uses a structured method such as the five whys or data analysis',
        'identifies the true root cause',
        'implements a lasting fix',
        'measures that the problem stopped',
      ],
    ],
    [
      'Describe a complex problem where you had to choose between several possible solutions. How did you weigh them?',
      [
        'lists the options considered',
        'defines criteria such as cost, risk, time and impact',
        'gathers evidence or builds prototypes to compare them',
        'explains the choice and the trade-off accepted',
        'states the outcome',
      ],
    ],
    [
      'Tell me about a time you solved a problem by looking at it in a completely different way.',
      [
        'describes the usual approach and why it failed',
        'explains how they reframed the problem',
        'shows how the new approach was tested',
        'states the result',
      ],
    ],
    [
      'A process in your team takes far longer than it should and nobody knows why. How would you find out and fix it?',
      [
        'maps the process step by step',
        'measures how long each step takes and where work waits',
        'talks to the people who do the work',
        'targets the biggest bottleneck first',
        'measures the improvement',
      ],
      { kind: 'technical' },
    ],
  ],
  senior: [
    [
      'Tell me about the most complex, ambiguous problem you have been asked to solve. How did you frame it, and how did you know you had solved it?',
      [
        'defines the problem and success criteria when they were unclear',
        'breaks it into workstreams or hypotheses',
        'involves the right experts and stakeholders',
        'makes decisions under uncertainty with checkpoints',
        'measures the outcome against the success criteria',
      ],
    ],
    [
      'Describe a problem spanning several teams or functions where the obvious fix would have made things worse elsewhere. How did you find a better solution?',
      [
        'maps the whole system and the second-order effects',
        'brings the affected parties together',
        'evaluates the trade-offs across teams',
        'chooses the solution that is best for the whole organisation',
      ],
    ],
    [
      'How do you decide whether a problem is worth solving at all? Give me an example where you chose to live with one.',
      [
        'estimates the cost of the problem and the cost of solving it',
        'considers the opportunity cost',
        'explains the decision to the people affected',
        'sets a trigger for revisiting the decision',
      ],
    ],
    [
      'Tell me about a time your first diagnosis of a big problem was wrong. How did you realise, and what did you do?',
      [
        'explains the initial diagnosis and why it seemed right',
        'describes the evidence that contradicted it',
        'changes course openly',
        'changes how they validate hypotheses now',
      ],
    ],
  ],
});
