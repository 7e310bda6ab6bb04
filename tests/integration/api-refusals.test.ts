// The API refuses what the Leanmap app itself never sends, with its own error code
// and a sentence, and changes nothing: days that do not exist, edits to a workshop in
// the trash, metrics on another workshop's stages, sign-offs by strangers, "agreed"
// without an agreed version, and fields Leanmap does not know. Real SQLite file.
import { describe, expect, it } from 'vitest';
import { removeNodes } from '../../src-shared/domain/map-ops';
import type { MetricFields } from '../../src-shared/domain/metric';
import type { Backend } from '../../src-main/backend';
import { aWorkshopMeta } from '../fixtures/factories';
import { call, refusal, useTempDirs } from '../fixtures/backend';

const temp = useTempDirs();

function aMetric(overrides: Partial<MetricFields> = {}): MetricFields {
  return {
    attachTo: { kind: 'process' },
    name: 'Win rate',
    question: '',
    definition: '',
    unit: 'percent',
    kind: 'outcome',
    dataSource: '',
    ownerRole: 'Sales operations',
    cadence: 'monthly',
    baseline: 18,
    target: 25,
    suggestionKey: null,
    ...overrides,
  };
}

const participants = [
  { id: 'p1', name: 'Anna Müller', role: 'Head of sales' },
  { id: 'p2', name: 'Jan Kowalski', role: '' },
];

async function aWorkshopIn(backend: Backend, title = 'Refusals') {
  const workshop = await call(backend, 'workshop.create', { meta: aWorkshopMeta({ title, participants }), template: 'b2b-buying-journey' });
  const map = await call(backend, 'map.get', { versionId: workshop.versions[0]!.id });
  const metric = await call(backend, 'metric.create', { versionId: workshop.versions[0]!.id, fields: aMetric() });
  const withReading = await call(backend, 'metric.addReading', { metricId: metric.id, reading: { date: '2027-01-31', value: 19, note: '' } });
  return { workshop, map, metric: withReading };
}

async function setUp() {
  const backend = await temp.openBackend(temp.makeDir());
  return { backend, ...(await aWorkshopIn(backend)) };
}

/** Everything a refusal could have changed, to compare before and after. */
async function snapshot(backend: Backend, workshopId: string, trash = false) {
  const detail = await call(backend, 'workshop.get', { id: workshopId });
  return {
    list: await call(backend, 'workshop.list', { trash }),
    allWorkshops: [...(await call(backend, 'workshop.list', {})), ...(await call(backend, 'workshop.list', { trash: true }))].length,
    detail,
    maps: await Promise.all(detail.versions.map((v) => call(backend, 'map.get', { versionId: v.id }))),
    metrics: await Promise.all(detail.versions.map((v) => call(backend, 'metric.list', { versionId: v.id }))),
  };
}

describe('days that do not exist', () => {
  it.each(['2026-13-45', '2026-02-30', '0000-00-00', '2027-02-29', '1066-10-14'])('refuses a reading on %s and stores nothing', async (date) => {
    const { backend, workshop, metric } = await setUp();
    const before = await snapshot(backend, workshop.id);
    const error = await refusal(backend, 'metric.addReading', { metricId: metric.id, reading: { date, value: 20, note: '' } });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/^(There is no day .* on the calendar|Pick a date between the years 1900 and 2199)\./);
    expect(await snapshot(backend, workshop.id)).toEqual(before);
  });

  it('refuses to agree a version on a day that does not exist', async () => {
    const { backend, workshop, map } = await setUp();
    const before = await snapshot(backend, workshop.id);
    const error = await refusal(backend, 'map.agree', { versionId: map.id, revision: map.revision, signOff: { agreedAt: '2026-13-45', agreedBy: ['Jan Kowalski'] } });
    expect(error).toEqual({ code: 'VALIDATION', message: 'There is no day 2026-13-45 on the calendar. Pick a date that exists, like 2026-11-22.' });
    expect(await snapshot(backend, workshop.id)).toEqual(before);
  });

  it('refuses workshop details dated on a day that does not exist', async () => {
    const { backend, workshop } = await setUp();
    const before = await snapshot(backend, workshop.id);
    const error = await refusal(backend, 'workshop.update', { id: workshop.id, revision: before.detail.revision, meta: { ...before.detail.meta, date: '2026-02-30' } });
    expect(error.code).toBe('VALIDATION');
    expect(await snapshot(backend, workshop.id)).toEqual(before);
  });
});

describe('a workshop in the trash', () => {
  it('refuses every change until it is restored, and nothing changes', async () => {
    const { backend, workshop, map, metric } = await setUp();
    await call(backend, 'workshop.trash', { id: workshop.id });
    const before = await snapshot(backend, workshop.id, true);
    const { meta, revision } = before.detail;
    const attempts: [string, unknown][] = [
      ['workshop.update', { id: workshop.id, revision, meta: { ...meta, notes: 'edited in the trash' } }],
      ['workshop.rename', { id: workshop.id, revision, title: 'Renamed in the trash' }],
      ['workshop.duplicate', { id: workshop.id }],
      ['map.save', { versionId: map.id, revision: map.revision, document: removeNodes(map.document, new Set([map.document.stages[0]!.id])) }],
      ['map.agree', { versionId: map.id, revision: map.revision, signOff: { agreedAt: '2026-11-22', agreedBy: ['Jan Kowalski'] } }],
      ['map.createVersion', { fromVersionId: map.id, name: 'Future state' }],
      ['metric.create', { versionId: map.id, fields: aMetric({ name: 'Another' }) }],
      ['metric.update', { id: metric.id, revision: metric.revision, fields: aMetric({ target: 99 }) }],
      ['metric.delete', { id: metric.id }],
      ['metric.addReading', { metricId: metric.id, reading: { date: '2027-02-28', value: 20, note: '' } }],
      ['metric.deleteReading', { metricId: metric.id, readingId: metric.readings[0]!.id }],
    ];
    for (const [method, input] of attempts) {
      const error = await refusal(backend, method, input);
      expect(error.code, method).toBe('IN_TRASH');
      expect(error.message, method).toBe('This workshop is in the trash. Restore it from the Trash in the library to change it; nothing was changed.');
    }
    expect(await snapshot(backend, workshop.id, true)).toEqual(before);
    // Reading it, exporting it and restoring it stay possible.
    await call(backend, 'workshop.exportFile', { id: workshop.id });
    await call(backend, 'workshop.restore', { id: workshop.id });
    const restored = await call(backend, 'workshop.get', { id: workshop.id });
    await call(backend, 'workshop.rename', { id: workshop.id, revision: restored.revision, title: 'Back from the trash' });
  });
});

describe('metrics attached to what is not on this workshop\'s map', () => {
  it('refuses a stage or transition of another workshop, or of none, and stores nothing', async () => {
    const { backend, workshop } = await setUp();
    const other = await aWorkshopIn(backend, 'Other workshop');
    const before = await snapshot(backend, workshop.id);
    const targets: MetricFields['attachTo'][] = [
      { kind: 'stage', stageId: other.map.document.stages[0]!.id },
      { kind: 'transition', transitionId: other.map.document.transitions[0]!.id },
      { kind: 'stage', stageId: 'no-such-stage' },
      { kind: 'transition', transitionId: 'no-such-transition' },
    ];
    for (const attachTo of targets) {
      const error = await refusal(backend, 'metric.create', { versionId: workshop.versions[0]!.id, fields: aMetric({ attachTo }) });
      expect(error.code, JSON.stringify(attachTo)).toBe('BAD_REFERENCE');
      expect(error.message).toMatch(/^That (stage|transition) is not in the map "Current state"\. Attach the metric to one of its (stage|transition)s or to the whole process\.$/);
    }
    expect(await snapshot(backend, workshop.id)).toEqual(before);
  });

  it('accepts a stage and a transition of its own map', async () => {
    const { backend, map } = await setUp();
    const onStage = await call(backend, 'metric.create', { versionId: map.id, fields: aMetric({ attachTo: { kind: 'stage', stageId: map.document.stages[1]!.id } }) });
    expect(onStage.attachTo).toEqual({ kind: 'stage', stageId: map.document.stages[1]!.id });
    await call(backend, 'metric.create', { versionId: map.id, fields: aMetric({ attachTo: { kind: 'transition', transitionId: map.document.transitions[0]!.id } }) });
  });

  it('refuses moving a metric to another workshop\'s stage, but keeps one whose stage was since removed editable', async () => {
    const { backend, map } = await setUp();
    const other = await aWorkshopIn(backend, 'Other workshop');
    const stage = map.document.stages[1]!;
    const metric = await call(backend, 'metric.create', { versionId: map.id, fields: aMetric({ attachTo: { kind: 'stage', stageId: stage.id } }) });
    const moved = await refusal(backend, 'metric.update', { id: metric.id, revision: metric.revision, fields: aMetric({ attachTo: { kind: 'stage', stageId: other.map.document.stages[0]!.id } }) });
    expect(moved.code).toBe('BAD_REFERENCE');
    // The facilitator deletes the stage from the map; the metric's owner can still be edited.
    const withoutStage = removeNodes(map.document, new Set([stage.id]));
    await call(backend, 'map.save', { versionId: map.id, revision: map.revision, document: withoutStage });
    const edited = await call(backend, 'metric.update', { id: metric.id, revision: metric.revision, fields: aMetric({ attachTo: { kind: 'stage', stageId: stage.id }, ownerRole: 'Marketing' }) });
    expect(edited.ownerRole).toBe('Marketing');
  });
});

describe('who agreed', () => {
  it('must be the workshop\'s participants, named as the Mark agreed dialog names them', async () => {
    const { backend, workshop, map } = await setUp();
    const before = await snapshot(backend, workshop.id);
    const error = await refusal(backend, 'map.agree', {
      versionId: map.id,
      revision: map.revision,
      signOff: { agreedAt: '2026-11-22', agreedBy: ['Jan Kowalski', 'Mallory'] },
    });
    expect(error).toEqual({
      code: 'NOT_A_PARTICIPANT',
      message: '"Mallory" is not a participant of this workshop. Add them to the workshop details first, then mark the version agreed.',
    });
    expect(await snapshot(backend, workshop.id)).toEqual(before);
    const agreed = await call(backend, 'map.agree', {
      versionId: map.id,
      revision: map.revision,
      signOff: { agreedAt: '2026-11-22', agreedBy: ['Anna Müller (Head of sales)', 'Jan Kowalski'] },
    });
    expect(agreed.signOff?.agreedBy).toEqual(['Anna Müller (Head of sales)', 'Jan Kowalski']);
  });

  it('cannot be anyone when the workshop has no participants', async () => {
    const backend = await temp.openBackend(temp.makeDir());
    const workshop = await call(backend, 'workshop.create', { meta: aWorkshopMeta(), template: 'blank' });
    const map = await call(backend, 'map.get', { versionId: workshop.versions[0]!.id });
    const error = await refusal(backend, 'map.agree', { versionId: map.id, revision: map.revision, signOff: { agreedAt: '2026-11-22', agreedBy: ['Robin'] } });
    expect(error.code).toBe('NOT_A_PARTICIPANT');
    expect((await call(backend, 'map.get', { versionId: map.id })).signOff).toBeNull();
  });
});

describe('a workshop status of "agreed"', () => {
  it('is refused on a new workshop and on one without an agreed version', async () => {
    const { backend, workshop } = await setUp();
    const countBefore = (await call(backend, 'workshop.list', {})).length;
    const created = await refusal(backend, 'workshop.create', { meta: aWorkshopMeta({ status: 'agreed' }), template: 'blank' });
    expect(created).toEqual({
      code: 'NOT_AGREED',
      message: 'A workshop is agreed only once one of its map versions is marked agreed. Use Mark agreed… on the version.',
    });
    expect(await call(backend, 'workshop.list', {})).toHaveLength(countBefore);
    const before = await snapshot(backend, workshop.id);
    const updated = await refusal(backend, 'workshop.update', { id: workshop.id, revision: before.detail.revision, meta: { ...before.detail.meta, status: 'agreed' } });
    expect(updated.code).toBe('NOT_AGREED');
    expect(await snapshot(backend, workshop.id)).toEqual(before);
  });

  it('is kept when a version is agreed', async () => {
    const { backend, workshop, map } = await setUp();
    await call(backend, 'map.agree', { versionId: map.id, revision: map.revision, signOff: { agreedAt: '2026-11-22', agreedBy: ['Jan Kowalski'] } });
    const detail = await call(backend, 'workshop.get', { id: workshop.id });
    expect(detail.meta.status).toBe('agreed');
    const updated = await call(backend, 'workshop.update', { id: workshop.id, revision: detail.revision, meta: { ...detail.meta, notes: 'Signed off' } });
    expect(updated.meta).toMatchObject({ status: 'agreed', notes: 'Signed off' });
  });
});

describe('fields Leanmap does not know', () => {
  it('are refused and named, not silently dropped, and nothing changes', async () => {
    const { backend, workshop, map, metric } = await setUp();
    const before = await snapshot(backend, workshop.id);
    const { meta, revision } = before.detail;
    const attempts: [string, unknown, string][] = [
      ['app.info', { verbose: true }, 'Leanmap does not know the field "verbose"; leave it out.'],
      ['workshop.create', { meta: aWorkshopMeta(), template: 'blank', owner: 'x' }, 'Leanmap does not know the field "owner"; leave it out.'],
      ['workshop.update', { id: workshop.id, revision, meta: { ...meta, budget: 1 } }, 'Leanmap does not know the field "budget" in the workshop details; leave it out.'],
      [
        'workshop.update',
        { id: workshop.id, revision, meta: { ...meta, participants: [{ ...participants[0], email: 'a@b' }] } },
        'Leanmap does not know the field "email" in participant 1; leave it out.',
      ],
      ['metric.update', { id: metric.id, revision: metric.revision, fields: { ...aMetric(), colour: 'red' } }, 'Leanmap does not know the field "colour" in the metric; leave it out.'],
      ['metric.addReading', { metricId: metric.id, reading: { date: '2027-02-28', value: 1, note: '', by: 'x' } }, 'Leanmap does not know the field "by" in the reading; leave it out.'],
      [
        'map.agree',
        { versionId: map.id, revision: map.revision, signOff: { agreedAt: '2026-11-22', agreedBy: ['Jan Kowalski'], witness: 'x' } },
        'Leanmap does not know the field "witness" in the sign-off; leave it out.',
      ],
      ['workshop.list', { query: '', trash: false, limit: 5 }, 'Leanmap does not know the field "limit"; leave it out.'],
    ];
    for (const [method, input, message] of attempts) {
      expect(await refusal(backend, method, input), method).toEqual({ code: 'UNKNOWN_FIELD', message });
    }
    expect(await snapshot(backend, workshop.id)).toEqual(before);
  });

  it('come with other problems in plain words, never zod wording', async () => {
    const { backend } = await setUp();
    const error = await refusal(backend, 'metric.create', { versionId: 'x', fields: { name: '' } });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).not.toMatch(/received|expected|Invalid|Too small|Unrecognized/);
    expect(error.message).toContain('What the metric measures is missing.');
  });
});
