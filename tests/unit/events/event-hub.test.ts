// The backend's event hub and its rules: a successful write publishes to the
// subscribers of its workshop, in order; a refused write publishes nothing.
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../../../src-main/core/dispatcher';
import type { Handlers } from '../../../src-main/core/handlers';
import { createEventHub } from '../../../src-main/events/event-hub';
import { createEventRules, type EventLookup } from '../../../src-main/events/event-rules';
import { DomainError } from '../../../src-shared/api/errors';
import type { WorkshopEvent } from '../../../src-shared/api/events';
import { parseWorkshopEvent } from '../../../src-shared/api/events';
import { aMapDocument } from '../../fixtures/factories';

const saved = (workshopId: string, revision: number): WorkshopEvent => ({
  name: 'map.saved',
  payload: { workshopId, versionId: 'v-1', revision, byWindow: null },
});

describe('the event hub', () => {
  it('delivers each event to every subscriber of its workshop, in publish order', () => {
    const hub = createEventHub();
    const one: WorkshopEvent[] = [];
    const two: WorkshopEvent[] = [];
    hub.subscribe('w-1', (e) => one.push(e));
    hub.subscribe('w-1', (e) => two.push(e));
    hub.publish(saved('w-1', 2));
    hub.publish(saved('w-1', 3));
    expect(one).toEqual([saved('w-1', 2), saved('w-1', 3)]);
    expect(two).toEqual(one);
  });

  it('keeps other workshops\' events from a subscriber; a null subscription hears all', () => {
    const hub = createEventHub();
    const mine: WorkshopEvent[] = [];
    const all: WorkshopEvent[] = [];
    hub.subscribe('w-1', (e) => mine.push(e));
    hub.subscribe(null, (e) => all.push(e));
    hub.publish(saved('w-2', 2));
    expect(mine).toEqual([]);
    expect(all).toEqual([saved('w-2', 2)]);
  });

  it('stops delivering after unsubscribe, and a failing subscriber does not stop the others', () => {
    const log = vi.fn();
    const hub = createEventHub(log);
    const heard: WorkshopEvent[] = [];
    const stop = hub.subscribe('w-1', () => {
      throw new Error('window gone');
    });
    hub.subscribe('w-1', (e) => heard.push(e));
    hub.publish(saved('w-1', 2));
    expect(heard).toHaveLength(1);
    expect(log).toHaveBeenCalledOnce();
    stop();
    expect(hub.size()).toBe(1);
  });
});

describe('which write publishes what', () => {
  const lookup: EventLookup = {
    workshopOfVersion: (id) => (id === 'v-1' ? 'w-1' : undefined),
    metricPlace: (id) => (id === 'm-1' ? { workshopId: 'w-1', versionId: 'v-1' } : undefined),
    workshopOfImprovement: (id) => (id === 'i-1' ? 'w-1' : undefined),
  };
  const rules = createEventRules(lookup);

  it('an improvement created, changed or deleted: improvement.changed for its workshop, from the window that did it', () => {
    const changed = [{ name: 'improvement.changed', payload: { workshopId: 'w-1', byWindow: 'win-a' } }];
    expect(rules('improvement.create', { workshopId: 'w-1' }, 'win-a')!({})).toEqual(changed);
    expect(rules('improvement.update', { id: 'i-1' }, 'win-a')!({})).toEqual(changed);
    expect(rules('improvement.delete', { id: 'i-1' }, 'win-a')!({})).toEqual(changed);
    expect(rules('improvement.setStatus', { id: 'i-1', overrideReason: null }, 'win-a')!({})).toEqual(changed);
    expect(rules('improvement.list', { workshopId: 'w-1' })).toBeNull();
  });

  it('an unknown improvement publishes nothing (its workshop cannot be named)', () => {
    expect(rules('improvement.update', { id: 'gone' })!({})).toEqual([]);
  });

  it('a focus-limit override also re-reads the decision log; a parked topic made an idea, the improvements too', () => {
    expect(rules('improvement.setStatus', { id: 'i-1', overrideReason: 'Board asked' })!({}).map((e) => e.name)).toEqual([
      'improvement.changed',
      'session.changed',
    ]);
    expect(rules('parking.convertToIdea', { workshopId: 'w-1', id: 'p-1' })!({})).toEqual([
      { name: 'session.changed', payload: { workshopId: 'w-1', topic: 'parking', byWindow: null } },
      { name: 'improvement.changed', payload: { workshopId: 'w-1', byWindow: null } },
    ]);
  });

  it('a map save: map.saved with the new revision and the window that saved', () => {
    expect(rules('map.save', { versionId: 'v-1' }, 'win-a')!({ revision: 4 })).toEqual([
      { name: 'map.saved', payload: { workshopId: 'w-1', versionId: 'v-1', revision: 4, byWindow: 'win-a' } },
    ]);
  });

  it('an agreement: the workshop changed, and the map too (it is locked now)', () => {
    const events = rules('map.agree', { versionId: 'v-1' })!({ revision: 5 });
    expect(events.map((e) => e.name)).toEqual(['workshop.changed', 'map.saved']);
  });

  it('a metric or reading change: metric.changed for its version', () => {
    expect(rules('metric.addReading', { metricId: 'm-1' })!({})).toEqual([
      { name: 'metric.changed', payload: { workshopId: 'w-1', versionId: 'v-1', byWindow: null } },
    ]);
  });

  it('a facilitation-session write (agenda, timer, vote, …): session.changed with its topic; its reads nothing', () => {
    const timer = createEventRules(lookup) as unknown as (m: string, i: Record<string, unknown>, w?: string | null) => ((o: unknown) => WorkshopEvent[]) | null;
    expect(timer('timer.start', { workshopId: 'w-1' }, 'win-a')!({})).toEqual([
      { name: 'session.changed', payload: { workshopId: 'w-1', topic: 'timer', byWindow: 'win-a' } },
    ]);
    expect(timer('agenda.list', { workshopId: 'w-1' })).toBeNull();
  });

  it('reads publish nothing', () => {
    expect(rules('map.get', { versionId: 'v-1' })).toBeNull();
    expect(rules('workshop.list', {})).toBeNull();
    expect(rules('export.build', { versionId: 'v-1' })).toBeNull();
  });

  it('every event a rule makes is one the contract accepts', () => {
    const made = [
      ...rules('map.save', { versionId: 'v-1' })!({ revision: 2 }),
      ...rules('workshop.rename', { id: 'w-1' })!({ revision: 3 }),
      ...rules('map.deleteVersion', { versionId: 'v-1' })!({}),
      ...rules('metric.delete', { id: 'm-1' })!({}),
      ...rules('improvement.setStatus', { id: 'i-1', overrideReason: 'Board asked' })!({}),
      ...rules('parking.convertToIdea', { workshopId: 'w-1', id: 'p-1' })!({}),
    ];
    for (const event of made) expect(parseWorkshopEvent(event)).toEqual(event);
  });
});

describe('the dispatcher publishes', () => {
  function aDispatcher(save: () => unknown) {
    const hub = createEventHub();
    const heard: WorkshopEvent[] = [];
    hub.subscribe('w-1', (e) => heard.push(e));
    const handlers = { 'map.save': save } as unknown as Handlers;
    const lookup: EventLookup = { workshopOfVersion: () => 'w-1', metricPlace: () => undefined, workshopOfImprovement: () => undefined };
    const dispatch = createDispatcher(handlers, () => {}, { hub, rules: createEventRules(lookup) });
    const input = { versionId: 'v-1', revision: 1, document: aMapDocument() };
    return { dispatch, heard, input };
  }

  it('after a successful write, naming the calling window', async () => {
    const { dispatch, heard, input } = aDispatcher(() => ({ revision: 2, updatedAt: 'x' }));
    expect((await dispatch('map.save', input, { windowId: 'win-a' })).ok).toBe(true);
    expect(heard).toEqual([{ name: 'map.saved', payload: { workshopId: 'w-1', versionId: 'v-1', revision: 2, byWindow: 'win-a' } }]);
  });

  it('nothing for a refused write', async () => {
    const { dispatch, heard, input } = aDispatcher(() => {
      throw new DomainError('CONFLICT', 'Changed in another window.');
    });
    expect((await dispatch('map.save', input)).ok).toBe(false);
    expect(heard).toEqual([]);
  });
});
