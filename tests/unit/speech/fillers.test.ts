import { describe, expect, it } from 'vitest';
import { countFillers, countWords } from '../../../src/speech/fillers.js';

const total = (text: string) => countFillers(text).total;

describe('filler words', () => {
  it('counts hesitation sounds and empty intensifiers', () => {
    const result = countFillers('Um, so I, uh, basically rewrote it. Umm, yeah. Erm, literally all of it.');
    expect(result.total).toBe(6);
    expect(result.byFiller).toEqual([
      { filler: 'um', count: 2 },
      { filler: 'basically', count: 1 },
      { filler: 'erm', count: 1 },
      { filler: 'literally', count: 1 },
      { filler: 'uh', count: 1 },
    ]);
  });

  it('counts "like" as a filler only where it is one', () => {
    expect(total("It was, like, really slow.")).toBe(1);
    expect(total('Like, we had no tests at all.')).toBe(1);
    expect(total("And she was like, why is this down?")).toBe(1);
    expect(total('I like working with Kafka.')).toBe(0);
    expect(total('We used tools like Terraform and Helm.')).toBe(0);
    expect(total('It looks like a cache problem.')).toBe(0);
    expect(total('I would like to lead a team.')).toBe(0);
  });

  it('counts "you know" only without an object', () => {
    expect(total('We shipped it, you know, on time.')).toBe(1);
    expect(total('It was hard you know.')).toBe(1);
    expect(total('You know the answer already.')).toBe(0);
    expect(total('Do you know what happened next?')).toBe(0);
  });

  it('counts "sort of" and "kind of" as hedges, not as noun phrases', () => {
    expect(total('I sort of led the migration.')).toBe(1);
    expect(total('It was kind of a mess.')).toBe(1);
    expect(total('What kind of database was it?')).toBe(0);
    expect(total('That sort of problem is common.')).toBe(0);
    expect(countFillers('I sort of, kind of led it.').byFiller.map((f) => f.filler).sort()).toEqual(['kind of', 'sort of']);
  });

  it('counts "I mean" set off as a phrase', () => {
    expect(total('I mean, it worked.')).toBe(1);
    expect(total('I mean what I say.')).toBe(0);
  });

  it('finds nothing in a clean answer, and counts words', () => {
    const clean = 'I led a team of four engineers and we rebuilt the billing system in three months.';
    expect(total(clean)).toBe(0);
    expect(countWords(clean)).toBe(16);
    expect(countWords("We didn't ship until p99 was 210 ms.")).toBe(8);
    expect(countWords('')).toBe(0);
  });
});
