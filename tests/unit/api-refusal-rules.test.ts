// The pure rules behind the API's refusals: who may sign off (the participants, as
// the Mark agreed dialog names them) and what a metric may be attached to.
import { describe, expect, it } from 'vitest';
import { attachmentIsOnMaps, sameAttachment } from '../../src-shared/domain/metric-attachment';
import { AgreedSignOffSchema, ImportedSignOffSchema, namesNotParticipants, signOffName } from '../../src-shared/domain/sign-off';
import { aChainMap } from '../fixtures/factories';

const participants = [
  { name: 'Anna Müller', role: 'Head of sales' },
  { name: 'Jan Kowalski', role: '' },
];

describe('sign-off names', () => {
  it('are a participant\'s name, with the role in brackets when there is one', () => {
    expect(participants.map(signOffName)).toEqual(['Anna Müller (Head of sales)', 'Jan Kowalski']);
  });

  it('may be any participant, with or without the role', () => {
    expect(namesNotParticipants(['Anna Müller (Head of sales)', 'Jan Kowalski', 'Anna Müller'], participants)).toEqual([]);
  });

  it('name strangers, near-misses and wrong roles', () => {
    expect(namesNotParticipants(['Mallory', 'anna müller', 'Jan Kowalski (CEO)', 'Anna Müller (Head of sales)'], participants)).toEqual([
      'Mallory',
      'anna müller',
      'Jan Kowalski (CEO)',
    ]);
    expect(namesNotParticipants(['Robin'], [])).toEqual(['Robin']);
  });

  it('come with a real day and at least one person', () => {
    expect(AgreedSignOffSchema.safeParse({ agreedAt: '2026-11-22', agreedBy: ['Jan Kowalski'] }).success).toBe(true);
    expect(AgreedSignOffSchema.safeParse({ agreedAt: '2026-13-45', agreedBy: ['Jan Kowalski'] }).success).toBe(false);
    expect(AgreedSignOffSchema.safeParse({ agreedAt: '2026-11-22', agreedBy: [] }).success).toBe(false);
    expect(AgreedSignOffSchema.safeParse({ agreedAt: '2026-11-22', agreedBy: ['  '] }).success).toBe(false);
    expect(AgreedSignOffSchema.safeParse({ agreedAt: '2026-11-22', agreedBy: ['A'], witness: 'B' }).success).toBe(false);
  });

  it('read from a file, keep the day of a full timestamp but refuse one that does not exist', () => {
    expect(ImportedSignOffSchema.parse({ agreedAt: '2026-11-22T16:30:00.000Z', agreedBy: ['A'] })).toEqual({ agreedAt: '2026-11-22', agreedBy: ['A'] });
    expect(ImportedSignOffSchema.safeParse({ agreedAt: '2026-02-30T16:30:00.000Z', agreedBy: ['A'] }).success).toBe(false);
    expect(ImportedSignOffSchema.safeParse({ agreedAt: 'yesterday', agreedBy: ['A'] }).success).toBe(false);
  });
});

describe('what a metric is attached to', () => {
  const { doc } = aChainMap(3);
  const other = aChainMap(2).doc;

  it('is always on the map when it is the whole process', () => {
    expect(attachmentIsOnMaps({ kind: 'process' }, [])).toBe(true);
  });

  it('must be a stage or transition of one of the maps', () => {
    expect(attachmentIsOnMaps({ kind: 'stage', stageId: doc.stages[1]!.id }, [other, doc])).toBe(true);
    expect(attachmentIsOnMaps({ kind: 'transition', transitionId: doc.transitions[0]!.id }, [doc])).toBe(true);
    expect(attachmentIsOnMaps({ kind: 'stage', stageId: other.stages[0]!.id }, [doc])).toBe(false);
    expect(attachmentIsOnMaps({ kind: 'transition', transitionId: other.transitions[0]!.id }, [doc])).toBe(false);
    // A transition's id is not a stage, and the other way round.
    expect(attachmentIsOnMaps({ kind: 'stage', stageId: doc.transitions[0]!.id }, [doc])).toBe(false);
    expect(attachmentIsOnMaps({ kind: 'transition', transitionId: doc.stages[0]!.id }, [doc])).toBe(false);
  });

  it('is the same target only with the same kind and id', () => {
    expect(sameAttachment({ kind: 'process' }, { kind: 'process' })).toBe(true);
    expect(sameAttachment({ kind: 'stage', stageId: 'a' }, { kind: 'stage', stageId: 'a' })).toBe(true);
    expect(sameAttachment({ kind: 'stage', stageId: 'a' }, { kind: 'stage', stageId: 'b' })).toBe(false);
    expect(sameAttachment({ kind: 'stage', stageId: 'a' }, { kind: 'transition', transitionId: 'a' })).toBe(false);
    expect(sameAttachment({ kind: 'transition', transitionId: 'a' }, { kind: 'process' })).toBe(false);
  });
});
