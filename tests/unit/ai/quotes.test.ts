import { describe, expect, it } from 'vitest';
import { alignQuote, quoteAppearsIn } from '../../../src/ai/quotes.js';

const answer = "At Brightline I didn't wait for the vendor. I rebuilt the billing pipeline in Go, and we cut the nightly run from 40 minutes to 4.";

describe('quotes', () => {
  it('keeps a quote that differs only by case, spacing, punctuation or curly quotes, shown as the candidate wrote it', () => {
    expect(alignQuote('i REBUILT the   billing pipeline in go', answer)).toBe('I rebuilt the billing pipeline in Go');
    expect(alignQuote('I didn’t wait for the vendor', answer)).toBe("I didn't wait for the vendor");
    expect(alignQuote('"cut the nightly run from 40 minutes to 4."', answer)).toBe('cut the nightly run from 40 minutes to 4');
  });

  it('keeps a quote with a contraction written out, or the other way round', () => {
    expect(quoteAppearsIn('I did not wait for the vendor', answer)).toBe(true);
    expect(quoteAppearsIn("we can't", 'and we cannot ship on Fridays')).toBe(true);
  });

  it('keeps a quote shortened with an ellipsis when its parts appear in order', () => {
    expect(alignQuote('I rebuilt the billing pipeline … cut the nightly run', answer)).toBe('I rebuilt the billing pipeline … cut the nightly run');
    expect(quoteAppearsIn('At Brightline [...] in Go', answer)).toBe(true);
    expect(quoteAppearsIn('cut the nightly run ... I rebuilt', answer)).toBe(false);
  });

  it('drops words the candidate never said', () => {
    expect(quoteAppearsIn('I rebuilt the billing pipeline in Rust', answer)).toBe(false);
    expect(quoteAppearsIn('I led a team of ten', answer)).toBe(false);
    expect(quoteAppearsIn('', answer)).toBe(false);
    expect(quoteAppearsIn('…', answer)).toBe(false);
  });
});
