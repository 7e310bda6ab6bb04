// Facilitation records (agenda, timer, votes, parking lot, decisions) through the
// transport-neutral API, on a real SQLite file: stored, kept across a restart, and
// every refusal changes nothing.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../src-main/backend';
import { schemaVersion } from '../../src-main/db/migrate';
import { SCHEMA_MIGRATIONS } from '../../src-main/db/migrations';
import { aWorkshopMeta } from '../fixtures/factories';
import { call, refusal, useTempDirs } from '../fixtures/backend';

const temp = useTempDirs();

/** A fixed clock the test moves by hand, so timer end times are exact. */
function handClock(start = '2026-11-22T09:00:00.000Z') {
  let t = Date.parse(start);
  const clock = () => new Date(t);
  return Object.assign(clock, { advance: (ms: number) => (t += ms) });
}

async function aWorkshop(clock = handClock()) {
  const dataDir = temp.makeDir();
  const backend = await temp.openBackend(dataDir, clock);
  const meta = aWorkshopMeta({
    title: 'Run the room',
    participants: [
      { id: 'p-ana', name: 'Ana Silva', role: 'Sales lead' },
      { id: 'p-ben', name: 'Ben Okoro', role: 'Account executive' },
    ],
  });
  const workshop = await call(backend, 'workshop.create', { meta, template: 'b2b-buying-journey' });
  const map = await call(backend, 'map.get', { versionId: workshop.versions[0]!.id });
  // Two stages of the template, renamed here so the votes read as a workshop would.
  const [aware, evaluating] = map.document.stages;
  const stageIds = { aware: aware!.id, eval: evaluating!.id };
  return { dataDir, backend, workshopId: workshop.id, versionId: map.id, document: map.document, stageIds, clock };
}

const stage = (id: string, label: string) => ({ kind: 'stage' as const, id, label });

describe('facilitation records', () => {
  it('starts a workshop with the standard kaizen agenda, a blank audience view and empty logs', async () => {
    const { backend, workshopId } = await aWorkshop();
    const session = await call(backend, 'session.get', { workshopId });
    expect(session.agenda.map((a) => a.title)).toEqual([
      'Outcomes and scope',
      'Map the buying journey',
      'Customer actions and commitments',
      'Put numbers on the journey',
      'Find the bottleneck',
      'Ideas and votes',
      'Top two and owners',
      'Agree the process',
    ]);
    expect(session).toMatchObject({ currentItemId: null, timer: { status: 'idle', durationMs: 20 * 60_000 }, rounds: [], parkingLot: [], decisions: [] });
    expect(session.audience.view).toEqual({ kind: 'blank' });
    // Reading twice does not create a second agenda.
    expect((await call(backend, 'session.get', { workshopId })).agenda.map((a) => a.id)).toEqual(session.agenda.map((a) => a.id));
  });

  it('runs the agenda: the current item and the audience view change together, and a stale revision is refused', async () => {
    const { backend, workshopId } = await aWorkshop();
    const s0 = await call(backend, 'session.get', { workshopId });
    const item = s0.agenda[1]!;
    const s1 = await call(backend, 'session.update', {
      workshopId,
      revision: s0.revision,
      patch: { currentItemId: item.id, audience: { ...s0.audience, view: item.view } },
    });
    expect(s1).toMatchObject({ currentItemId: item.id, revision: s0.revision + 1, audience: { view: { kind: 'map' } } });
    const stale = await refusal(backend, 'session.update', { workshopId, revision: s0.revision, patch: { currentItemId: null } });
    expect(stale.code).toBe('CONFLICT');
    expect((await call(backend, 'session.get', { workshopId })).currentItemId).toBe(item.id);
  });

  it('keeps the timer as an end time computed with the backend clock: start, pause, add time, reset', async () => {
    const { backend, workshopId, clock } = await aWorkshop();
    await call(backend, 'session.timer', { workshopId, action: 'set', ms: 10 * 60_000 });
    const started = await call(backend, 'session.timer', { workshopId, action: 'start' });
    expect(started.timer).toEqual({ status: 'running', durationMs: 600_000, endsAt: '2026-11-22T09:10:00.000Z' });
    clock.advance(4 * 60_000);
    const paused = await call(backend, 'session.timer', { workshopId, action: 'pause' });
    expect(paused.timer).toEqual({ status: 'paused', durationMs: 600_000, remainingMs: 360_000 });
    const more = await call(backend, 'session.timer', { workshopId, action: 'add', ms: 60_000 });
    expect(more.timer).toEqual({ status: 'paused', durationMs: 660_000, remainingMs: 420_000 });
    clock.advance(60_000);
    const again = await call(backend, 'session.timer', { workshopId, action: 'start' });
    expect(again.timer).toEqual({ status: 'running', durationMs: 660_000, endsAt: '2026-11-22T09:12:00.000Z' });
    const reset = await call(backend, 'session.timer', { workshopId, action: 'reset' });
    expect(reset.timer).toEqual({ status: 'idle', durationMs: 660_000 });
  });

  it('runs a vote with hand counts, keeps the results when it closes and shows them only when revealed', async () => {
    const { backend, workshopId, stageIds } = await aWorkshop();
    const opened = await call(backend, 'vote.open', {
      workshopId,
      question: 'Where do buyers get stuck?',
      votesPerPerson: 3,
      targets: [stage(stageIds.aware, 'Aware of a problem'), stage(stageIds.eval, 'Evaluating options')],
    });
    const round = opened.rounds[0]!;
    expect(round).toMatchObject({ status: 'open', revealed: false, results: null, counts: {} });
    await call(backend, 'vote.count', { workshopId, roundId: round.id, targetId: stageIds.aware, count: 2 });
    await call(backend, 'vote.count', { workshopId, roundId: round.id, targetId: stageIds.eval, count: 5 });
    const closed = await call(backend, 'vote.close', { workshopId, roundId: round.id });
    expect(closed.rounds[0]!.results!.map((r) => [r.target.label, r.votes, r.rank])).toEqual([
      ['Evaluating options', 5, 1],
      ['Aware of a problem', 2, 2],
    ]);
    const late = await refusal(backend, 'vote.count', { workshopId, roundId: round.id, targetId: stageIds.aware, count: 9 });
    expect(late).toMatchObject({ code: 'VALIDATION', message: 'This round is closed; open a new round to vote again.' });
    const revealed = await call(backend, 'vote.reveal', { workshopId, roundId: round.id, revealed: true });
    expect(revealed.rounds[0]!.revealed).toBe(true);
  });

  it('never votes on people: a participant is not a target kind', async () => {
    const { backend, workshopId } = await aWorkshop();
    const error = await refusal(backend, 'vote.open', {
      workshopId,
      question: 'Who is slowest?',
      votesPerPerson: 1,
      targets: [{ kind: 'participant', id: 'p-ana', label: 'Ana Silva' }],
    });
    expect(error.code).toBe('VALIDATION');
    expect((await call(backend, 'session.get', { workshopId })).rounds).toEqual([]);
  });

  it('parks an item with a link, converts it and refuses to convert it into nothing', async () => {
    const { backend, workshopId } = await aWorkshop();
    const s = await call(backend, 'parking.add', { workshopId, text: 'Legal review takes weeks', link: { kind: 'stage', id: 's-eval' } });
    const item = s.parkingLot[0]!;
    expect(item).toMatchObject({ status: 'open', link: { kind: 'stage', id: 's-eval' }, createdAt: '2026-11-22T09:00:00.000Z' });
    const bad = await refusal(backend, 'parking.move', { workshopId, id: item.id, status: 'converted' });
    expect(bad.code).toBe('VALIDATION');
    const converted = await call(backend, 'parking.move', { workshopId, id: item.id, status: 'converted', convertedTo: { kind: 'improvement', id: 'imp-1' } });
    expect(converted.parkingLot[0]).toMatchObject({ status: 'converted', convertedTo: { kind: 'improvement', id: 'imp-1' } });
  });

  it('logs decisions by participants only, supersedes one by a later one and reverses one with its reason', async () => {
    const { backend, workshopId } = await aWorkshop();
    const stranger = await refusal(backend, 'decision.add', { workshopId, what: 'Drop the demo', date: '2026-11-22', by: ['Zed Unknown'] });
    expect(stranger.code).toBe('NOT_A_PARTICIPANT');
    expect(stranger.message).toContain('"Zed Unknown" is not a participant');
    const a = await call(backend, 'decision.add', { workshopId, what: 'Qualify with three questions', date: '2026-11-22', by: ['ana silva'] });
    const b = await call(backend, 'decision.add', { workshopId, what: 'Qualify with two questions', date: '2026-11-22', by: ['Ben Okoro'], links: [{ kind: 'stage', id: 's-eval' }] });
    const [first, second] = b.decisions;
    expect(a.decisions).toHaveLength(1);
    const superseded = await call(backend, 'decision.supersede', { workshopId, id: first!.id, byId: second!.id });
    expect(superseded.decisions[0]).toMatchObject({ status: 'superseded', supersededBy: second!.id });
    const reversed = await call(backend, 'decision.reverse', { workshopId, id: second!.id, reason: 'Legal needs the third' });
    expect(reversed.decisions[1]).toMatchObject({ status: 'reversed', reason: 'Legal needs the third' });
    const twice = await refusal(backend, 'decision.reverse', { workshopId, id: second!.id, reason: 'again' });
    expect(twice).toMatchObject({ code: 'VALIDATION', message: 'Only an active decision can be reversed.' });
  });

  it('keeps every record across a restart', async () => {
    const { backend, workshopId, dataDir } = await aWorkshop();
    await call(backend, 'parking.add', { workshopId, text: 'Pricing page', link: null });
    await call(backend, 'decision.add', { workshopId, what: 'Weekly review', date: '2026-11-22', by: ['Ana Silva'] });
    const before = await call(backend, 'session.get', { workshopId });
    backend.close();
    const reopened = await temp.openBackend(dataDir, handClock());
    const after = await call(reopened, 'session.get', { workshopId });
    expect({ ...after, serverTime: '' }).toEqual({ ...before, serverTime: '' });
  });

  it('refuses every change to a workshop in the trash (IN_TRASH) and changes nothing', async () => {
    const { backend, workshopId } = await aWorkshop();
    const before = await call(backend, 'session.get', { workshopId });
    await call(backend, 'workshop.trash', { id: workshopId });
    const attempts: [string, object][] = [
      ['session.update', { workshopId, revision: before.revision, patch: { currentItemId: null } }],
      ['session.timer', { workshopId, action: 'start' }],
      ['vote.open', { workshopId, question: 'Q', votesPerPerson: 1, targets: [stage('s1', 'One')] }],
      ['parking.add', { workshopId, text: 'Later' }],
      ['decision.add', { workshopId, what: 'X', date: '2026-11-22', by: [] }],
    ];
    for (const [method, input] of attempts) expect((await refusal(backend, method, input)).code, method).toBe('IN_TRASH');
    expect(await call(backend, 'session.get', { workshopId })).toMatchObject({ revision: before.revision, timer: before.timer, rounds: [], parkingLot: [], decisions: [] });
  });

  it('refuses a field the app never sends, naming it, and an unknown workshop as NOT_FOUND', async () => {
    const { backend, workshopId } = await aWorkshop();
    expect((await refusal(backend, 'parking.add', { workshopId, text: 'x', colour: 'red' })).code).toBe('UNKNOWN_FIELD');
    expect((await refusal(backend, 'session.get', { workshopId: 'no-such-workshop' })).code).toBe('NOT_FOUND');
  });

  it('goes with the workshop when it is purged', async () => {
    const { backend, workshopId } = await aWorkshop();
    await call(backend, 'parking.add', { workshopId, text: 'Later', link: null });
    await call(backend, 'workshop.trash', { id: workshopId });
    await call(backend, 'workshop.purge', { id: workshopId });
    expect((backend.db.prepare('SELECT count(*) AS n FROM workshop_sessions').get() as { n: number }).n).toBe(0);
  });
});

describe('pushed events', () => {
  it('publishes session.changed with its topic after every facilitation write, and nothing after a refusal', async () => {
    const { backend, workshopId } = await aWorkshop();
    const heard: string[] = [];
    backend.events.subscribe(workshopId, (e) => heard.push(`${e.name}:${e.name === 'session.changed' ? e.payload.topic : ''}`));
    const s = await call(backend, 'session.get', { workshopId });
    await call(backend, 'session.update', { workshopId, revision: s.revision, patch: { audience: { ...s.audience, view: { kind: 'timer' } } } });
    await call(backend, 'session.timer', { workshopId, action: 'start' });
    await call(backend, 'parking.add', { workshopId, text: 'Later', link: null });
    await call(backend, 'decision.add', { workshopId, what: 'Go', date: '2026-11-22', by: ['Ana Silva'] });
    await refusal(backend, 'decision.add', { workshopId, what: 'Go', date: '2026-11-22', by: ['Nobody'] });
    expect(heard).toEqual(['session.changed:session', 'session.changed:session', 'session.changed:parking', 'session.changed:decision']);
  });
});

describe('schema step 6', () => {
  it('adds the facilitation records table to a database of the release before, backing it up first', async () => {
    const dataDir = temp.makeDir();
    const db = new Database(join(dataDir, DATABASE_FILE_NAME));
    const previous = SCHEMA_MIGRATIONS.filter((m) => m.version < 6);
    for (const step of previous) db.exec(step.sql);
    db.pragma(`user_version = ${previous.at(-1)!.version}`);
    db.close();
    const backend = await temp.openBackend(dataDir);
    expect(backend.migration.backupFile).toMatch(/backups/);
    expect(schemaVersion(backend.db)).toBeGreaterThanOrEqual(6);
    const cols = backend.db.prepare("SELECT name FROM pragma_table_info('workshop_sessions')").all() as { name: string }[];
    expect(cols.map((c) => c.name)).toEqual(['workshop_id', 'records', 'revision', 'updated_at']);
  });
});

describe('the workshop file', () => {
  it('carries the facilitation records out and back in', async () => {
    const { backend, workshopId } = await aWorkshop();
    await call(backend, 'parking.add', { workshopId, text: 'Pricing page', link: { kind: 'stage', id: 's-eval' } });
    await call(backend, 'decision.add', { workshopId, what: 'Weekly review', date: '2026-11-22', by: ['Ana Silva'] });
    const before = await call(backend, 'session.get', { workshopId });
    const { text } = await call(backend, 'workshop.exportFile', { id: workshopId });
    expect(JSON.parse(text).workshop.session.decisions[0].what).toBe('Weekly review');
    const imported = await call(backend, 'workshop.importFile', { text });
    const after = await call(backend, 'session.get', { workshopId: imported.id });
    expect({ agenda: after.agenda, parkingLot: after.parkingLot, decisions: after.decisions }).toEqual({
      agenda: before.agenda,
      parkingLot: before.parkingLot,
      decisions: before.decisions,
    });
  });

  it('reads a file without facilitation records as a workshop not yet run', async () => {
    const { backend, workshopId } = await aWorkshop();
    const { text } = await call(backend, 'workshop.exportFile', { id: workshopId });
    expect(JSON.parse(text).workshop.session).toBeUndefined();
    const imported = await call(backend, 'workshop.importFile', { text });
    expect((await call(backend, 'session.get', { workshopId: imported.id })).decisions).toEqual([]);
  });
});
