// A refused workshop file says what is wrong in a facilitator's words: which field,
// what is wrong with it, then "Nothing was imported." after a full stop; never zod's
// own wording. Days that do not exist are refused in readings and sign-offs too.
import { describe, expect, it } from 'vitest';
import { parseWorkshopFile } from '../../src-shared/domain/export-envelope';
import { aChainMap, aMetric, aReading, aWorkshopFile, aWorkshopMeta, anEnvelope, anEnvelopeText, aFileVersion } from '../fixtures/factories';

const ZOD_WORDING = /received|expected|Invalid input|Invalid option|Too small|Too big|Unrecognized key|>=|<=/;

function refusalOf(text: string): string {
  const result = parseWorkshopFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.message;
}

function expectPlain(message: string) {
  expect(message).not.toMatch(ZOD_WORDING);
  expect(message).toMatch(/[.)] Nothing was imported\.$/);
}

describe('a refused workshop file', () => {
  it('names a missing field instead of "received undefined"', () => {
    const envelope = anEnvelope();
    const { organisation: _dropped, ...meta } = envelope.workshop.meta;
    const message = refusalOf(JSON.stringify({ ...envelope, workshop: { ...envelope.workshop, meta } }));
    expect(message).toBe('This workshop file is damaged. The organisation is missing. Nothing was imported.');
  });

  it('names an empty title with our own words and the field', () => {
    const message = refusalOf(anEnvelopeText(aWorkshopFile({ meta: aWorkshopMeta({ title: ' ' }) })));
    expect(message).toBe('This workshop file is damaged. The title: give the workshop a title. Nothing was imported.');
  });

  it('names a participant whose name is missing by their place in the list', () => {
    const envelope = anEnvelope(aWorkshopFile({ meta: aWorkshopMeta({ participants: [{ id: 'p1', name: 'Sam', role: '' }] }) }));
    const participants = [{ id: 'p1', role: '' }];
    const message = refusalOf(JSON.stringify({ ...envelope, workshop: { ...envelope.workshop, meta: { ...envelope.workshop.meta, participants } } }));
    expect(message).toBe('This workshop file is damaged. The name of participant 1 is missing. Nothing was imported.');
  });

  it('names a field Leanmap does not know', () => {
    const envelope = anEnvelope();
    const meta = { ...envelope.workshop.meta, budget: 100 };
    const message = refusalOf(JSON.stringify({ ...envelope, workshop: { ...envelope.workshop, meta } }));
    expect(message).toBe('This workshop file is damaged. Leanmap does not know the field "budget" in the workshop details; leave it out. Nothing was imported.');
  });

  it('refuses a reading on a day that does not exist, saying which', () => {
    const file = aWorkshopFile({ versions: [aFileVersion({ metrics: [aMetric({ readings: [aReading('2027-01-31'), aReading('2026-13-45')] })] })] });
    const message = refusalOf(anEnvelopeText(file));
    expect(message).toBe(
      'This workshop file is damaged. The date of reading 2 (metric 1): there is no day 2026-13-45 on the calendar. Pick a date that exists, like 2026-11-22. Nothing was imported.',
    );
  });

  it('refuses a sign-off on a day that does not exist', () => {
    const file = aWorkshopFile({ versions: [aFileVersion({ name: 'Agreed', signOff: { agreedAt: '2026-02-30', agreedBy: ['Sam'] }, document: aChainMap(2).doc })] });
    expectPlain(refusalOf(anEnvelopeText(file)));
    expect(refusalOf(anEnvelopeText(file))).toContain('The date it was agreed (map 1): there is no day 2026-02-30 on the calendar.');
  });

  it('reads a sign-off written as a full timestamp as its day', () => {
    const file = aWorkshopFile({ versions: [aFileVersion({ name: 'Agreed', signOff: { agreedAt: '2026-11-22T16:00:00.000Z', agreedBy: ['Sam'] }, document: aChainMap(2).doc })] });
    const result = parseWorkshopFile(anEnvelopeText(file));
    expect(result.ok && result.file.versions[0]!.signOff).toEqual({ agreedAt: '2026-11-22', agreedBy: ['Sam'] });
  });

  it('puts a full stop before "Nothing was imported." when a map cannot be read', () => {
    const { doc } = aChainMap(2);
    const broken = { ...doc, stages: doc.stages.map((s, i) => (i === 1 ? { ...s, name: 42 } : s)) } as unknown as typeof doc;
    const message = refusalOf(anEnvelopeText(aWorkshopFile({ versions: [aFileVersion({ name: 'Future state', signOff: null, document: broken })] })));
    expect(message.startsWith('Map "Future state" (number 1) cannot be read: ')).toBe(true);
    expect(message).toContain('The name of stage 2 should be text.');
    expectPlain(message);
  });

  it('never shows zod wording for a file with many problems', () => {
    const envelope = anEnvelope();
    const message = refusalOf(JSON.stringify({ ...envelope, workshop: { meta: { title: 1, extra: true }, versions: 'none', metrics: [{}] } }));
    expectPlain(message);
    expect(message).toMatch(/There are \d+ more problems/);
  });
});
