// The reads a window needs first, started by the renderer's entry before the rest of
// the app's code has even loaded: a map's workshop and the map (for a 1,000-stage map,
// reading it and loading the code then overlap instead of following each other), the
// library's two lists. The pages' own calls for the same reads take these answers,
// once, while they are fresh; every other call goes straight to the transport.
// (A change another window saves between the early read and the editor's subscription
// to its workshop's events is not announced; the revision still guards the next save,
// and a refused save offers the latest map, as after any conflict.)
import type { WorkshopDetail } from '../../src-shared/api/contract';
import type { WireResult } from '../../src-shared/api/errors';
import type { Transport } from '../api/transports';
import { versionToOpen } from '../features/editor/open-map';
import type { Route } from '../routes';

/** An early answer not asked for by then is dropped: the editor was not opened at once, so it reads afresh. */
export const EARLY_READ_FRESH_MS = 5000;

/** The reads started early; nothing else is ever taken from them. */
const EARLY_METHODS = new Set(['workshop.get', 'map.get', 'workshop.list']);
const keyOf = (method: string, input: unknown) => `${method} ${JSON.stringify(input ?? {})}`;

/**
 * `transport`, with the reads of the map `route` opens on started now. A failed early
 * read is not handed on: the editor's call is made afresh (the host may have been
 * starting).
 */
export function withEarlyReads(transport: Transport, route: Route, now: () => number = () => performance.now()): Transport {
  const early = new Map<string, { at: number; answer: Promise<WireResult<unknown>> }>();
  const start = (method: string, input: unknown): Promise<WireResult<unknown>> => {
    const answer = transport(method, input);
    early.set(keyOf(method, input), { at: now(), answer });
    return answer;
  };
  if (route.page === 'library') {
    // As the library asks on opening (LibraryPage): the workshops, and the trash for its count.
    start('workshop.list', { query: '', trash: false });
    start('workshop.list', { query: '', trash: true });
  }
  if (route.page === 'workshop') {
    const workshop = start('workshop.get', { id: route.id });
    if (route.versionId) start('map.get', { versionId: route.versionId });
    else {
      // The map is known once the workshop answers: the same choice as the editor's.
      void workshop.then((answer) => {
        const chosen = answer.ok ? versionToOpen(answer.value as WorkshopDetail, null) : undefined;
        if (chosen) start('map.get', { versionId: chosen.id });
      });
    }
  }
  return (method, input, options) => {
    // Stale answers are let go (a big map's is megabytes).
    for (const [key, { at }] of early) if (now() - at > EARLY_READ_FRESH_MS) early.delete(key);
    // Only the reads started here are looked up: a save's input is a whole map, never to be written out again here.
    if (early.size === 0 || options || !EARLY_METHODS.has(method)) return transport(method, input, options);
    const key = keyOf(method, input);
    const hit = early.get(key);
    early.delete(key);
    if (!hit) return transport(method, input, options);
    return hit.answer.then((answer) => (answer.ok ? answer : transport(method, input)));
  };
}
