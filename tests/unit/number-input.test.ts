// Numbers as facilitators type them: units, separators, ranges, and clear refusals.
import { describe, expect, it } from 'vitest';
import { COUNT_RULE, DAYS_RULE, MONEY_RULE, PERCENT_RULE, formatNumberInput, parseNumberInput } from '../../src-shared/domain/number-input';

const value = (text: string, rule = PERCENT_RULE) => {
  const r = parseNumberInput(text, rule);
  return r.ok ? r.value : `error: ${r.message}`;
};

describe('reading a typed number', () => {
  it('reads plain, percent-signed and decimal-comma percentages', () => {
    expect(value('35')).toBe(35);
    expect(value('35 %')).toBe(35);
    expect(value('35%')).toBe(35);
    expect(value('35,5')).toBe(35.5);
    expect(value('7.25')).toBe(7.25);
    expect(value('.5')).toBe(0.5);
  });

  it('treats an empty field as unknown', () => {
    expect(value('')).toBeNull();
    expect(value('   ')).toBeNull();
  });

  it('reads money with thousands separators and a currency sign', () => {
    expect(value('120,000', MONEY_RULE)).toBe(120000);
    expect(value('1,234,567', MONEY_RULE)).toBe(1234567);
    expect(value('1.234.567,50', MONEY_RULE)).toBe(1234567.5);
    expect(value('1,234.50', MONEY_RULE)).toBe(1234.5);
    expect(value('120 000', MONEY_RULE)).toBe(120000);
    expect(value('€ 45000', MONEY_RULE)).toBe(45000);
    expect(value('45000 EUR', MONEY_RULE)).toBe(45000);
  });

  it('reads days with a unit word', () => {
    expect(value('12 days', DAYS_RULE)).toBe(12);
    expect(value('1 day', DAYS_RULE)).toBe(1);
    expect(value('3d', DAYS_RULE)).toBe(3);
  });

  it('refuses what is not a number, saying what to type', () => {
    expect(value('about 30')).toBe('error: "about 30" is not a number. Type a number from 0 to 100 %, or leave it empty if unknown.');
    expect(value('3O')).toMatch(/^error: "3O" is not a number/);
    expect(value('1e3')).toMatch(/is not a number/);
  });

  it('refuses values out of range', () => {
    expect(value('120')).toBe('error: 120 is out of range. Type a number from 0 to 100 %.');
    expect(value('-5')).toMatch(/out of range/);
    expect(value('4000', DAYS_RULE)).toMatch(/out of range/);
  });

  it('refuses fractions where only whole numbers make sense', () => {
    expect(value('12.5', { ...COUNT_RULE, integer: true })).toBe('error: Type a whole number (12.5 has a fraction).');
  });
});

describe('showing a stored number in a field', () => {
  it('shows unknown as empty and shares as percentages', () => {
    expect(formatNumberInput(null, PERCENT_RULE)).toBe('');
    expect(formatNumberInput(0.35, PERCENT_RULE, true)).toBe('35');
    expect(formatNumberInput(0.123456789, PERCENT_RULE, true)).toBe('12.345679');
    expect(formatNumberInput(12, DAYS_RULE)).toBe('12');
  });
});
