// Test doubles for the saver: a hand-driven clock for its timers, a backend that
// checks revisions the way the database does and answers only when told to, and a
// page whose lifecycle events the test fires.
import type { ApiClient } from '../../../src-renderer/api/client';
import type { PageLifecycle, SaverTimers } from '../../../src-renderer/store/saver';
import { createDocumentStore } from '../../../src-renderer/store/document-store';
import type { MapVersion, WorkshopDetail } from '../../../src-shared/api/contract';
import type { ApiError, WireResult } from '../../../src-shared/api/errors';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import { aMapDocument, aStage, aWorkshopMeta } from '../../fixtures/factories';

/** Timers that fire only when the test moves the clock. */
export function manualTimers(): SaverTimers & { now: number; advance(ms: number): void; pending(): number } {
  let now = 0;
  let nextId = 1;
  const due = new Map<number, { at: number; fn: () => void }>();
  return {
    get now() {
      return now;
    },
    set: (fn, ms) => {
      const id = nextId++;
      due.set(id, { at: now + ms, fn });
      return id;
    },
    clear: (handle) => {
      due.delete(handle as number);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const next = [...due.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!next) break;
        due.delete(next[0]);
        now = next[1].at;
        next[1].fn();
      }
      now = until;
    },
    pending: () => due.size,
  };
}

export interface SaveCall {
  versionId: string;
  revision: number;
  document: MapDocument;
  keepalive: boolean;
  /** The body the saver wrote for a JSON transport. */
  json: Blob | undefined;
}

type Answer = { ok: true } | { ok: false; error: ApiError };

/**
 * map.save as the database does it (a stale revision is a CONFLICT), except that each
 * call waits until the test answers it, in any order the test chooses.
 */
export function heldBackend(startRevision = 1) {
  const stored = new Map<string, { revision: number; document: MapDocument | null }>();
  const calls: SaveCall[] = [];
  const waiting: { call: SaveCall; answer(a: Answer): void }[] = [];
  const client: ApiClient = {
    call: ((method: string, input: { versionId: string; revision: number; document: MapDocument }, options?: { keepalive?: boolean; json?: Blob }): Promise<WireResult<unknown>> => {
      if (method !== 'map.save') throw new Error(`unexpected call ${method}`);
      const call: SaveCall = { ...input, keepalive: options?.keepalive ?? false, json: options?.json };
      calls.push(call);
      return new Promise<WireResult<unknown>>((resolve) => {
        waiting.push({
          call,
          answer: (a) => {
            if (!a.ok) return resolve({ ok: false, error: a.error });
            const row = stored.get(call.versionId) ?? { revision: startRevision, document: null };
            if (row.revision !== call.revision) {
              return resolve({ ok: false, error: { code: 'CONFLICT', message: 'Someone else saved this map.' } });
            }
            stored.set(call.versionId, { revision: row.revision + 1, document: call.document });
            resolve({ ok: true, value: { revision: row.revision + 1, updatedAt: '2026-11-22T10:00:00.000Z' } });
          },
        });
      });
    }) as unknown as ApiClient['call'],
  };
  /** Lets pending promise callbacks run (the saver's awaits). */
  const settle = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  return {
    client,
    calls,
    stored,
    waiting: () => waiting.length,
    /** Answers the oldest waiting save as the database would. */
    async answer(a: Answer = { ok: true }) {
      const next = waiting.shift();
      if (!next) throw new Error('no save is waiting');
      next.answer(a);
      await settle();
    },
    settle,
  };
}

export function fakePage(): PageLifecycle & { hide(): void; beforeUnload(): boolean; watching: boolean } {
  let handlers: { hidden(): void; beforeUnload(): boolean } | null = null;
  return {
    get watching() {
      return handlers !== null;
    },
    watch: (h) => {
      handlers = h;
      return () => {
        handlers = null;
      };
    },
    hide: () => handlers?.hidden(),
    beforeUnload: () => handlers?.beforeUnload() ?? false,
  };
}

export function aWorkshopDetail(id = 'workshop-1', versionIds: string[] = ['version-1']): WorkshopDetail {
  return {
    id,
    meta: aWorkshopMeta(),
    revision: 1,
    createdAt: '2026-11-22T10:00:00.000Z',
    updatedAt: '2026-11-22T10:00:00.000Z',
    deletedAt: null,
    versions: versionIds.map((v) => ({ id: v, name: `Map ${v}`, revision: 1, signOff: null, agreementHistory: [], sourceVersionId: null, updatedAt: '2026-11-22T10:00:00.000Z' })),
  };
}

export function aMapVersion(id = 'version-1', overrides: Partial<MapVersion> = {}): MapVersion {
  return {
    id,
    workshopId: 'workshop-1',
    name: 'Current state',
    revision: 1,
    signOff: null,
    agreementHistory: [],
    sourceVersionId: null,
    updatedAt: '2026-11-22T10:00:00.000Z',
    document: aMapDocument({ stages: [aStage({ id: 'stage-a', name: 'Recognise the need' })] }),
    ...overrides,
  };
}

/** A store with one map loaded (revision 1). */
export function loadedStore(version: MapVersion = aMapVersion()) {
  const store = createDocumentStore();
  store.getState().load(aWorkshopDetail(version.workshopId, [version.id]), version);
  return store;
}

/** Renames the first stage: one visible edit. */
export function rename(store: ReturnType<typeof createDocumentStore>, name: string, commit = false) {
  store.getState().change((doc) => ({ ...doc, stages: doc.stages.map((s, i) => (i === 0 ? { ...s, name } : s)) }), { commit });
}

export const firstStageName = (doc: MapDocument | null | undefined) => doc?.stages[0]?.name;
