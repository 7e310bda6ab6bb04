// Which event each successful write publishes. The workshop is looked up before the
// write runs (a deleted version or metric cannot be asked afterwards); the events
// are made from the method's input and output once the write succeeded.
import type { Method } from '../../src-shared/api/contract';
import type { WorkshopEvent } from '../../src-shared/api/events';

export interface EventLookup {
  workshopOfVersion(versionId: string): string | undefined;
  metricPlace(metricId: string): { workshopId: string; versionId: string } | undefined;
  workshopOfImprovement(improvementId: string): string | undefined;
}

/** Called with the write's output; returns what to publish. */
export type EventsAfter = (output: unknown) => WorkshopEvent[];

type In = Record<string, unknown>;

/**
 * Facilitation-session methods (`<noun>.<verb>` with a `workshopId` input) publish
 * session.changed with the noun as topic, so the audience view and the presenter
 * console re-fetch it. Add a noun here when a new session record gets methods.
 */
export const SESSION_TOPICS: readonly string[] = ['session', 'agenda', 'timer', 'vote', 'voting', 'parking', 'decision', 'audience'];
const READ_VERBS = new Set(['get', 'list', 'show', 'read', 'export']);

function sessionTopic(method: string, input: In): { topic: string; workshopId: string } | null {
  const [noun, verb] = method.split('.');
  if (!noun || !verb || !SESSION_TOPICS.includes(noun) || READ_VERBS.has(verb)) return null;
  return typeof input.workshopId === 'string' ? { topic: noun, workshopId: input.workshopId } : null;
}
const str = (v: unknown): string => String(v);

export function createEventRules(lookup: EventLookup) {
  const workshopChanged = (workshopId: string | undefined, byWindow: string | null): EventsAfter => (output) => {
    if (!workshopId) return [];
    const revision = typeof (output as { revision?: unknown })?.revision === 'number' ? (output as { revision: number }).revision : null;
    return [{ name: 'workshop.changed', payload: { workshopId, revision, byWindow } }];
  };
  const metricChanged = (place: { workshopId: string; versionId: string } | undefined, byWindow: string | null): EventsAfter => () =>
    place ? [{ name: 'metric.changed', payload: { ...place, byWindow } }] : [];

  const improvementChanged = (workshopId: string | undefined, byWindow: string | null): WorkshopEvent[] =>
    workshopId ? [{ name: 'improvement.changed', payload: { workshopId, byWindow } }] : [];

  /** null: the method changes nothing another window shows. */
  return function eventsFor(method: Method, input: In, byWindow: string | null = null): EventsAfter | null {
    const session = sessionTopic(method, input);
    // A parked topic made an idea changes the parking lot and the improvements both.
    if (session && method === 'parking.convertToIdea') {
      return () => [{ name: 'session.changed', payload: { ...session, byWindow } }, ...improvementChanged(session.workshopId, byWindow)];
    }
    if (session) return () => [{ name: 'session.changed', payload: { ...session, byWindow } }];
    switch (method) {
      case 'improvement.create':
        return () => improvementChanged(str(input.workshopId), byWindow);
      case 'improvement.update':
      case 'improvement.delete': {
        const workshopId = lookup.workshopOfImprovement(str(input.id));
        return () => improvementChanged(workshopId, byWindow);
      }
      case 'improvement.setStatus': {
        const workshopId = lookup.workshopOfImprovement(str(input.id));
        // An override reason may have written a decision: the decision log re-reads too.
        const overridden = typeof input.overrideReason === 'string' && input.overrideReason.trim() !== '';
        return () => [
          ...improvementChanged(workshopId, byWindow),
          ...(workshopId && overridden ? [{ name: 'session.changed' as const, payload: { workshopId, topic: 'decision', byWindow } }] : []),
        ];
      }
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
      default:
        return null;
    }
  };
}

export type EventRules = ReturnType<typeof createEventRules>;
