// A workshop's details: what the facilitator must fill in, and the dates it refuses.
import { describe, expect, it } from 'vitest';
import { WorkshopMetaSchema, blankWorkshopMeta } from '../../src-shared/domain/workshop';
import { aWorkshopMeta } from '../fixtures/factories';

function problemsOf(meta: unknown): string[] {
  const result = WorkshopMetaSchema.safeParse(meta);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe('workshop details', () => {
  it('accept a workshop with a title and nothing else filled in', () => {
    expect(problemsOf(blankWorkshopMeta({ title: 'Kick-off' }))).toEqual([]);
  });

  it('accept a fully described workshop', () => {
    const meta = aWorkshopMeta({
      participants: [{ id: 'p1', name: 'Sam', role: 'Account executive' }],
      objective: 'Agree the buying journey',
      scope: { segment: 'Mid-market', offering: 'Maintenance', idealCustomer: 'Plants with 50+ machines' },
      status: 'agreed',
    });
    expect(problemsOf(meta)).toEqual([]);
  });

  it('require a title', () => {
    expect(problemsOf(aWorkshopMeta({ title: '' }))).toEqual(['Give the workshop a title']);
  });

  it('do not count blanks as a title', () => {
    expect(problemsOf(aWorkshopMeta({ title: '   ' }))).toEqual(['Give the workshop a title']);
  });

  it('trim the title', () => {
    expect(WorkshopMetaSchema.parse(aWorkshopMeta({ title: '  Kick-off  ' })).title).toBe('Kick-off');
  });

  it('refuse a title longer than 200 characters', () => {
    expect(problemsOf(aWorkshopMeta({ title: 't'.repeat(201) }))).toHaveLength(1);
  });

  it('accept an empty date (not fixed yet) and a real calendar date', () => {
    expect(problemsOf(aWorkshopMeta({ date: '' }))).toEqual([]);
    expect(problemsOf(aWorkshopMeta({ date: '2028-02-29' }))).toEqual([]);
  });

  it('refuse a date that does not exist', () => {
    for (const date of ['2026-02-30', '2026-02-29', '2026-04-31', '2026-13-01', '0000-00-00']) {
      expect(problemsOf(aWorkshopMeta({ date }))).toEqual([`There is no day ${date} on the calendar. Pick a date that exists, like 2026-11-22.`]);
    }
  });

  it('refuse a date written another way than YYYY-MM-DD', () => {
    expect(problemsOf(aWorkshopMeta({ date: '22/11/2026' }))).toEqual(['Write the date as year-month-day, like 2026-11-22.']);
    expect(problemsOf(aWorkshopMeta({ date: '2026-11-22T10:00' }))).toEqual(['Write the date as year-month-day, like 2026-11-22.']);
  });

  it('refuse a real day in a year no workshop is held', () => {
    expect(problemsOf(aWorkshopMeta({ date: '0001-01-01' }))).toEqual(['Pick a date between the years 1900 and 2199.']);
    expect(problemsOf(aWorkshopMeta({ date: '9999-12-31' }))).toEqual(['Pick a date between the years 1900 and 2199.']);
  });

  it('refuse a field Leanmap does not know instead of dropping it', () => {
    expect(WorkshopMetaSchema.safeParse({ ...aWorkshopMeta(), budget: 100 }).success).toBe(false);
    expect(WorkshopMetaSchema.safeParse({ ...aWorkshopMeta({ participants: [{ id: 'p1', name: 'Sam', role: '', email: 'x' } as never] }) }).success).toBe(false);
  });

  it('refuse a participant without a name', () => {
    expect(problemsOf(aWorkshopMeta({ participants: [{ id: 'p1', name: ' ', role: '' }] }))).toEqual([
      'A participant needs a name',
    ]);
  });

  it('refuse a status other than draft or agreed', () => {
    expect(problemsOf({ ...aWorkshopMeta(), status: 'done' })).toHaveLength(1);
  });
});
