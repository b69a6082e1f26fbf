/**
 * Security and operations entries. Operations covers deployment, monitoring and incidents;
 * one question per level is about acting under pressure in any job, because the offline theme
 * "incident response" (emergencies on a ward as much as outages) maps here.
 */
import { entries } from '../build.js';
import type { BankEntry } from '../types.js';

const SECURITY = entries({
  competency: 'security',
  kind: 'technical',
  junior: [
    [
      'How would you store user passwords in an application you were building, and why?',
      [
        'never stores passwords in plain text',
        'uses a slow, salted hashing algorithm such as bcrypt or Argon2',
        'explains why salts defeat precomputed attacks',
        'limits the rate of login attempts',
      ],
    ],
    [
      'What is SQL injection, and how do you prevent it in your code?',
      [
        'explains that untrusted input ends up executed as part of a query',
        'uses parameterised queries or prepared statements',
        'validates input',
        'gives the database account only the privileges it needs',
      ],
    ],
    [
      'Tell me about a time you handled personal or confidential information, in a job, placement or project. How did you keep it safe?',
      [
        'recognises the information as sensitive',
        "follows the rules, such as GDPR or the organisation's policy",
        'limits access and sharing to the people who need it',
        'stores and disposes of it securely',
      ],
      { kind: 'behavioral' },
    ],
    [
      'Where should secrets such as API keys and database passwords live in a project, and where should they never be?',
      [
        'never commits secrets to source control',
        'uses environment variables or a secrets manager',
        'rotates a secret that has leaked',
        'limits the permissions of each key',
      ],
    ],
  ],
  mid: [
    [
      'Walk me through how you would secure a new public API that handles customer data.',
      [
        'authenticates callers with a standard such as OAuth 2.0 or signed tokens',
        'authorises every request per resource, checking the caller may access that data',
        'validates input and encodes output to prevent injection',
        'uses TLS and rate limiting',
        'logs security events without logging sensitive data',
      ],
    ],
    [
      'Tell me about a security vulnerability you found or fixed. How was it discovered, and what did you do?',
      [
        'describes the vulnerability and its potential impact',
        'explains how it was discovered',
        'fixes it and checks for the same pattern elsewhere',
        'adds a test or control so it cannot return',
      ],
      { kind: 'behavioral' },
    ],
    [
      'How do you stop third-party dependencies from becoming a security risk?',
      [
        'uses automated dependency scanning and alerts',
        'updates dependencies on a regular schedule',
        'evaluates new dependencies for maintenance and trustworthiness',
        'pins versions with lockfiles',
      ],
    ],
    [
      'What is cross-site scripting, and how does a web application defend against it?',
      [
        "explains an attacker's script running in a victim's browser through injected content",
        'escapes output for its context and uses templates that escape by default',
        'sets a Content Security Policy',
        'marks session cookies HttpOnly to limit the damage',
      ],
    ],
  ],
  senior: [
    [
      'How would you run threat modelling for a new product or major feature? Walk me through it with an example.',
      [
        'maps the assets, data flows and trust boundaries',
        'identifies threats systematically, for example with STRIDE',
        'prioritises threats by likelihood and impact',
        'agrees mitigations with owners and tracks them',
        'revisits the model when the design changes',
      ],
    ],
    [
      'Tell me how you would lead the first hours of a security incident or data breach, drawing on one you have seen if you can.',
      [
        'contains the incident first, for example by revoking credentials or isolating systems',
        'preserves evidence for the investigation',
        'assesses which data and users were affected',
        'meets legal notification duties such as the 72-hour GDPR deadline',
        'communicates honestly with affected users and leadership',
      ],
    ],
    [
      'How do you build security into the way teams work, rather than treating it as a gate at the end?',
      [
        'provides secure defaults and approved libraries that make the safe way the easy way',
        'automates security scanning in CI',
        'trains security champions in each team',
        'involves security early in design reviews',
        'measures open vulnerabilities and the time to fix them',
      ],
    ],
    [
      'How would you design access control for a growing organisation so that people have what they need and no more?',
      [
        'applies least privilege with role-based access',
        'uses single sign-on and multi-factor authentication',
        'reviews access regularly and removes it automatically when people leave',
        'logs and audits privileged actions',
      ],
    ],
  ],
});

const OPERATIONS = entries({
  competency: 'operations',
  kind: 'technical',
  junior: [
    [
      'Describe, step by step, what happens when code from a project you know is deployed so that people can use it.',
      [
        'describes building and packaging the code',
        'mentions automated tests running before deployment',
        'explains how the new version is released to servers or hosting',
        'checks that it works after the release',
      ],
    ],
    [
      'If a website you had built suddenly stopped working, what would you check first?',
      [
        'confirms the problem and how many people it affects',
        'checks recent changes such as a deployment',
        'reads the logs and error messages',
        'checks whether the server, database or hosting is up',
        'keeps users or the team informed',
      ],
    ],
    [
      'Tell me about a time something went wrong under time pressure, in a job, placement or project, and you had to act fast.',
      [
        'describes the urgent situation',
        'stays calm and does the most urgent thing first',
        'involves the right people',
        'states the outcome and what they would do differently',
      ],
      { kind: 'behavioral' },
    ],
    [
      'What are logs and monitoring for, and what would you want to monitor for a small web application?',
      [
        'logs record events so problems can be diagnosed later',
        'monitoring tracks health over time and alerts on problems',
        'monitors error rate, response time and uptime',
        'alerts a person only when something needs action',
      ],
    ],
  ],
  mid: [
    [
      'Tell me about an incident or outage you were involved in. What was your role, how was it resolved, and what changed afterwards?',
      [
        'describes the impact and how it was detected',
        'explains their own role in the response',
        'separates the mitigation from the root-cause fix',
        'describes the post-incident review and its follow-up actions',
        'shows the follow-up actions were completed',
      ],
      { kind: 'behavioral' },
    ],
    [
      'How would you roll out a risky change to a production system safely?',
      [
        'uses a staged rollout such as a canary release or feature flags',
        'defines the metrics to watch and the thresholds for rolling back',
        'makes sure rollback is tested and quick',
        'tells on-call and stakeholders about the rollout',
      ],
    ],
    [
      'What would you put on a dashboard, and which alerts would you set up, for a service you own? How do you avoid alert fatigue?',
      [
        'monitors user-facing signals: latency, traffic, errors and saturation',
        'alerts on symptoms that need action rather than on every cause',
        'sets thresholds from service level objectives',
        'links each alert to a runbook',
        'reviews and removes noisy alerts',
      ],
    ],
    [
      'How have you made deployments more frequent and less risky in a team you worked in?',
      [
        'automates build, test and deployment in a CI/CD pipeline',
        'makes changes smaller and releases them more often',
        'adds automated checks and fast rollback',
        'measures deployment frequency and change failure rate',
      ],
      { kind: 'behavioral' },
    ],
  ],
  senior: [
    [
      'How would you set up on-call and incident management for an organisation that keeps having long, chaotic outages?',
      [
        'defines incident roles such as incident commander and communications lead',
        'sets severity levels and escalation paths',
        'builds sustainable on-call rotations',
        'runs blameless post-incident reviews with tracked actions',
        'measures time to detect and time to recover',
      ],
    ],
    [
      'How do you choose service level objectives for a system, and what do you do when its error budget runs out?',
      [
        'chooses indicators that reflect the user experience',
        'sets targets with product based on user needs and cost',
        'uses the error budget to balance reliability work against features',
        'enforces the policy, such as pausing risky releases, when the budget is spent',
      ],
    ],
    [
      'Tell me about the most serious incident you have led or been part of. How did you keep leadership and customers informed while it was going on?',
      [
        'describes the scale and the business impact',
        'sets a regular update rhythm for leadership and customers',
        'communicates honestly what was known and unknown',
        'coordinates the technical response',
        'drives follow-up work to prevent recurrence',
      ],
      { kind: 'behavioral' },
    ],
    [
      'How would you plan capacity and disaster recovery for a critical service? What would you test, and how often?',
      [
        'forecasts capacity from growth trends and load tests',
        'defines recovery time and recovery point objectives',
        'designs backups and failover across zones or regions',
        'tests restores and failover regularly, for example with game days',
        'documents and rehearses runbooks',
      ],
    ],
  ],
});

export const TECHNICAL_OPERATIONS: BankEntry[] = [...SECURITY, ...OPERATIONS];
