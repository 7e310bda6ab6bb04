// The workshop's improvements (DOMAIN.md "Improvement") as the renderer holds them. Each
// change goes to the backend at once with the revision it was based on, queued per
// improvement; a change made in another window first is reported, never overwritten.
// A status move refused by the focus limit is kept as a refusal the view can offer to
// override with a reason.
import { createStore, useStore } from 'zustand';
import type { PlanImprovement } from '../../src-shared/api/contract';
import { blankImprovementFields, type ImprovementFields, type ImprovementStatus, type ImprovementTarget } from '../../src-shared/domain/improvement';
import type { ApiClient } from '../api/client';
import { useEditorSession } from '../session/SessionContext';
import type { Notify } from './ui-store';

/** A third improvement refused by the focus limit: the API's sentence, and what was asked. */
export interface FocusRefusal {
  id: string;
  status: ImprovementStatus;
  message: string;
}

export interface StatusOptions {
  versionId: string;
  overrideReason?: string | null;
  /** The participant who decided the override (named in the decision log). */
  overrideBy?: string | null;
  trialStart?: string | null;
  reviewDate?: string | null;
}

export type StatusOutcome = 'moved' | 'focus-limit' | 'failed';

/** The fields of a new idea, with what it addresses and any suggestion filled in (the domain's blank idea). */
export const newImprovementFields = blankImprovementFields;

export interface ImprovementState {
  workshopId: string | null;
  items: PlanImprovement[];
  loading: boolean;
  /** Set when a change was refused because another window changed the improvement first. */
  conflict: string | null;
  focusRefusal: FocusRefusal | null;
  /** An idea being captured from the map or the figures (the capture dialog shows it). */
  draft: ImprovementFields | null;
  load(workshopId: string): Promise<void>;
  /**
   * Re-reads the list after another window (or a parked topic made an idea) changed it.
   * An item this window holds at a newer revision than the answer is kept: the answer
   * was read before that change of ours was stored.
   */
  refresh(workshopId: string): Promise<void>;
  startDraft(addresses: ImprovementTarget, prefill?: Partial<ImprovementFields>): void;
  cancelDraft(): void;
  create(fields: ImprovementFields): Promise<PlanImprovement | null>;
  update(id: string, fields: Partial<ImprovementFields>): Promise<boolean>;
  setStatus(id: string, status: ImprovementStatus, options: StatusOptions): Promise<StatusOutcome>;
  clearFocusRefusal(): void;
  remove(id: string): Promise<boolean>;
}

/** The fields of `next` that differ from `saved` (compared as JSON: effects and targets are objects). */
export function changedImprovementFields(saved: ImprovementFields, next: Partial<ImprovementFields>): Partial<ImprovementFields> {
  return Object.fromEntries(
    Object.entries(next).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(saved[key as keyof ImprovementFields])),
  ) as Partial<ImprovementFields>;
}

export interface ImprovementStoreDeps {
  api: ApiClient;
  /** Saves the session's pending map edit (the backend checks ideas against the saved map). */
  savePendingMap: () => Promise<void>;
  /** Where a refusal other than a conflict is told to the facilitator. */
  notify: Notify;
}

/** An improvement store on an API client and a saver: one per EditorSession. */
export const createImprovementStore = ({ api, savePendingMap, notify }: ImprovementStoreDeps) => createStore<ImprovementState>()((set, get) => {
  const fail = (message: string) => notify({ text: message, tone: 'error' });
  /** One chain of pending changes per improvement, so each is sent on the revision the one before it made. */
  const queues = new Map<string, Promise<unknown>>();
  const enqueue = <T>(id: string, run: () => Promise<T>): Promise<T> => {
    const previous = queues.get(id) ?? Promise.resolve();
    const next = previous.then(run, run);
    queues.set(id, next);
    void next.finally(() => {
      if (queues.get(id) === next) queues.delete(id);
    });
    return next;
  };
  const replace = (item: PlanImprovement) => set({ items: get().items.map((x) => (x.id === item.id ? item : x)) });
  const refused = (error: { code: string; message: string }) => {
    if (error.code === 'CONFLICT') set({ conflict: error.message });
    else fail(error.message);
  };

  const send = async (id: string, fields: Partial<ImprovementFields>): Promise<boolean> => {
    const current = get().items.find((x) => x.id === id);
    if (!current || get().conflict) return false;
    const changed = changedImprovementFields(current, fields);
    if (Object.keys(changed).length === 0) return true;
    await savePendingMap();
    const result = await api.call('improvement.update', { id, revision: current.revision, fields: changed });
    if (!result.ok) {
      refused(result.error);
      return false;
    }
    replace(result.value);
    return true;
  };

  const move = async (id: string, status: ImprovementStatus, options: StatusOptions): Promise<StatusOutcome> => {
    // Planning freezes the prediction from the saved map: the latest edit is saved first.
    await savePendingMap();
    const current = get().items.find((x) => x.id === id);
    if (!current || get().conflict) return 'failed';
    const result = await api.call('improvement.setStatus', {
      id,
      revision: current.revision,
      status,
      versionId: options.versionId,
      overrideReason: options.overrideReason ?? null,
      overrideBy: options.overrideBy ?? null,
      trialStart: options.trialStart ?? null,
      reviewDate: options.reviewDate ?? null,
    });
    if (!result.ok) {
      if (result.error.code === 'FOCUS_LIMIT') {
        set({ focusRefusal: { id, status, message: result.error.message } });
        return 'focus-limit';
      }
      refused(result.error);
      return 'failed';
    }
    set({ focusRefusal: null });
    replace(result.value);
    return 'moved';
  };

  return {
    workshopId: null,
    items: [],
    loading: false,
    conflict: null,
    focusRefusal: null,
    draft: null,
    load: async (workshopId) => {
      set({ workshopId, loading: true, items: [], conflict: null, focusRefusal: null });
      const result = await api.call('improvement.list', { workshopId });
      if (get().workshopId !== workshopId) return;
      if (result.ok) set({ items: result.value, loading: false });
      else {
        set({ loading: false });
        fail(result.error.message);
      }
    },
    refresh: async (workshopId) => {
      if (get().workshopId !== workshopId) return;
      const result = await api.call('improvement.list', { workshopId });
      // Another workshop opened meanwhile, or the read failed: what is shown stays.
      if (get().workshopId !== workshopId || !result.ok) return;
      const mine = new Map(get().items.map((x) => [x.id, x]));
      set({ items: result.value.map((x) => (mine.get(x.id)?.revision ?? 0) > x.revision ? mine.get(x.id)! : x) });
    },
    startDraft: (addresses, prefill) => set({ draft: newImprovementFields(addresses, prefill) }),
    cancelDraft: () => set({ draft: null }),
    create: async (fields) => {
      const workshopId = get().workshopId;
      if (!workshopId) return null;
      // An idea may name a stage, action or arrow added a moment ago: the backend checks
      // it against the saved map, so the pending map edit is saved first.
      await savePendingMap();
      const result = await api.call('improvement.create', { workshopId, fields });
      if (!result.ok) {
        refused(result.error);
        return null;
      }
      if (get().workshopId === workshopId) set({ items: [...get().items, result.value] });
      return result.value;
    },
    update: (id, fields) => enqueue(id, () => send(id, fields)),
    setStatus: (id, status, options) => enqueue(id, () => move(id, status, options)),
    clearFocusRefusal: () => set({ focusRefusal: null }),
    remove: async (id) => {
      const result = await api.call('improvement.delete', { id });
      if (!result.ok) {
        refused(result.error);
        return false;
      }
      set({ items: get().items.filter((x) => x.id !== id) });
      return true;
    },
  };
});

/** Reads the window's improvements (its EditorSession's). */
export function useImprovementStore<T>(selector: (s: ImprovementState) => T): T {
  return useStore(useEditorSession().improvements, selector);
}
