// zod's issues as sentences a facilitator understands: which field, what is wrong,
// never "received undefined" or "Too small: expected string to have >=1 characters".
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract } from '../../src-shared/api/contract';
import { describeProblems, fieldName, parseForPeople } from '../../src-shared/domain/plain-issues';
import { aWorkshopMeta } from '../fixtures/factories';

const problemsOf = (schema: z.ZodType, input: unknown) => {
  const result = parseForPeople(schema, input);
  if (result.success) throw new Error('expected a refusal');
  return describeProblems(result.error.issues);
};

const ZOD_WORDING = /received|expected|Invalid|Too small|Too big|Unrecognized|>=|<=|\bNaN\b/;

describe('field names', () => {
  it('say which field in words, with the entry of a list counted from 1', () => {
    expect(fieldName(['meta', 'title'])).toBe('the title');
    expect(fieldName(['meta', 'participants', 2, 'name'])).toBe('the name of participant 3');
    expect(fieldName(['signOff', 'agreedBy', 1])).toBe('person who agreed 2');
    expect(fieldName(['workshop', 'versions', 0, 'signOff', 'agreedAt'])).toBe('the date it was agreed (map 1)');
    expect(fieldName(['workshop', 'metrics', 2, 'readings', 0, 'date'])).toBe('the date of reading 1 (metric 3)');
    expect(fieldName(['fields', 'dataSource'])).toBe('the data source');
    expect(fieldName(['somethingNew'])).toBe('the something new');
    expect(fieldName([])).toBe('the request');
  });
});

describe('sentences', () => {
  const Schema = z.strictObject({
    title: z.string().trim().min(1).max(5),
    count: z.number().int().min(0).max(10),
    unit: z.enum(['percent', 'days']),
    participants: z.array(z.strictObject({ name: z.string() })).max(1),
  });

  it('say a missing field is missing', () => {
    expect(problemsOf(Schema, { count: 1, unit: 'days', participants: [] })).toBe('The title is missing.');
  });

  it('say what kind of value a field needs', () => {
    expect(problemsOf(Schema, { title: 'a', count: 'three', unit: 'days', participants: [] })).toBe('The count should be a number.');
  });

  it('say an empty field needs filling in and a long one is too long', () => {
    expect(problemsOf(Schema, { title: '  ', count: 1, unit: 'days', participants: [] })).toBe('The title is empty; fill it in.');
    expect(problemsOf(Schema, { title: 'abcdefg', count: 1, unit: 'days', participants: [] })).toBe('The title is too long; keep it to 5 characters.');
  });

  it('give the limits of a number and the choices of a list', () => {
    expect(problemsOf(Schema, { title: 'a', count: 11, unit: 'days', participants: [] })).toBe('The count must be at most 10.');
    expect(problemsOf(Schema, { title: 'a', count: 1, unit: 'weeks', participants: [] })).toBe('The unit must be one of "percent", "days".');
    expect(problemsOf(Schema, { title: 'a', count: 1, unit: 'days', participants: [{ name: 'a' }, { name: 'b' }] })).toBe(
      'The participants has too many entries; at most 1.',
    );
  });

  it('name an unknown field and where it is', () => {
    expect(problemsOf(Schema, { title: 'a', count: 1, unit: 'days', participants: [], colour: 'red' })).toBe(
      'Leanmap does not know the field "colour"; leave it out.',
    );
    expect(problemsOf(Schema, { title: 'a', count: 1, unit: 'days', participants: [{ name: 'a', email: 'x', phone: 1 }] })).toBe(
      'Leanmap does not know the fields "email", "phone" in participant 1; leave them out.',
    );
  });

  it('keep our own schema messages, ending them with a full stop, and name the field when asked', () => {
    const Own = z.strictObject({ name: z.string().min(1, 'Give the metric a name') });
    expect(problemsOf(Own, { name: '' })).toBe('Give the metric a name.');
    const result = Own.safeParse({ name: '' });
    expect(describeProblems(result.error!.issues, { nameFields: true })).toBe('The name: give the metric a name.');
  });

  it('show three problems and count the rest', () => {
    expect(problemsOf(Schema, { participants: 'x', extra: 1 })).toBe(
      'The title is missing. The count is missing. The unit is missing. (There are 2 more problems.)',
    );
  });
});

describe('every contract method', () => {
  it('refuses garbage in sentences, without zod wording', () => {
    for (const [method, { input }] of Object.entries(contract)) {
      for (const garbage of [{ zzz: 1 }, { id: 42, versionId: [], workshopId: null, meta: 'x', fields: 1, reading: {}, signOff: {} }]) {
        const result = parseForPeople(input as z.ZodType, garbage);
        if (result.success) continue;
        const sentence = describeProblems(result.error.issues);
        expect(sentence, method).not.toMatch(ZOD_WORDING);
        expect(sentence, method).toMatch(/[.)]$/);
      }
    }
  });

  it('has strict inputs: a field the app never sends is refused, not dropped', () => {
    for (const [method, { input }] of Object.entries(contract)) {
      expect((input as z.ZodObject)._zod.def.catchall?._zod.def.type, method).toBe('never');
    }
    const meta = aWorkshopMeta();
    expect(contract['workshop.create'].input.safeParse({ meta, template: 'blank', owner: 'x' }).success).toBe(false);
    expect(contract['workshop.create'].input.safeParse({ meta: { ...meta, budget: 1 }, template: 'blank' }).success).toBe(false);
  });
});
