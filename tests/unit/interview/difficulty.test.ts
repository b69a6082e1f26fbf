import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inferLevel, startingLevel } from '../../../src/interview/difficulty.js';
import { NURSE_CV, SOFTWARE_CV } from '../offline/samples.js';

const cv = (roles: string) => `Jo Bloggs\n\nEXPERIENCE\n${roles}\n- Built things that customers used every day.\n`;

describe('inferLevel', () => {
  it('bands years of experience: under 3 junior, 3 to under 8 mid, 8 or more senior', () => {
    expect([0, 1, 2.9, 3, 5, 7.9, 8, 15].map(inferLevel)).toEqual(['junior', 'junior', 'junior', 'mid', 'mid', 'mid', 'senior', 'senior']);
  });
});

describe('startingLevel', () => {
  it('takes an explicit choice as it is, whatever the CV says', () => {
    expect(startingLevel('junior', SOFTWARE_CV)).toEqual({ level: 'junior', reason: 'as you chose' });
    expect(startingLevel('senior', '')).toEqual({ level: 'senior', reason: 'as you chose' });
  });

  it('infers the level from the years of experience in the CV, and says so', () => {
    // Mar 2021 – Present and Jun 2017 – Feb 2021: about 8 years by the fixed reference year.
    expect(startingLevel('auto', SOFTWARE_CV)).toEqual({ level: 'senior', reason: 'inferred from about 8 years of experience in your CV' });
    expect(startingLevel('auto', NURSE_CV).level).toBe('mid');
    expect(startingLevel('auto', cv('Graduate Developer — Acme (Sep 2023 – Present)'))).toEqual({
      level: 'junior',
      reason: 'inferred from about 2 years of experience in your CV',
    });
    const fixture = fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/cv-alex-morgan.txt'), 'utf8');
    expect(startingLevel('auto', fixture).level).toBe('senior');
  });

  it('starts at mid when the CV gives no years, or is not there yet', () => {
    expect(startingLevel('auto', 'Jo Bloggs\nI like building things.').level).toBe('mid');
    expect(startingLevel('auto', 'Jo Bloggs\nI like building things.').reason).toMatch(/no years of experience could be read/);
    expect(startingLevel('auto', null)).toMatchObject({ level: 'mid', reason: expect.stringMatching(/once your CV is added/) });
    expect(startingLevel(undefined, '').level).toBe('mid');
  });
});
