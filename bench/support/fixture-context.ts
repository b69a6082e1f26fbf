import fs from 'node:fs';
import path from 'node:path';
import type { InterviewContext } from '../../src/interview/definitions.js';

const fixtures = path.resolve(import.meta.dirname, '../../tests/fixtures');

/** The interview the benchmarks measure: the fixture CV applying to the fixture job. */
export const fixtureContext: InterviewContext = {
  jobTitle: 'Senior Backend Engineer',
  companyName: 'Northwind Health',
  jobDescription: fs.readFileSync(path.join(fixtures, 'job-backend-engineer.txt'), 'utf8'),
  cvText: fs.readFileSync(path.join(fixtures, 'cv-alex-morgan.txt'), 'utf8'),
  interviewType: 'mixed',
};
