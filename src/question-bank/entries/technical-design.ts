/**
 * System design and data entries. Junior questions check the building blocks (APIs, caching,
 * indexes, a query); mid ones a whole small system; senior ones scale, migration and
 * consistency trade-offs. Data questions also cover evidence-based decisions, so several suit
 * any role.
 */
import { entries } from '../build.js';
import type { BankEntry } from '../types.js';

const SYSTEM_DESIGN = entries({
  competency: 'system_design',
  kind: 'technical',
  junior: [
    [
      'Suppose you were building a simple to-do list web app for a few hundred users. What parts would it have, and how would data get from the browser to the database and back?',
      [
        'names the main components: browser client, server or API, and database',
        'describes a request flowing from the browser through the API to the database and back',
        'sketches a simple data model such as users and tasks tables',
        'mentions validating input and authenticating requests',
        'notes what would change with many more users',
      ],
    ],
    [
      'In a project you built, how was the code organised into parts, and why did you split it that way?',
      [
        'describes the main modules, layers or components',
        'explains the responsibility of each part',
        'justifies the split, for example separation of concerns or reuse',
        'names something they would organise differently now',
      ],
      { kind: 'behavioral' },
    ],
    [
      'How would you design a small API that lets library members search for books, borrow them and return them?',
      [
        'lists endpoints for searching, borrowing and returning books',
        'chooses HTTP methods and status codes sensibly',
        'handles errors such as a book that is already borrowed',
        'describes the data each endpoint returns',
      ],
    ],
    [
      'What is caching, and when would you use it in a web application? When could it cause problems?',
      [
        'explains caching as keeping results to serve them faster',
        'gives an example such as caching a frequent database query or page',
        'explains stale data and cache invalidation',
        'mentions an expiry time or TTL',
      ],
    ],
  ],
  mid: [
    [
      'Walk me through how you would design a URL shortener. Start with the requirements, and tell me where it would struggle as traffic grows.',
      [
        'clarifies requirements such as custom aliases, expiry and the read-to-write ratio',
        'designs short code generation and how collisions are avoided',
        'chooses storage with a key-value lookup for redirects',
        'adds caching for popular links',
        'identifies the bottleneck at scale and how reads would be scaled',
      ],
    ],
    [
      'How would you design a rate limiter for a public API? Where would it run, and which algorithm would you use?',
      [
        'chooses an algorithm such as token bucket or sliding window and explains how it works',
        'decides what to limit by, such as API key, user or IP address',
        'keeps counters in a shared fast store such as Redis so several servers agree',
        'returns HTTP 429 with a retry-after header',
        'decides what happens if the limiter store is unavailable',
      ],
    ],
    [
      'Tell me about the architecture of a system you worked on. What would you change if you were designing it again today?',
      [
        'describes the main components and how data flows between them',
        'explains the original design decisions and constraints',
        'identifies a specific weakness with evidence such as incidents or slow changes',
        'proposes a concrete change and its trade-off',
      ],
      { kind: 'behavioral' },
    ],
    [
      'When would you split a monolith into separate services, and when would you keep it as one? Use an example you have seen.',
      [
        'names real reasons to split, such as independent scaling, deployment or team ownership',
        'names the costs of splitting: network calls, distributed data and operational overhead',
        'uses a concrete example from experience',
        'considers a modular monolith or extracting one service at a time',
      ],
    ],
  ],
  senior: [
    [
      'Design a notification system that sends email, SMS and push messages to millions of users, with user preferences and retries. Walk me through the key decisions.',
      [
        'clarifies scale, latency and delivery guarantees',
        'uses a queue to decouple the senders of events from the channel workers',
        'handles retries with backoff, idempotency keys and a dead-letter queue',
        'respects user preferences, quiet hours and rate limits of each provider',
        'monitors delivery and failure rates per channel',
      ],
    ],
    [
      'Tell me about the most significant architectural decision you have driven. How did you evaluate the options, and how did it play out over the following years?',
      [
        'describes the context and the forces on the decision',
        'compares options with explicit trade-offs and evidence such as prototypes or benchmarks',
        'documents the decision and gets buy-in from the affected teams',
        'reports the long-term consequences honestly, good and bad',
      ],
      { kind: 'behavioral' },
    ],
    [
      'How would you migrate a critical system to a new architecture or platform without downtime and without a big-bang cut-over?',
      [
        'migrates incrementally, for example with the strangler fig pattern',
        'runs old and new side by side with dual writes or shadow traffic',
        'verifies correctness by comparing the outputs of both systems',
        'plans a rollback for every step',
        'orders the migration steps by risk and business value',
      ],
    ],
    [
      'How do you decide between strong and eventual consistency in a distributed system? Give a concrete example where you had to choose.',
      [
        'explains the difference and the availability and latency trade-off',
        'ties the choice to business needs, for example payments versus a news feed',
        'describes techniques used such as transactions, idempotent consumers or conflict resolution',
        'explains how users experience the inconsistency and how it is hidden or surfaced',
      ],
    ],
  ],
});

const DATA = entries({
  competency: 'data',
  kind: 'technical',
  junior: [
    [
      'Given a customers table and an orders table, how would you find the ten customers who spent the most last month? Talk me through the query.',
      [
        'joins orders to customers on the customer id',
        'filters the orders to last month by date',
        'groups by customer and sums the order totals',
        'sorts by the total in descending order and limits to ten',
        'mentions edge cases such as refunds or ties',
      ],
    ],
    [
      'Tell me about a time you used data, from a course, project or job, to answer a question or support a decision.',
      [
        'states the question the data answered',
        'describes where the data came from and how it was cleaned',
        'explains the analysis method used',
        'states the conclusion and what was decided',
      ],
      { kind: 'behavioral' },
    ],
    [
      'What is a database index, and how would you decide which columns to index?',
      [
        'explains an index as a structure that speeds up lookups, like the index of a book',
        'indexes columns used in filters, joins and sorting',
        'notes the cost of indexes for writes and storage',
        'checks the query plan to confirm the index is used',
      ],
    ],
    [
      'How do you check that a dataset you have been given is reliable before you use it?',
      [
        'checks for missing values, duplicates and outliers',
        'compares totals against a known source',
        'finds out how the data was collected',
        'writes down assumptions and limitations',
      ],
    ],
  ],
  mid: [
    [
      'Tell me about a time you used data or an experiment to change a decision. What was the question, the analysis, and what changed?',
      [
        'frames a clear question or hypothesis',
        'chooses the data or an experiment design such as an A/B test',
        'addresses bias or confounding factors',
        'states the result with numbers',
        'describes the decision that changed',
      ],
      { kind: 'behavioral' },
    ],
    [
      'How would you design the database schema for a booking system, such as appointments or hotel rooms? What constraints and indexes would you add?',
      [
        'identifies entities such as customers, resources and bookings, and their relationships',
        'prevents double booking with a constraint or a transaction',
        'adds indexes for frequent queries such as availability by date',
        'handles time zones and cancellations',
      ],
    ],
    [
      "A report or dashboard is showing numbers people don't trust. How do you investigate?",
      [
        'reproduces the numbers from the source data',
        'traces the pipeline step by step to find where the numbers diverge',
        'checks metric definitions, such as what counts as an active user',
        'fixes the issue and adds data quality checks',
        'tells the users of the report about the correction',
      ],
    ],
    [
      'Tell me about a slow query or data process you made faster. How did you find the cause?',
      [
        'measures the baseline time first',
        'uses the query plan or profiling to find the bottleneck',
        'applies a fix such as an index, a rewrite or batching',
        'measures the improvement afterwards',
      ],
      { kind: 'behavioral' },
    ],
  ],
  senior: [
    [
      'How would you design the data platform for a company whose teams each build their own reports and get different answers to the same question?',
      [
        'defines a single source of truth for key metrics, each with an owner',
        'designs pipeline layers for ingestion, modelling and serving',
        'introduces data quality tests and lineage',
        'balances central governance with team self-service',
        'plans adoption and the migration from existing reports',
      ],
    ],
    [
      'Tell me about a big decision you made when the data was incomplete or contradictory. How did you decide?',
      [
        'states the data limitations explicitly',
        'triangulates with other evidence such as qualitative research',
        'quantifies the risk of being wrong',
        'makes the decision reversible or tests it on a small scale',
        'reviews the outcome later',
      ],
      { kind: 'behavioral' },
    ],
    [
      'How would you handle a database that has outgrown a single server? Walk me through the options and how you would choose.',
      [
        'measures the bottleneck first: reads, writes or storage',
        'considers vertical scaling, read replicas and caching before sharding',
        'chooses a shard key that matches the access patterns',
        'plans the migration and handles queries that span shards',
        'accepts the operational cost of the chosen option',
      ],
    ],
    [
      'How do you decide what to measure for a product, service or team so that the metrics drive the right behaviour?',
      [
        'ties metrics to outcomes rather than output',
        'pairs metrics to avoid gaming, such as speed with quality',
        'sets baselines and targets',
        'reviews metrics regularly and retires ones nobody uses',
      ],
    ],
  ],
});

export const TECHNICAL_DESIGN: BankEntry[] = [...SYSTEM_DESIGN, ...DATA];
