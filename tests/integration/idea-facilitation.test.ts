// Improvement ideas in the facilitation records, through the API on a real SQLite file:
// every window hears improvement changes, the room votes on ideas, a parked topic becomes
// an idea in one transaction, a focus-limit override is written to the decision log, and
// all of it survives the workshop file and reaches the report.
import { describe, expect, it } from 'vitest';
import type { WorkshopEvent } from '../../src-shared/api/events';
import { NOT_A_VOTE_TARGET } from '../../src-shared/domain/facilitation';
import { aWorkshopMeta } from '../fixtures/factories';
import { anImprovementFields } from '../fixtures/improvements';
import { call, refusal, useTempDirs } from '../fixtures/backend';
import type { Backend } from '../../src-main/backend';

const temp = useTempDirs();

async function aWorkshop() {
  const backend = await temp.openBackend(temp.makeDir());
  const meta = aWorkshopMeta({
    title: 'Kaizen week',
    participants: [
      { id: 'p-ana', name: 'Ana Silva', role: 'Sales lead' },
      { id: 'p-ben', name: 'Ben Okoro', role: 'Account executive' },
    ],
  });
  const workshop = await call(backend, 'workshop.create', { meta, template: 'b2b-buying-journey' });
  const map = await call(backend, 'map.get', { versionId: workshop.versions[0]!.id });
  return { backend, workshopId: workshop.id, versionId: map.id, stage: map.document.stages[1]! };
}

/** Every row of the tables these calls write, so a refusal can be shown to change nothing. */
const snapshot = (backend: Backend) => ({
  improvements: backend.db.prepare('SELECT id, revision, status, fields FROM improvements ORDER BY id').all(),
  sessions: backend.db.prepare('SELECT * FROM workshop_sessions').all(),
});

const idea = (backend: Backend, workshopId: string, text: string) =>
  call(backend, 'improvement.create', { workshopId, fields: anImprovementFields({ idea: text }) });

describe('improvement.changed', () => {
  it('reaches two subscribers of the workshop in the order the changes were made, and nothing for a refusal or a read', async () => {
    const { backend, workshopId, versionId } = await aWorkshop();
    const first: WorkshopEvent[] = [];
    const second: WorkshopEvent[] = [];
    backend.events.subscribe(workshopId, (e) => first.push(e));
    backend.events.subscribe(workshopId, (e) => second.push(e));

    const made = await idea(backend, workshopId, 'Book the next step');
    const edited = await call(backend, 'improvement.update', { id: made.id, revision: made.revision, fields: { votes: 2 } });
    await refusal(backend, 'improvement.update', { id: made.id, revision: made.revision, fields: { votes: 3 } });
    await call(backend, 'improvement.list', { workshopId });
    await call(backend, 'improvement.setStatus', { id: made.id, revision: edited.revision, status: 'planned', versionId });
    await backend.dispatch('improvement.delete', { id: made.id }, { windowId: 'w-second' });

    const expected = [
      { name: 'improvement.changed', payload: { workshopId, byWindow: null } },
      { name: 'improvement.changed', payload: { workshopId, byWindow: null } },
      { name: 'improvement.changed', payload: { workshopId, byWindow: null } },
      // Deleted: the workshop was looked up before the row was gone.
      { name: 'improvement.changed', payload: { workshopId, byWindow: 'w-second' } },
    ];
    expect(first).toEqual(expected);
    expect(second).toEqual(expected);
  });
});

describe('voting on improvement ideas', () => {
  it('opens a round on ideas, counts hands and lists the votes beside the idea in the report', async () => {
    const { backend, workshopId, versionId } = await aWorkshop();
    const a = await idea(backend, workshopId, 'Book the next step');
    const b = await idea(backend, workshopId, 'Share a cost calculator');
    const opened = await call(backend, 'vote.open', {
      workshopId,
      question: 'Which idea first?',
      votesPerPerson: 2,
      targets: [
        { kind: 'improvement', id: a.id, label: a.idea },
        { kind: 'improvement', id: b.id, label: b.idea },
      ],
    });
    const round = opened.rounds[0]!;
    await call(backend, 'vote.count', { workshopId, roundId: round.id, targetId: a.id, count: 3 });
    await call(backend, 'vote.count', { workshopId, roundId: round.id, targetId: b.id, count: 5 });
    const closed = await call(backend, 'vote.close', { workshopId, roundId: round.id });
    expect(closed.rounds[0]!.results!.map((r) => [r.target.label, r.votes, r.rank])).toEqual([
      ['Share a cost calculator', 5, 1],
      ['Book the next step', 3, 2],
    ]);

    const { files } = await call(backend, 'export.build', { versionId, format: 'csv' });
    const plan = files.find((f) => f.name.includes('improvements'))!.data.split('\n');
    const header = plan[0]!.split(',');
    const votesAt = header.indexOf('Votes');
    const ideaAt = header.indexOf('Improvement');
    // anImprovementFields types 0 votes on each; the room's 5 and 3 are added.
    const votesOf = (text: string) => plan.find((line) => line.split(',')[ideaAt] === text)!.split(',')[votesAt];
    expect([votesOf('Share a cost calculator'), votesOf('Book the next step')]).toEqual(['5', '3']);
  });

  it('refuses an idea that is not in the workshop as BAD_REFERENCE, changing nothing', async () => {
    const { backend, workshopId } = await aWorkshop();
    const other = await aWorkshop();
    const foreign = await idea(other.backend, other.workshopId, 'Somebody else’s idea');
    await call(backend, 'session.get', { workshopId });
    const before = snapshot(backend);
    const error = await refusal(backend, 'vote.open', {
      workshopId,
      question: 'Which idea first?',
      votesPerPerson: 1,
      targets: [{ kind: 'improvement', id: foreign.id, label: 'Somebody else’s idea' }],
    });
    expect(error.code).toBe('BAD_REFERENCE');
    expect(error.message).toContain('The improvement idea "Somebody else’s idea" is not in this workshop');
    expect(snapshot(backend)).toEqual(before);
  });

  it('refuses a participant as a target, saying people are never voted on', async () => {
    const { backend, workshopId } = await aWorkshop();
    const error = await refusal(backend, 'vote.open', {
      workshopId,
      question: 'Who closes best?',
      votesPerPerson: 1,
      targets: [{ kind: 'participant', id: 'p-ana', label: 'Ana Silva' }],
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain(NOT_A_VOTE_TARGET);
  });
});

describe('a parked topic made an improvement idea', () => {
  it('creates the idea from the item’s text about its stage and marks the item converted, pointing at it', async () => {
    const { backend, workshopId, stage } = await aWorkshop();
    const parked = await call(backend, 'parking.add', { workshopId, text: 'Legal review takes weeks', link: { kind: 'stage', id: stage.id } });
    const heard: string[] = [];
    backend.events.subscribe(workshopId, (e) => heard.push(e.name));
    const after = await call(backend, 'parking.convertToIdea', { workshopId, id: parked.parkingLot[0]!.id });

    const [made] = await call(backend, 'improvement.list', { workshopId });
    expect(made).toMatchObject({ id: after.improvementId, idea: 'Legal review takes weeks', status: 'idea', addresses: { kind: 'stage', stageId: stage.id } });
    expect(after.parkingLot[0]).toMatchObject({ status: 'converted', convertedTo: { kind: 'improvement', id: made!.id } });
    expect(heard).toEqual(['session.changed', 'improvement.changed']);
  });

  it('refuses an item already converted, or one that is gone, and creates no idea', async () => {
    const { backend, workshopId } = await aWorkshop();
    const parked = await call(backend, 'parking.add', { workshopId, text: 'Pricing page', link: null });
    const id = parked.parkingLot[0]!.id;
    await call(backend, 'parking.move', { workshopId, id, status: 'resolved' });
    const before = snapshot(backend);
    expect(await refusal(backend, 'parking.convertToIdea', { workshopId, id })).toMatchObject({
      code: 'VALIDATION',
      message: 'This item is already resolved. Reopen it first to make it an improvement idea.',
    });
    expect((await refusal(backend, 'parking.convertToIdea', { workshopId, id: 'no-such-item' })).code).toBe('NOT_FOUND');
    expect(snapshot(backend)).toEqual(before);
  });

  it('rolls the idea back when the item cannot be stored (the whole conversion is one transaction)', async () => {
    const { backend, workshopId } = await aWorkshop();
    const parked = await call(backend, 'parking.add', { workshopId, text: 'Pricing page', link: null });
    const before = snapshot(backend);
    // A trigger stands in for a failed write of the records after the idea was inserted.
    backend.db.exec(`CREATE TRIGGER fail_session BEFORE UPDATE ON workshop_sessions BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    const error = await refusal(backend, 'parking.convertToIdea', { workshopId, id: parked.parkingLot[0]!.id });
    expect(error.code).toBe('INTERNAL');
    backend.db.exec('DROP TRIGGER fail_session');
    expect(snapshot(backend)).toEqual(before);
  });
});

describe('a focus-limit override', () => {
  async function twoPlanned() {
    const w = await aWorkshop();
    for (const text of ['Book the next step', 'Share a cost calculator']) {
      const made = await idea(w.backend, w.workshopId, text);
      await call(w.backend, 'improvement.setStatus', { id: made.id, revision: made.revision, status: 'planned', versionId: w.versionId });
    }
    const third = await idea(w.backend, w.workshopId, 'Trial offer');
    return { ...w, third, planned: await call(w.backend, 'improvement.list', { workshopId: w.workshopId }) };
  }

  it('is written to the decision log with what, when, who and the ideas, in the same change', async () => {
    const { backend, workshopId, versionId, third, planned } = await twoPlanned();
    const moved = await call(backend, 'improvement.setStatus', {
      id: third.id,
      revision: third.revision,
      status: 'planned',
      versionId,
      overrideReason: 'The board asked for it',
      overrideBy: 'Ana Silva',
    });
    expect(moved).toMatchObject({ status: 'planned', focusOverrideReason: 'The board asked for it' });
    const { decisions } = await call(backend, 'session.get', { workshopId });
    expect(decisions).toEqual([
      {
        id: decisions[0]!.id,
        what: 'Focus limit overridden: "Trial offer" is planned while "Book the next step" and "Share a cost calculator" are already planned or on trial.',
        date: '2026-11-22',
        by: ['Ana Silva'],
        links: [third.id, planned[0]!.id, planned[1]!.id].map((id) => ({ kind: 'improvement', id })),
        status: 'active',
        supersededBy: null,
        reason: 'The board asked for it',
      },
    ]);
  });

  it('by someone who is not a participant is refused and the idea stays an idea; no override, no decision', async () => {
    const { backend, workshopId, versionId, third } = await twoPlanned();
    const before = snapshot(backend);
    const move = { id: third.id, revision: third.revision, status: 'planned' as const, versionId };
    expect((await refusal(backend, 'improvement.setStatus', { ...move, overrideReason: 'Board', overrideBy: 'Mallory' })).code).toBe('NOT_A_PARTICIPANT');
    expect((await refusal(backend, 'improvement.setStatus', move)).code).toBe('FOCUS_LIMIT');
    expect(snapshot(backend)).toEqual(before);
    // Without a name the decision is still logged, by nobody in particular.
    await call(backend, 'improvement.setStatus', { ...move, overrideReason: 'Board' });
    expect((await call(backend, 'session.get', { workshopId })).decisions.map((d) => d.by)).toEqual([[]]);
  });
});

describe('the workshop file', () => {
  it('carries idea votes, a converted topic and a decision about an idea out and back in, pointing at the copied ideas', async () => {
    const { backend, workshopId, versionId } = await aWorkshop();
    const a = await idea(backend, workshopId, 'Book the next step');
    const round = (await call(backend, 'vote.open', { workshopId, question: 'First?', votesPerPerson: 1, targets: [{ kind: 'improvement', id: a.id, label: a.idea }] })).rounds[0]!;
    await call(backend, 'vote.count', { workshopId, roundId: round.id, targetId: a.id, count: 4 });
    await call(backend, 'vote.close', { workshopId, roundId: round.id });
    const parked = await call(backend, 'parking.add', { workshopId, text: 'Pricing page', link: null });
    const converted = await call(backend, 'parking.convertToIdea', { workshopId, id: parked.parkingLot[0]!.id });
    await call(backend, 'decision.add', { workshopId, what: 'Start with the first idea', date: '2026-11-22', by: ['Ben Okoro'], links: [{ kind: 'improvement', id: a.id }] });

    const { text } = await call(backend, 'workshop.exportFile', { id: workshopId });
    const imported = await call(backend, 'workshop.importFile', { text });
    const ideas = await call(backend, 'improvement.list', { workshopId: imported.id });
    const newA = ideas.find((x) => x.idea === 'Book the next step')!.id;
    const newParkedIdea = ideas.find((x) => x.idea === 'Pricing page')!.id;
    expect(newA).not.toBe(a.id);
    const session = await call(backend, 'session.get', { workshopId: imported.id });
    expect(session.rounds[0]!.targets[0]!.id).toBe(newA);
    expect(session.rounds[0]!.counts).toEqual({ [newA]: 4 });
    expect(session.rounds[0]!.results![0]!.target.id).toBe(newA);
    expect(session.parkingLot[0]!.convertedTo).toEqual({ kind: 'improvement', id: newParkedIdea });
    expect(session.decisions[0]!.links).toEqual([{ kind: 'improvement', id: newA }]);
    expect(converted.improvementId).not.toBe(newParkedIdea);

    // The report of the copy names the ideas and counts their votes.
    const copyVersion = (await call(backend, 'workshop.get', { id: imported.id })).versions[0]!.id;
    const md = (await call(backend, 'export.build', { versionId: copyVersion, format: 'md' })).files[0]!.data;
    expect(md).toContain('| Start with the first idea | 2026-11-22 | Ben Okoro | Book the next step |');
    expect(md).toContain('Improvement idea: Pricing page');
    expect(versionId).not.toBe(copyVersion);
  });
});
