// For every method of the API contract: invalid inputs get their error code and
// change nothing (every row of every table compared before and after). Methods are
// read from the contract, so a new one is covered as soon as it has a valid input.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src-main/backend';
import { contract, METHODS, type Method } from '../../../src-shared/api/contract';
import { tickingClock } from '../../fixtures/backend';
import { aWorld, dbSnapshot, metricFields, VALID_INPUTS, type Target } from './api-world';
import { dateVariants, shapeVariants, targetVariants, type Json, type Variant } from './invalid-variants';

let dir: string;
let backend: Backend;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'leanmap-api-input-'));
  backend = await createBackend({ dataDir: dir, clock: tickingClock(), log: () => {} });
});
afterEach(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Each variant must be refused with one of its codes and leave every row as it was; returns what went wrong. */
async function refusedUnchanged(method: string, variants: Variant[]): Promise<string[]> {
  const problems: string[] = [];
  for (const v of variants) {
    const before = dbSnapshot(backend);
    const result = await backend.dispatch(method, v.input);
    if (result.ok) problems.push(`${v.name}: accepted`);
    else if (!v.codes.includes(result.error.code)) problems.push(`${v.name}: ${result.error.code} (${result.error.message}), not ${v.codes.join('/')}`);
    else if (result.error.message.trim().length < 10) problems.push(`${v.name}: refused without a message`);
    if (dbSnapshot(backend) !== before) problems.push(`${v.name}: changed the database`);
  }
  return problems;
}

const validFor = (method: Method, t: Target) => VALID_INPUTS[method](t) as unknown as { [key: string]: Json };

describe.each(METHODS)('%s', (method) => {
  it('has a valid input that it accepts (so each refusal below is about the one thing changed)', async () => {
    const result = await backend.dispatch(method, validFor(method, await aWorld(backend)));
    expect(result).toMatchObject({ ok: true });
  });

  it('refuses wrong types, missing fields, and text and lists over every limit, changing nothing', async () => {
    const valid = validFor(method, await aWorld(backend));
    expect(await refusedUnchanged(method, shapeVariants(contract[method].input, valid))).toEqual([]);
  });

  it('refuses unknown ids and stale revisions with their codes, changing nothing', async () => {
    const valid = validFor(method, await aWorld(backend));
    expect(await refusedUnchanged(method, targetVariants(valid))).toEqual([]);
  });

  it('refuses a field it does not know as UNKNOWN_FIELD, changing nothing', async () => {
    const valid = validFor(method, await aWorld(backend));
    expect(await refusedUnchanged(method, [{ name: 'an unknown field', input: { ...valid, unexpected: 'x' }, codes: ['UNKNOWN_FIELD'] }])).toEqual([]);
  });
});

const METHODS_WITH_DATES = METHODS.filter((m) => dateVariants(validFor(m, DUMMY_TARGET())).length > 0);

describe('dates that do not exist', () => {
  it('are carried by some methods (the list below is not empty)', () => {
    expect(METHODS_WITH_DATES).toEqual(expect.arrayContaining(['workshop.create', 'workshop.update', 'map.agree', 'metric.addReading']));
  });

  for (const method of METHODS_WITH_DATES) {
    it(`are refused by ${method}, changing nothing`, async () => {
      const valid = validFor(method, await aWorld(backend));
      expect(await refusedUnchanged(method, dateVariants(valid))).toEqual([]);
    });
  }
});

describe('agreed versions', () => {
  it.each(['map.save', 'map.agree', 'map.renameVersion', 'metric.create'] as const)('refuse %s as LOCKED, changing nothing', async (method) => {
    const t = await aWorld(backend);
    const valid = validFor(method, { ...t, versionId: t.agreedVersionId, revision: t.agreedRevision });
    expect(await refusedUnchanged(method, [{ name: 'the agreed version', input: valid, codes: ['LOCKED'] }])).toEqual([]);
  });
});

/** Edits of a workshop's content; each must be refused while the workshop is in the trash. */
const EDITS_OF_A_WORKSHOP: Method[] = [
  'workshop.update',
  'workshop.rename',
  'map.save',
  'map.agree',
  'map.createVersion',
  'map.renameVersion',
  'map.deleteVersion',
  'map.withdrawAgreement',
  'metric.create',
  'metric.update',
  'metric.delete',
  'metric.addReading',
  'metric.deleteReading',
  'improvement.create',
  'improvement.update',
  'improvement.setStatus',
  'improvement.delete',
  'parking.convertToIdea',
  'vote.open',
];


describe('a workshop in the trash', () => {
  it.each(EDITS_OF_A_WORKSHOP)('refuses %s as IN_TRASH, changing nothing', async (method) => {
    const t = await aWorld(backend, { trashIt: true });
    expect(await refusedUnchanged(method, [{ name: 'a trashed workshop', input: validFor(method, t), codes: ['IN_TRASH'] }])).toEqual([]);
  });
});

describe('inputs the app never sends', () => {
  it('refuses a metric attached to a stage that is not in its version\'s map', async () => {
    const t = await aWorld(backend);
    const input = { versionId: t.versionId, fields: metricFields({ attachTo: { kind: 'stage', stageId: 'stage-of-another-workshop' } }) };
    expect(await refusedUnchanged('metric.create', [{ name: 'a foreign stage', input, codes: ['BAD_REFERENCE'] }])).toEqual([]);
  });

  it('refuses a metric moved to a transition that is not in its version\'s map', async () => {
    const t = await aWorld(backend);
    const input = { id: t.metricId, revision: t.metricRevision, fields: { attachTo: { kind: 'transition', transitionId: 'nowhere' } } };
    expect(await refusedUnchanged('metric.update', [{ name: 'a foreign transition', input, codes: ['BAD_REFERENCE'] }])).toEqual([]);
  });

  it('refuses a sign-off by someone who is not a participant', async () => {
    const t = await aWorld(backend);
    const input = { versionId: t.versionId, revision: t.revision, signOff: { agreedAt: '2026-11-23', agreedBy: ['Mallory'] } };
    expect(await refusedUnchanged('map.agree', [{ name: 'a stranger', input, codes: ['NOT_A_PARTICIPANT'] }])).toEqual([]);
  });

  it('refuses a workshop marked agreed that has no agreed version', async () => {
    const t = await aWorld(backend);
    const input = { meta: { ...t.meta, title: 'Claims agreement', status: 'agreed' }, template: 'blank' };
    expect(await refusedUnchanged('workshop.create', [{ name: 'agreed without a sign-off', input, codes: ['NOT_AGREED'] }])).toEqual([]);
  });

  it('refuses details that say agreed while no version of the workshop is', async () => {
    const t = await aWorld(backend);
    const input = { id: t.workshopId, revision: t.workshopRevision, meta: { ...t.meta, status: 'agreed' } };
    expect(await refusedUnchanged('workshop.update', [{ name: 'agreed without a sign-off', input, codes: ['NOT_AGREED'] }])).toEqual([]);
  });
});

/** Ids and values of the right shape, for deciding which methods carry dates without a database. */
function DUMMY_TARGET(): Target {
  return {
    workshopId: 'w',
    workshopRevision: 1,
    meta: { title: 'T', organisation: '', team: '', date: '2026-11-22', facilitator: '', participants: [], objective: '', scope: { segment: '', offering: '', idealCustomer: '' }, status: 'draft', notes: '' },
    versionId: 'v',
    revision: 1,
    document: { schemaVersion: 2, stages: [], outcomes: [], transitions: [], process: {} } as unknown as Target['document'],
    spareVersionId: 's',
    agreedVersionId: 'a',
    agreedRevision: 2,
    metricId: 'm',
    metricRevision: 1,
    readingId: 'r',
    improvementId: 'i',
    improvementRevision: 1,
    exportText: '{}',
    trashedId: 't',
    sessionRevision: 1,
    roundId: 'round',
    voteTargetId: 'target',
    parkingId: 'parked',
    decisionId: 'd1',
    laterDecisionId: 'd2',
  };
}
