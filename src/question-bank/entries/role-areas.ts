/**
 * The role areas role-specific entries are tagged with. The first tag names the area; the
 * others are words a job title or description in that area uses. Words shared with other
 * fields ("design", "pipeline", "agile", "product") are left out on purpose: they would pull
 * area questions into unrelated jobs.
 */

export const ROLE_AREAS = {
  frontend: ['frontend', 'front-end', 'front end', 'web developer', 'javascript', 'typescript', 'react', 'css', 'browser', 'accessibility'],
  backend: ['backend', 'back-end', 'back end', 'api', 'server-side', 'microservices', 'databases', 'sql'],
  mobile: ['mobile', 'ios', 'android', 'swift', 'kotlin', 'react native', 'flutter', 'app store'],
  devops: ['devops', 'sre', 'site reliability', 'infrastructure', 'kubernetes', 'docker', 'terraform', 'cloud', 'ci/cd', 'platform engineer'],
  dataScience: ['data science', 'data scientist', 'machine learning', 'statistics', 'statistical', 'modelling', 'analytics', 'data analyst'],
  product: ['product management', 'product manager', 'product owner', 'roadmap', 'product discovery', 'okrs'],
  design: ['ux design', 'designer', 'ux', 'ui design', 'product design', 'user experience', 'figma', 'user research', 'usability', 'prototyping'],
  nursing: ['nursing', 'nurse', 'healthcare', 'patient', 'clinical', 'ward', 'nmc', 'hospital'],
  sales: ['sales', 'account executive', 'business development', 'quota', 'sales pipeline', 'prospecting', 'b2b', 'crm', 'salesforce'],
  support: ['customer support', 'customer service', 'support agent', 'helpdesk', 'help desk', 'service desk', 'customer success', 'contact centre', 'call centre'],
  teaching: ['teaching', 'teacher', 'classroom', 'school', 'pupils', 'lesson', 'curriculum', 'education', 'instructional designer', 'instructional design', 'learning designer', 'e-learning', 'learners'],
  finance: ['finance', 'accounting', 'accountant', 'fp&a', 'financial', 'audit', 'budgeting', 'reconciliation', 'month-end'],
  marketing: ['marketing', 'seo', 'campaigns', 'content marketing', 'brand', 'social media', 'paid search', 'email marketing'],
  projects: ['project management', 'project manager', 'programme management', 'delivery manager', 'prince2', 'pmp', 'project plan', 'milestones'],
} as const satisfies Record<string, readonly string[]>;

export type RoleArea = keyof typeof ROLE_AREAS;
