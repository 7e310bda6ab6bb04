// Which event each successful write publishes. The workshop is looked up before the
// write runs (a deleted version or metric cannot be asked afterwards); the events
// are made from the method's input and output once the write succeeded.
import type { Method } from '../../src-shared/api/contract';
import type { WorkshopEvent } from '../../src-shared/api/events';

export interface EventLookup {
  workshopOfVersion(versionId: string): string | undefined;
  metricPlace(metricId: string): { workshopId: string; versionId: string } | undefined;
}

/** Called with the write's output; returns what to publish. */
export type EventsAfter = (output: unknown) => WorkshopEvent[];

type In = Record<string, unknown>;
const str = (v: unknown): string => String(v);

/** Which part of the session changed, so a listener can tell a timer tick from a new decision. */
function sessionTopic(method: Method, input: In): string {
  if (method === 'session.update') {
    const patch = (input.patch ?? {}) as In;
    return patch.audience !== undefined ? 'audience' : 'agenda';
  }
  if (method === 'session.timer') return 'timer';
  if (method.startsWith('vote.')) return 'vote';
  if (method.startsWith('parking.')) return 'parking-lot';
  return 'decisions';
}

export function createEventRules(lookup: EventLookup) {
  const workshopChanged = (workshopId: string | undefined, byWindow: string | null): EventsAfter => (output) => {
    if (!workshopId) return [];
    const revision = typeof (output as { revision?: unknown })?.revision === 'number' ? (output as { revision: number }).revision : null;
    return [{ name: 'workshop.changed', payload: { workshopId, revision, byWindow } }];
  };
  const metricChanged = (place: { workshopId: string; versionId: string } | undefined, byWindow: string | null): EventsAfter => () =>
    place ? [{ name: 'metric.changed', payload: { ...place, byWindow } }] : [];

  /** null: the method changes nothing another window shows. */
  return function eventsFor(method: Method, input: In, byWindow: string | null = null): EventsAfter | null {
    switch (method) {
      case 'map.save': {
        const versionId = str(input.versionId);
        const workshopId = lookup.workshopOfVersion(versionId);
        return (output) =>
          workshopId ? [{ name: 'map.saved', payload: { workshopId, versionId, revision: (output as { revision: number }).revision, byWindow } }] : [];
      }
      case 'map.agree':
      case 'map.withdrawAgreement':
      case 'map.renameVersion':
      case 'map.deleteVersion': {
        const versionId = str(input.versionId);
        const workshopId = lookup.workshopOfVersion(versionId);
        // Agreeing locks the map: a window showing it must learn the new revision and sign-off.
        return (output) => [
          ...workshopChanged(workshopId, byWindow)(null),
          ...(workshopId && method !== 'map.renameVersion' && method !== 'map.deleteVersion' && typeof (output as { revision?: unknown }).revision === 'number'
            ? [{ name: 'map.saved' as const, payload: { workshopId, versionId, revision: (output as { revision: number }).revision, byWindow } }]
            : []),
        ];
      }
      case 'map.createVersion':
        return workshopChanged(lookup.workshopOfVersion(str(input.fromVersionId)), byWindow);
      case 'workshop.update':
      case 'workshop.rename':
      case 'workshop.trash':
      case 'workshop.restore':
      case 'workshop.purge':
        return workshopChanged(str(input.id), byWindow);
      case 'metric.create': {
        const workshopId = lookup.workshopOfVersion(str(input.versionId));
        return metricChanged(workshopId ? { workshopId, versionId: str(input.versionId) } : undefined, byWindow);
      }
      case 'metric.update':
      case 'metric.delete':
        return metricChanged(lookup.metricPlace(str(input.id)), byWindow);
      case 'metric.addReading':
      case 'metric.deleteReading':
        return metricChanged(lookup.metricPlace(str(input.metricId)), byWindow);
      // Facilitation records: every window showing the workshop (the audience view too) re-fetches the session.
      case 'session.update':
      case 'session.timer':
      case 'vote.open':
      case 'vote.count':
      case 'vote.close':
      case 'vote.reveal':
      case 'parking.add':
      case 'parking.move':
      case 'decision.add':
      case 'decision.supersede':
      case 'decision.reverse': {
        const workshopId = str(input.workshopId);
        const topic = sessionTopic(method, input);
        return () => [{ name: 'session.changed', payload: { workshopId, topic, byWindow } }];
      }
      default:
        return null;
    }
  };
}

export type EventRules = ReturnType<typeof createEventRules>;
