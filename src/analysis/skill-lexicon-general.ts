/**
 * Non-engineering half of the skill lexicon: product, design, ways of working, management,
 * sales, marketing, finance, healthcare, office and operations. Rehearse is for any job
 * seeker, so a nurse's or an account executive's CV must be read as carefully as a coder's.
 * Alias markers are explained in `skill-definition.ts`.
 */
import { group, type SkillDefinition } from './skill-definition.js';

/** Non-engineering skills, by category. */
export const GENERAL_SKILLS: SkillDefinition[] = [
  ...group('product', [
    ['product management'], ['product roadmap', 'roadmapping', 'roadmaps'], ['user research', 'UX research'],
    ['OKRs', 'OKR'], ['product discovery'], ['=Jira', 'JIRA'], ['Confluence'], ['product analytics', 'Amplitude', 'Mixpanel'],
    ['requirements gathering', 'user stories'],
  ]),
  ...group('design', [
    ['UX design', 'user experience', '=UX'], ['UI design', 'user interface design'], ['=Figma'], ['=Sketch'],
    ['prototyping', 'wireframing', 'wireframes'], ['design systems', 'design system'], ['usability testing'],
    ['Adobe Creative Suite', 'Photoshop', 'Illustrator', 'InDesign'],
  ]),
  ...group('practice', [
    ['Agile', 'agile methodologies'], ['=Scrum'], ['Kanban'], ['=Lean', 'lean methodology'], ['code review', 'code reviews'],
    ['pair programming', 'pairing'], ['domain-driven design', 'DDD'], ['object-oriented programming', 'OOP'],
    ['functional programming'], ['incident management', 'incident reviews', 'incident review', 'postmortems', 'post-mortems'],
    ['technical writing', 'design documents', 'design docs', 'RFCs'], ['performance optimisation', 'performance optimization'],
  ]),
  ...group('management', [
    ['project management', 'programme management', 'program management'], ['people management', 'line management'],
    ['hiring', 'recruiting', 'recruitment', 'interviewing candidates'], ['performance reviews', 'performance management'],
    ['budget management', 'budgeting', 'budget ownership'], ['change management'], ['risk management'],
    ['vendor management', 'supplier management'], ['PRINCE2'], ['PMP'], ['ITIL'], ['strategic planning'],
  ]),
  ...group('sales', [
    ['CRM', 'customer relationship management'], ['=Salesforce'], ['HubSpot'], ['lead generation', 'prospecting'],
    ['cold calling', 'cold outreach'], ['account management', 'key account management'], ['business development'],
    ['negotiation', 'negotiating'], ['pipeline management', 'sales pipeline', 'sales forecasting'], ['B2B sales', 'B2B'],
    ['B2C'], ['customer success'], ['upselling', 'cross-selling', 'upsell'], ['consultative selling', 'solution selling'],
    ['quota attainment', 'quota'],
    ['sales qualification', 'MEDDPICC', 'MEDDICC', 'MEDDIC', 'BANT', 'SPIN selling', 'qualification methodology'],
  ]),
  ...group('marketing', [
    ['SEO', 'search engine optimisation', 'search engine optimization'], ['SEM', 'PPC', 'paid search', 'Google Ads'],
    ['content marketing'], ['email marketing', 'Mailchimp'], ['social media marketing', 'social media'],
    ['Google Analytics', 'GA4'], ['copywriting'], ['brand management', 'branding'], ['marketing automation'],
    ['market research'], ['growth marketing', 'performance marketing'],
  ]),
  ...group('finance', [
    ['financial modelling', 'financial modeling'], ['forecasting'], ['accounting'], ['bookkeeping'], ['IFRS'],
    ['GAAP', 'US GAAP', 'UK GAAP'], ['QuickBooks'], ['=Xero'], ['=SAP'], ['accounts payable'], ['accounts receivable'],
    ['payroll'], ['auditing', 'audit', 'audits'], ['tax', 'taxation', 'VAT returns'],
    ['reconciliation', 'reconciliations', 'account reconciliation'], ['FP&A', 'financial planning and analysis'],
    ['financial reporting', 'management accounts'],
  ]),
  ...group('healthcare', [
    ['patient care', 'patient-centred care', 'patient-centered care'], ['patient assessment', 'clinical assessment'],
    ['medication administration', 'administering medication', 'medicines management', 'drug rounds'],
    ['care planning', 'care plans', 'care plan'], ['wound care', 'wound management'],
    ['infection control', 'infection prevention', 'hand hygiene'], ['triage', 'triaging'],
    ['electronic health records', 'EHR', 'EPR', 'EMR', 'electronic patient records', 'electronic medical records', '=Epic', 'Cerner'],
    ['Basic Life Support', 'BLS'], ['Advanced Life Support', 'ALS', 'ACLS', 'Immediate Life Support', 'ILS'],
    ['IV therapy', 'IV medication', 'IV medications', 'intravenous therapy'], ['cannulation', 'venepuncture', 'phlebotomy'],
    ['safeguarding'], ['NMC registration', 'NMC registered', 'NMC'], ['clinical documentation'],
    ['palliative care', 'end-of-life care'], ['NEWS2', 'early warning score', 'vital signs'], ['discharge planning'],
    ['mental health'],
    ['mechanical ventilation', 'invasive ventilation', 'invasive mechanical ventilation', 'ventilated patients'],
    ['non-invasive ventilation', 'NIV', 'CPAP', 'BiPAP'],
    ['renal replacement therapy', 'CRRT', 'haemofiltration', 'hemofiltration', 'dialysis'],
    ['critical care', 'intensive care', 'ICU', 'HDU', 'high-dependency'],
    ['sepsis management', 'Sepsis Six', 'sepsis'],
    // What a ward does after a fall, in the words nurses use for it ("get the hoist", "fill in a Datix").
    ['moving and handling', 'manual handling', 'safe moving', 'hoist', 'hoisting'], ['falls prevention', 'falls risk assessment', 'falls assessment'],
    ['incident reporting', 'Datix', 'incident form'], ['anticoagulation', 'anticoagulants', 'blood thinners'],
    ['neurological observations', 'neuro obs', 'neuro observations'],
    ['student supervision', 'supervise and assess students', 'supervise students', 'assess students', 'preceptorship', 'practice assessor', 'practice supervisor'],
  ]),
  ...group('education', [
    ['lesson planning', 'lesson plans', 'planning lessons'], ['curriculum design', 'curriculum development', 'schemes of work'],
    ['instructional design', 'learning design', 'learning experience design', 'ADDIE'], ['e-learning', 'elearning', 'online courses', 'Articulate Storyline', 'Articulate Rise', 'Storyline'],
    ['learning management systems', 'LMS', '=Moodle', 'Canvas LMS'], ['assessment design', 'formative assessment', 'summative assessment'],
    ['differentiation', 'differentiated instruction'], ['classroom management', 'behaviour management'], ['SEND', 'special educational needs'],
  ]),
  ...group('office', [
    ['Microsoft Office', 'MS Office', 'Microsoft 365', 'Office 365'], ['=PowerPoint'], ['Google Workspace', 'G Suite'],
    ['customer service', 'customer support'], ['public speaking', 'presentations'], ['data entry'],
    ['Asana'], ['Trello'],
  ]),
  ...group('operations', [
    ['supply chain', 'supply chain management'], ['=logistics'], ['inventory management', 'stock control'],
    ['procurement', 'purchasing'], ['Six Sigma', 'Lean Six Sigma'], ['process improvement', 'continuous improvement'],
    ['onboarding'], ['employee relations'], ['health and safety'], ['scheduling', 'rota management', 'rostering'],
  ]),
];
