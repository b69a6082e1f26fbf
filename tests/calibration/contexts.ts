/**
 * The eight job/CV contexts the calibration pairs are asked in: a backend engineer, a data
 * analyst, an emergency nurse, an account executive, a product manager, a science teacher, a
 * management accountant and a customer-support team lead. Written for the
 * calibration suite (not shared with the unit-test samples) so tuning the scorer against them
 * cannot quietly overfit the other tests' fixtures, or the other way round.
 */
import type { InterviewContext } from '../../src/interview/definitions.js';

export const ROLES = ['software', 'data', 'nursing', 'sales', 'product', 'teaching', 'finance', 'support'] as const;
export type Role = (typeof ROLES)[number];

const SOFTWARE: InterviewContext = {
  jobTitle: 'Backend Engineer',
  companyName: 'Larkspur Pay',
  interviewType: 'mixed',
  jobDescription: `Backend Engineer
Larkspur Pay · Leeds or remote (UK)

Larkspur Pay runs card and open-banking payments for 4,000 independent shops.

What you'll do
- Build and run the Go and Python services that move merchants' money.
- Process payment events from Kafka reliably, exactly once in effect.
- Look after PostgreSQL schemas and queries under real load.
- Share the on-call rota and lead incident reviews.
- Work with product and support to fix what merchants actually struggle with.

Requirements
- 3+ years building backend services in Go or Python.
- Solid PostgreSQL and SQL skills.
- Experience with Kafka or another message broker.
- Docker and Kubernetes in production.
- Calm, clear communication during incidents.

Nice to have
- Payments or fintech experience.
- Terraform.
`,
  cvText: `Tom Reyes
Backend Engineer · Sheffield · tom.reyes@example.com

EXPERIENCE
Backend Engineer — Coppergate Tickets (Jan 2021 – Present)
- Own the checkout service (Python, FastAPI, PostgreSQL) handling 1.2M orders a year.
- Cut checkout p95 latency from 1.4 s to 350 ms by fixing slow queries and adding indexes.
- Moved order events from cron jobs to RabbitMQ consumers.
- On the on-call rota; wrote five incident reviews.

Junior Developer — Fellside Digital (Sep 2019 – Dec 2020)
- Built REST APIs in Django for agency clients.
- Added pytest suites and GitHub Actions CI to three legacy projects.

SKILLS
Python, Go (learning), SQL, PostgreSQL, RabbitMQ, Docker, Kubernetes, AWS, GitHub Actions

EDUCATION
BSc Software Engineering, Sheffield Hallam University (2016 – 2019)
`,
};

const DATA: InterviewContext = {
  jobTitle: 'Data Analyst',
  companyName: 'Hollybush Grocers',
  interviewType: 'mixed',
  jobDescription: `Data Analyst
Hollybush Grocers · Bristol (hybrid)

Hollybush Grocers is a regional supermarket chain with 85 stores and a growing online shop.

The role
- Answer trading questions from buyers and store managers with SQL and clear charts.
- Build and maintain Power BI dashboards for sales, waste and availability.
- Use Python (pandas) for analysis that does not fit in SQL.
- Present findings to senior managers who are not analysts, and challenge assumptions with data.

About you
- Strong SQL, including joins, window functions and data quality checks.
- Experience with Power BI or Tableau.
- Python for analysis, or a clear plan to learn it.
- Curious, careful with numbers, and able to explain them simply.
`,
  cvText: `Amira Haddad
Data Analyst · Bath · amira.haddad@example.com

EXPERIENCE
Reporting Analyst — Westcombe Building Society (Feb 2021 – Present)
- Build weekly mortgage-pipeline reports in SQL Server and Power BI for 40 branch managers.
- Reconciled the CRM and core banking data, removing 3,200 duplicate customer records.
- Automated a monthly Excel report that took two days by hand.

Sales Administrator — Avon Garden Centres (Jun 2018 – Jan 2021)
- Maintained stock and sales spreadsheets for six stores.
- Produced the weekly sales summary for the area manager.

SKILLS
SQL, SQL Server, Power BI, Excel, R (basic), statistics

EDUCATION
BSc Mathematics and Economics, University of the West of England (2015 – 2018)
`,
};

const NURSING: InterviewContext = {
  jobTitle: 'Staff Nurse',
  companyName: 'Northgate General Hospital',
  interviewType: 'behavioral',
  jobDescription: `Staff Nurse (Band 5) — Emergency Department
Northgate General Hospital · Newcastle

About the role
Join our Emergency Department team, caring for up to 250 patients a day.

Responsibilities
- Assess and triage patients, recognise deterioration early using NEWS2 and escalate promptly.
- Administer medication and IV therapy safely.
- Prioritise care across several patients in a busy, changing environment.
- Work with doctors, paramedics and the wider multidisciplinary team.
- Communicate with compassion to patients and relatives.

Essential
- NMC registered nurse.
- Immediate Life Support (ILS) or willingness to complete it.
- Good communication and the ability to stay calm under pressure.

Desirable
- Acute or emergency experience.
- Cannulation and venepuncture.
`,
  cvText: `Grace Mensah RN
Registered Nurse · Gateshead · grace.mensah@example.com

EXPERIENCE
Staff Nurse, Respiratory Ward — Tyneside Infirmary (Oct 2021 – Present)
- Care for 6–8 patients per shift, many on non-invasive ventilation.
- Complete NEWS2 observations and escalate deteriorating patients to the outreach team.
- Link nurse for infection control; trained 10 colleagues on PPE during a flu outbreak.

Healthcare Assistant — Tyneside Infirmary (Jul 2018 – Sep 2021)
- Supported nurses on a busy elderly-care ward.

EDUCATION
BSc (Hons) Adult Nursing, Northumbria University (2018 – 2021)

CERTIFICATIONS
NMC registration; Basic Life Support (BLS)
`,
};

const SALES: InterviewContext = {
  jobTitle: 'Account Executive',
  companyName: 'Tallyworks',
  interviewType: 'behavioral',
  jobDescription: `Account Executive (Mid-Market)
Tallyworks · Manchester

Tallyworks sells payroll and expenses software to UK companies with 50–500 employees.

What you'll do
- Run the full sales cycle for mid-market accounts, from discovery to signed contract.
- Build and manage your own pipeline in Salesforce, and forecast accurately.
- Work with finance directors and HR leaders to build a business case.
- Hit a quarterly new-business quota.

What we look for
- 2+ years of B2B sales experience, ideally SaaS.
- Consultative selling and strong negotiation.
- Resilience: you learn from lost deals and missed quarters.
`,
  cvText: `Daniel Price
Account Executive · Stockport · daniel.price@example.com

EXPERIENCE
Account Executive — Brightfield HR Software (Mar 2022 – Present)
- Closed £410k of new ARR in 2023 (112% of quota).
- Sell to HR directors at companies of 100–300 staff.
- Use Salesforce and Gong to manage pipeline.

Business Development Representative — Brightfield HR Software (Jan 2021 – Feb 2022)
- Booked 25+ meetings a month through cold calling and LinkedIn outreach.

Retail Supervisor — Currys (2017 – 2020)

SKILLS
Salesforce, B2B sales, negotiation, prospecting, consultative selling
`,
};

const PRODUCT: InterviewContext = {
  jobTitle: 'Product Manager',
  companyName: 'Pebble Health',
  interviewType: 'mixed',
  jobDescription: `Product Manager — Patient App
Pebble Health · London (hybrid)

Pebble Health's app lets 300,000 patients book GP appointments, order repeat prescriptions and message their practice.

You will
- Own the roadmap for booking and onboarding.
- Prioritise ruthlessly between requests from GP practices, clinicians, support and leadership.
- Run discovery with patients and practice staff, and measure outcomes with product analytics and A/B testing.
- Work closely with designers and engineers in a cross-functional squad.

You have
- 3+ years in product management.
- Comfort with data: defining metrics, reading experiments, writing simple SQL.
- Clear written communication and the confidence to say no.
`,
  cvText: `Hannah Lowe
Product Manager · London · hannah.lowe@example.com

EXPERIENCE
Product Manager — Kettle Energy (Apr 2021 – Present)
- Own the customer app's billing and payments journey (450k users).
- Launched smart-meter reading submission, cutting estimated bills by 22%.
- Run fortnightly user research with customers.

Associate Product Manager — Shopwise (Sep 2019 – Mar 2021)
- Managed the checkout backlog with two squads.

SKILLS
Product discovery, user research, roadmaps, A/B testing, Amplitude, SQL (basic), Jira, Figma
`,
};

const TEACHING: InterviewContext = {
  jobTitle: 'Science Teacher',
  companyName: 'Oakfield Academy',
  interviewType: 'mixed',
  jobDescription: `Science Teacher (KS3–KS5)
Oakfield Academy · Bristol · Full-time, permanent · MPS/UPS

About us
Oakfield is an 11–18 comprehensive of 1,100 pupils, rated Good, with a growing sixth form.

The role
- Plan and teach engaging science lessons across Key Stages 3 and 4, and chemistry at A level.
- Use assessment data to identify gaps and plan interventions.
- Manage behaviour consistently in line with the school's policy.
- Work with the SENCo to adapt lessons for pupils with SEND.
- Contribute to schemes of work and share good practice in the department.

Person specification
- QTS and a science degree.
- Secure subject knowledge and a track record of good progress for pupils.
- Strong classroom management.
- Commitment to safeguarding.

Salary on MPS/UPS plus TLR available. Apply by 12 May with a letter of application.
`,
  cvText: `Hannah Doyle
Science Teacher · Bristol · hannah.doyle@example.com

EXPERIENCE
Teacher of Science — Kingsway School (Sep 2019 – Present)
- Teach KS3 and KS4 science and A-level chemistry to five classes a week.
- Raised Year 11 combined science results: pupils at grade 5+ rose from 48% to 61% over two years.
- Wrote the department's KS3 scheme of work on chemical reactions, now used by 6 teachers.
- Form tutor for a Year 9 group of 28 pupils.

Teaching Assistant — Hillside Primary (Sep 2017 – Jul 2018)
- Supported small-group reading and maths interventions.

EDUCATION
PGCE Secondary Science with QTS, University of Bristol (2019)
BSc Chemistry, University of Exeter (2017)
`,
};

const FINANCE: InterviewContext = {
  jobTitle: 'Management Accountant',
  companyName: 'Harbour Foods',
  interviewType: 'mixed',
  jobDescription: `Management Accountant
Harbour Foods · Grimsby (hybrid) · £45,000–£52,000

Harbour Foods makes chilled ready meals for UK supermarkets from two sites.

What you'll do
- Own the month-end close for the Grimsby site: accruals, prepayments, reconciliations and variance analysis.
- Prepare the monthly management accounts and explain results to the operations director.
- Partner with budget holders on the annual budget and quarterly re-forecasts.
- Build reporting in Power BI to replace our spreadsheet packs.

Requirements
- ACA, ACCA or CIMA qualified (or finalist).
- 3+ years in management accounting, ideally in manufacturing.
- Advanced Excel; experience with Sage or SAP.
- Confident explaining numbers to non-finance managers.

Benefits: 25 days holiday, pension and a staff shop.
`,
  cvText: `Marcus Bell ACCA
Management Accountant · Hull · marcus.bell@example.com

EXPERIENCE
Management Accountant — Northgate Packaging (Jun 2020 – Present)
- Run month-end close for a £38M site: accruals, prepayments, balance sheet reconciliations.
- Cut the close from 9 working days to 5 by rebuilding the accruals schedule and automating bank reconciliations.
- Prepare monthly variance analysis for the site director and the board pack.
- Led the 2024 budget for 6 cost centres.

Assistant Accountant — Humber Logistics (Aug 2017 – May 2020)
- Purchase ledger, fixed asset register and VAT returns.

SKILLS
Excel (advanced: pivot tables, INDEX/MATCH, Power Query), Sage 200, SAP FI/CO, variance analysis

EDUCATION
ACCA qualified 2021; BA Accounting and Finance, University of Hull (2017)
`,
};

const SUPPORT: InterviewContext = {
  jobTitle: 'Customer Support Team Lead',
  companyName: 'Nimbus Home',
  interviewType: 'mixed',
  jobDescription: `Customer Support Team Lead
Nimbus Home (smart thermostats) · Remote (UK)

What you'll do
- Lead a team of 8 support agents handling phone, chat and email.
- Coach agents through call reviews and weekly one-to-ones.
- Own the team's service levels: first response time, resolution time and CSAT.
- Handle escalated complaints and spot recurring product issues for the product team.

Requirements
- 2+ years in customer support, including leading or coaching others.
- Experience with Zendesk or a similar helpdesk.
- Calm, clear communication with upset customers.
- Comfortable using data to manage a team's performance.

Nice to have
- Experience supporting a hardware or smart-home product.
`,
  cvText: `Priya Nair
Senior Customer Support Agent · Leeds · priya.nair@example.com

EXPERIENCE
Senior Support Agent — Brightline Broadband (Mar 2021 – Present)
- Handle 40–60 chat and phone contacts a day; CSAT 94% over the last 12 months.
- Acting team lead for 5 agents during my manager's 3-month leave in 2024.
- Wrote 30 help-centre articles that cut repeat contacts about router set-up by 22%.
- Onboard and buddy new starters (9 so far).

Customer Service Assistant — Greenway Supermarkets (Jun 2018 – Feb 2021)
- Customer service desk: refunds, complaints and online order issues.

SKILLS
Zendesk, Freshdesk, Excel, de-escalation, call coaching
`,
};

/** The interview context for each role. */
export const CONTEXTS: Readonly<Record<Role, InterviewContext>> = {
  software: SOFTWARE,
  data: DATA,
  nursing: NURSING,
  sales: SALES,
  product: PRODUCT,
  teaching: TEACHING,
  finance: FINANCE,
  support: SUPPORT,
};
