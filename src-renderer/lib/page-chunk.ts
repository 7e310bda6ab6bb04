// A page that is a chunk of its own (the editor, the audience view), shown as soon as
// it has loaded. Not React.lazy: lazy shows its Suspense fallback first, and React then
// holds the loaded page back for up to 300 ms (its throttle on revealing suspended
// content), which was about a third of the time to open a big map.
import { useEffect, useState } from 'react';

export interface PageChunk<T> {
  /** Loads the chunk once; after a failure (e.g. the app was updated under the window) the next call tries again. */
  load(): Promise<T>;
  /** The chunk if it has loaded, else null. */
  loaded(): T | null;
}

export function pageChunk<T>(importer: () => Promise<T>): PageChunk<T> {
  let chunk: T | null = null;
  let pending: Promise<T> | null = null;
  return {
    load() {
      pending ??= importer().then(
        (m) => (chunk = m),
        (error: unknown) => {
          pending = null;
          throw error;
        },
      );
      return pending;
    },
    loaded: () => chunk,
  };
}

/** Starts loading now (e.g. when the window opens on that page); a failure is reported where the page is shown. */
export function preload<T>(chunk: PageChunk<T>): void {
  chunk.load().catch(() => undefined);
}

export type ChunkState<T> = { chunk: T | null; failed: boolean };

/** The chunk for rendering: null until loaded, then the module; `failed` if it could not be loaded. */
export function useChunk<T>(chunk: PageChunk<T>): ChunkState<T> {
  const [state, setState] = useState<ChunkState<T>>(() => ({ chunk: chunk.loaded(), failed: false }));
  useEffect(() => {
    if (state.chunk || state.failed) return;
    let live = true;
    chunk.load().then(
      (m) => live && setState({ chunk: m, failed: false }),
      () => live && setState({ chunk: null, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [chunk, state]);
  return state;
}
