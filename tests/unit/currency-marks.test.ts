// The currency typed next to an amount, recognised so another currency than the
// workshop's is refused, and words that are no currency are left to the number reader.
import { describe, expect, it } from 'vitest';
import { takeCurrencyMark } from '../../src-shared/domain/currency-marks';
import { moneyRule, parseNumberInput } from '../../src-shared/domain/number-input';

const codes = (text: string, workshop?: string) => {
  const { rest, mark } = takeCurrencyMark(text, workshop);
  return { rest, codes: mark ? [...mark.codes].sort() : null };
};

describe('a currency mark typed with an amount', () => {
  it('is taken off the front or the end, symbol or code, with or without a space', () => {
    expect(codes('€1,200')).toEqual({ rest: '1,200', codes: ['EUR'] });
    expect(codes('€ 1,200')).toEqual({ rest: '1,200', codes: ['EUR'] });
    expect(codes('1.200 €')).toEqual({ rest: '1.200', codes: ['EUR'] });
    expect(codes('5000eur')).toEqual({ rest: '5000', codes: ['EUR'] });
    expect(codes('GBP 12')).toEqual({ rest: '12', codes: ['GBP'] });
    expect(codes('US$5')).toEqual({ rest: '5', codes: ['USD'] });
  });

  it('reads "$" as any dollar, so a dollar workshop outside the US takes it', () => {
    expect(codes('$5').codes).toEqual(expect.arrayContaining(['USD', 'AUD', 'CAD']));
    expect(parseNumberInput('$5,000', moneyRule('AUD'))).toEqual({ ok: true, value: 5000 });
  });

  it("knows the workshop's own code even when it is not a common one", () => {
    expect(codes('5000 XOF', 'XOF')).toEqual({ rest: '5000', codes: ['XOF'] });
    expect(parseNumberInput('5,000 XOF', moneyRule('XOF'))).toEqual({ ok: true, value: 5000 });
  });

  it('leaves multipliers and unknown words in place', () => {
    expect(codes('1,4 Mio')).toEqual({ rest: '1,4 Mio', codes: null });
    expect(codes('1,4 Mio.')).toEqual({ rest: '1,4 Mio.', codes: null });
    expect(codes('about 30')).toEqual({ rest: 'about 30', codes: null });
    expect(codes('12 days')).toEqual({ rest: '12 days', codes: null });
  });
});
