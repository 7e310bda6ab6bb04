// The improvement store of the editor: each change is sent with the revision it is based
// on, only the fields changed, one after another per improvement; a change refused because
// another window changed the improvement first is reported once and nothing more is sent;
// a third improvement refused by the focus limit is kept as a refusal the facilitator can
// override with a reason; any other failure says so and changes nothing.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlanImprovement } from '../../../src-shared/api/contract';
import type { WireResult } from '../../../src-shared/api/errors';
import type { ApiClient } from '../../../src-renderer/api/client';
import { changedImprovementFields, createImprovementStore, newImprovementFields } from '../../../src-renderer/store/improvement-store';
import { createUiStore } from '../../../src-renderer/store/ui-store';
import { anImprovement, anImprovementFields } from '../../fixtures/improvements';

type Call = { method: string; input: Record<string, unknown>; answer: (result: WireResult<unknown>) => void };
const calls: Call[] = [];

/** An API client whose answers the test gives, one call at a time. */
const api = {
  call: (method: string, input: Record<string, unknown>) => new Promise<WireResult<unknown>>((answer) => calls.push({ method, input, answer })),
} as unknown as ApiClient;

// The map's pending save is flushed before each write (an idea may name a card added a
// moment ago); here there is no map, so the flush is a counted no-op.
const flushes = { count: 0 };
const savePendingMap = async () => {
  flushes.count += 1;
};

let ui = createUiStore();
let improvements = createImprovementStore({ api, savePendingMap, notify: (n, t) => ui.getState().notify(n, t) });

function aPlanImprovement(overrides: Partial<PlanImprovement> = {}): PlanImprovement {
  return { ...anImprovement({ id: 'i1' }), revision: 1, workshopId: 'w1', createdAt: '2026-11-30T00:00:00.000Z', ...overrides };
}

async function sent(n: number): Promise<Call> {
  await vi.waitFor(() => expect(calls.length).toBeGreaterThanOrEqual(n));
  return calls[n - 1]!;
}

const item = () => improvements.getState().items[0]!;
const errors = () => ui.getState().notices.filter((n) => n.tone === 'error').map((n) => n.text);

beforeEach(() => {
  calls.length = 0;
  ui = createUiStore();
  improvements = createImprovementStore({ api, savePendingMap, notify: (n, t) => ui.getState().notify(n, t) });
  improvements.setState({ workshopId: 'w1', items: [aPlanImprovement()], loading: false, conflict: null, focusRefusal: null, draft: null });
});

describe('capturing an idea', () => {
  it('starts a draft with what it addresses and the suggestion, every other field empty', () => {
    improvements.getState().startDraft({ kind: 'transition', transitionId: 't1' }, { effects: [{ kind: 'conversion', transitionId: 't1', rate: 0.5 }] });
    const draft = improvements.getState().draft!;
    expect(draft).toEqual({
      ...newImprovementFields({ kind: 'transition', transitionId: 't1' }),
      effects: [{ kind: 'conversion', transitionId: 't1', rate: 0.5 }],
    });
    expect(draft.idea).toBe('');
    expect(draft.votes).toBe(0);
  });

  it('creates it in the open workshop, after saving the map edit pending, and adds it to the list', async () => {
    const fields = anImprovementFields({ idea: 'Book the next step' });
    const flushedBefore = flushes.count;
    const made = improvements.getState().create(fields);
    const call = await sent(1);
    expect(flushes.count).toBe(flushedBefore + 1);
    expect(call).toMatchObject({ method: 'improvement.create', input: { workshopId: 'w1', fields } });
    call.answer({ ok: true, value: aPlanImprovement({ id: 'i2', idea: 'Book the next step' }) });
    expect((await made)?.id).toBe('i2');
    expect(improvements.getState().items.map((x) => x.id)).toEqual(['i1', 'i2']);
  });
});

describe('changing an improvement', () => {
  it('sends only the fields that differ from the improvement as loaded', () => {
    const saved = anImprovementFields({ votes: 3, effects: [{ kind: 'conversion', transitionId: 't1', rate: 0.5 }] });
    expect(changedImprovementFields(saved, { votes: 3, effects: [{ kind: 'conversion', transitionId: 't1', rate: 0.5 }], impact: 5 })).toEqual({ impact: 5 });
  });

  it('sends two quick changes one after another, the second on the revision the first made', async () => {
    const first = improvements.getState().update('i1', { votes: 7 });
    const second = improvements.getState().update('i1', { impact: 5 });
    const a = await sent(1);
    expect(a.input).toEqual({ id: 'i1', revision: 1, fields: { votes: 7 } });
    expect(calls).toHaveLength(1);
    a.answer({ ok: true, value: aPlanImprovement({ votes: 7, revision: 2 }) });
    const b = await sent(2);
    expect(b.input).toEqual({ id: 'i1', revision: 2, fields: { impact: 5 } });
    b.answer({ ok: true, value: aPlanImprovement({ votes: 7, impact: 5, revision: 3 }) });
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(item()).toMatchObject({ votes: 7, impact: 5, revision: 3 });
  });

  it('on a conflict keeps the other window’s change, says so, and sends nothing more', async () => {
    const first = improvements.getState().update('i1', { votes: 7 });
    const second = improvements.getState().update('i1', { votes: 8 });
    (await sent(1)).answer({ ok: false, error: { code: 'CONFLICT', message: 'Someone else changed this improvement.' } });
    expect(await first).toBe(false);
    expect(await second).toBe(false);
    expect(calls).toHaveLength(1);
    expect(improvements.getState().conflict).toBe('Someone else changed this improvement.');
    expect(item().votes).toBe(0);
  });

  it('on any other failure shows the message and keeps the improvement as it was', async () => {
    const done = improvements.getState().update('i1', { idea: 'x' });
    (await sent(1)).answer({ ok: false, error: { code: 'UNAVAILABLE', message: 'Leanmap cannot reach its data right now.' } });
    expect(await done).toBe(false);
    expect(errors()).toEqual(['Leanmap cannot reach its data right now.']);
    expect(item().idea).toBe(anImprovementFields().idea);
    expect(improvements.getState().conflict).toBeNull();
  });
});

describe('moving an improvement along', () => {
  it('plans it on the open map version and keeps what the API answers (the frozen prediction)', async () => {
    const moved = improvements.getState().setStatus('i1', 'planned', { versionId: 'v1' });
    const call = await sent(1);
    expect(call).toMatchObject({
      method: 'improvement.setStatus',
      input: { id: 'i1', revision: 1, status: 'planned', versionId: 'v1', overrideReason: null, trialStart: null, reviewDate: null },
    });
    call.answer({ ok: true, value: aPlanImprovement({ status: 'planned', revision: 2 }) });
    expect(await moved).toBe('moved');
    expect(item().status).toBe('planned');
  });

  it('keeps a focus-limit refusal with its sentence, and an override retries with the reason', async () => {
    const message = 'Focus on two at a time: "A" and "B" are already planned or on trial.';
    const refused = improvements.getState().setStatus('i1', 'planned', { versionId: 'v1' });
    (await sent(1)).answer({ ok: false, error: { code: 'FOCUS_LIMIT', message } });
    expect(await refused).toBe('focus-limit');
    expect(improvements.getState().focusRefusal).toEqual({ id: 'i1', status: 'planned', message });
    expect(item().status).toBe('idea');
    expect(errors()).toEqual([]);

    const retried = improvements.getState().setStatus('i1', 'planned', { versionId: 'v1', overrideReason: 'The customer asked for it' });
    const call = await sent(2);
    expect(call.input).toMatchObject({ status: 'planned', overrideReason: 'The customer asked for it' });
    call.answer({ ok: true, value: aPlanImprovement({ status: 'planned', focusOverrideReason: 'The customer asked for it', revision: 2 }) });
    expect(await retried).toBe('moved');
    expect(improvements.getState().focusRefusal).toBeNull();
    expect(item().focusOverrideReason).toBe('The customer asked for it');
  });

  it('a status move waits for a field change sent just before it', async () => {
    void improvements.getState().update('i1', { votes: 4 });
    const moved = improvements.getState().setStatus('i1', 'planned', { versionId: 'v1' });
    (await sent(1)).answer({ ok: true, value: aPlanImprovement({ votes: 4, revision: 2 }) });
    const call = await sent(2);
    expect(call.input).toMatchObject({ revision: 2, status: 'planned' });
    call.answer({ ok: true, value: aPlanImprovement({ votes: 4, status: 'planned', revision: 3 }) });
    expect(await moved).toBe('moved');
  });
});

describe('loading and deleting', () => {
  it('a failed load says why and leaves the list empty', async () => {
    const loading = improvements.getState().load('w2');
    (await sent(1)).answer({ ok: false, error: { code: 'NOT_FOUND', message: 'This workshop is no longer there.' } });
    await loading;
    expect(improvements.getState().items).toEqual([]);
    expect(errors()).toEqual(['This workshop is no longer there.']);
  });

  it('an answer for a workshop no longer open is ignored', async () => {
    const first = improvements.getState().load('w2');
    const second = improvements.getState().load('w3');
    const a = await sent(1);
    const b = await sent(2);
    b.answer({ ok: true, value: [aPlanImprovement({ id: 'from-w3', workshopId: 'w3' })] });
    a.answer({ ok: true, value: [aPlanImprovement({ id: 'from-w2', workshopId: 'w2' })] });
    await Promise.all([first, second]);
    expect(improvements.getState().items.map((x) => x.id)).toEqual(['from-w3']);
  });

  it('a refused delete keeps the improvement', async () => {
    const removed = improvements.getState().remove('i1');
    (await sent(1)).answer({ ok: false, error: { code: 'NOT_FOUND', message: 'That improvement is no longer there.' } });
    expect(await removed).toBe(false);
    expect(improvements.getState().items).toHaveLength(1);
  });
});

describe('refreshing after another window changed the improvements', () => {
  const answerList = async (n: number, items: PlanImprovement[] | null) => {
    const call = await sent(n);
    expect(call).toMatchObject({ method: 'improvement.list', input: { workshopId: 'w1' } });
    call.answer(items ? { ok: true, value: items } : { ok: false, error: { code: 'UNAVAILABLE', message: 'Leanmap is not answering.' } });
  };

  it('shows the other window’s list: a new idea, a changed one, a deleted one gone', async () => {
    improvements.setState({ items: [aPlanImprovement(), aPlanImprovement({ id: 'i2', idea: 'Deleted there' })] });
    const done = improvements.getState().refresh('w1');
    await answerList(1, [aPlanImprovement({ revision: 2, idea: 'Changed there' }), aPlanImprovement({ id: 'i3', idea: 'Made there' })]);
    await done;
    expect(improvements.getState().items.map((x) => [x.id, x.idea, x.revision])).toEqual([
      ['i1', 'Changed there', 2],
      ['i3', 'Made there', 1],
    ]);
  });

  it('keeps an idea of ours stored after the list was read (a newer revision than the answer)', async () => {
    const refreshing = improvements.getState().refresh('w1');
    const updating = improvements.getState().update('i1', { votes: 7 });
    const update = await sent(2);
    update.answer({ ok: true, value: aPlanImprovement({ revision: 2, votes: 7 }) });
    await updating;
    // The list was read before our update was stored: it still has revision 1.
    await answerList(1, [aPlanImprovement({ revision: 1, votes: 0 })]);
    await refreshing;
    expect(item()).toMatchObject({ revision: 2, votes: 7 });
  });

  it('changes nothing when the read fails or another workshop was opened meanwhile, and reads nothing for a workshop not open', async () => {
    const failing = improvements.getState().refresh('w1');
    await answerList(1, null);
    await failing;
    expect(improvements.getState().items).toEqual([aPlanImprovement()]);

    const late = improvements.getState().refresh('w1');
    improvements.setState({ workshopId: 'w2', items: [] });
    await answerList(2, [aPlanImprovement({ idea: 'From w1' })]);
    await late;
    expect(improvements.getState().items).toEqual([]);

    await improvements.getState().refresh('w1');
    expect(calls).toHaveLength(2);
  });
});
