// The reads a window needs first, started by the renderer's entry before the rest of
// the app's code has even loaded: a map's workshop and the map, both at once (for a
// 1,000-stage map, reading it and loading the code then overlap instead of following
// each other), or the library's two lists. The pages' own calls for the same reads take these answers,
// once, while they are fresh; every other call goes straight to the transport.
// (A change another window saves between the early read and the editor's subscription
// to its workshop's events is not announced; the revision still guards the next save,
// and a refused save offers the latest map, as after any conflict.)
import type { WireResult } from '../../src-shared/api/errors';
import type { Transport } from '../api/transports';
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
  // A window naming no version opens the workshop's first: asked for beside the workshop
  // ('map.open'), not after it; the editor's read of the version it chose takes it if it is that one.
  let firstMap: { at: number; answer: Promise<WireResult<unknown>> } | null = null;
  if (route.page === 'workshop') {
    start('workshop.get', { id: route.id });
    if (route.versionId) start('map.get', { versionId: route.versionId });
    else firstMap = { at: now(), answer: transport('map.open', { workshopId: route.id }) };
  }
  return (method, input, options) => {
    // Stale answers are let go (a big map's is megabytes).
    for (const [key, { at }] of early) if (now() - at > EARLY_READ_FRESH_MS) early.delete(key);
    if (firstMap && now() - firstMap.at > EARLY_READ_FRESH_MS) firstMap = null;
    if (firstMap && method === 'map.get' && !options) {
      const { answer } = firstMap;
      firstMap = null;
      const asked = (input as { versionId?: unknown }).versionId;
      return answer.then((opened) => (opened.ok && (opened.value as { id: string }).id === asked ? opened : transport(method, input)));
    }
    // Only the reads started here are looked up: a save's input is a whole map, never to be written out again here.
    if (early.size === 0 || options || !EARLY_METHODS.has(method)) return transport(method, input, options);
    const key = keyOf(method, input);
    const hit = early.get(key);
    early.delete(key);
    if (!hit) return transport(method, input, options);
    return hit.answer.then((answer) => (answer.ok ? answer : transport(method, input)));
  };
}
