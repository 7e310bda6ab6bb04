// The open map version's measurement plan. Each change goes to the backend at once
// (metrics are small records, not part of the debounced map document), sending only
// the fields changed and the revision they were based on: a metric changed in
// another window is never overwritten; the plan then offers to reload.
import { createStore, useStore, type StateCreator } from 'zustand';
import type { PlanMetric } from '../../src-shared/api/contract';
import type { MetricFields, ReadingInput } from '../../src-shared/domain/metric';
import type { ApiClient } from '../api/client';
import { useEditorSession } from '../session/SessionContext';
import type { Notify } from './ui-store';

export interface PlanState {
  versionId: string | null;
  metrics: PlanMetric[];
  loading: boolean;
  /** Set when a change was refused because another window changed the plan first. */
  conflict: string | null;
  load(versionId: string): Promise<void>;
  /** Re-reads the plan after another window changed it, without emptying it meanwhile. */
  refresh(versionId: string): Promise<void>;
  create(fields: MetricFields): Promise<PlanMetric | null>;
  createMany(fields: MetricFields[]): Promise<void>;
  /** Saves what differs from the metric as last loaded; queued behind earlier changes of it. */
  update(id: string, fields: Partial<MetricFields>): Promise<boolean>;
  /** Changes some fields of a metric (same as update; kept for the inline cells). */
  patch(id: string, fields: Partial<MetricFields>): Promise<boolean>;
  remove(id: string): Promise<void>;
  addReading(metricId: string, reading: ReadingInput): Promise<boolean>;
  deleteReading(metricId: string, readingId: string): Promise<void>;
}

/** The fields of `next` that differ from `saved` (compared as JSON: attachments are objects). */
export function changedFields(saved: MetricFields, next: Partial<MetricFields>): Partial<MetricFields> {
  return Object.fromEntries(
    Object.entries(next).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(saved[key as keyof MetricFields])),
  ) as Partial<MetricFields>;
}

export interface PlanStoreDeps {
  api: ApiClient;
  /** Where a refusal other than a conflict is told to the facilitator. */
  notify: Notify;
}

/** The plan's behaviour on a given API client (each EditorSession passes its own). */
const planState = ({ api, notify }: PlanStoreDeps): StateCreator<PlanState> => (set, get) => {
  const fail = (message: string) => notify({ text: message, tone: 'error' });
  /** One chain of pending changes per metric, so each is sent on the revision the one before it made. */
  const queues = new Map<string, Promise<boolean>>();
  const replace = (metric: PlanMetric) => set({ metrics: get().metrics.map((m) => (m.id === metric.id ? metric : m)) });
  const refused = (error: { code: string; message: string }) => {
    if (error.code === 'CONFLICT') set({ conflict: error.message });
    else fail(error.message);
  };

  const send = async (id: string, fields: Partial<MetricFields>): Promise<boolean> => {
    const current = get().metrics.find((m) => m.id === id);
    if (!current || get().conflict) return false;
    const changed = changedFields(current, fields);
    if (Object.keys(changed).length === 0) return true;
    const result = await api.call('metric.update', { id, revision: current.revision, fields: changed });
    if (!result.ok) {
      refused(result.error);
      return false;
    }
    replace(result.value);
    return true;
  };

  return {
    versionId: null,
    metrics: [],
    loading: false,
    conflict: null,
    load: async (versionId) => {
      set({ versionId, loading: true, metrics: [], conflict: null });
      const result = await api.call('metric.list', { versionId });
      if (get().versionId !== versionId) return;
      if (result.ok) set({ metrics: result.value, loading: false });
      else {
        set({ loading: false });
        fail(result.error.message);
      }
    },
    refresh: async (versionId) => {
      if (get().versionId !== versionId) return;
      const result = await api.call('metric.list', { versionId });
      // A conflict the facilitator has not seen yet stays until they reload.
      if (get().versionId === versionId && result.ok) set({ metrics: result.value });
    },
    create: async (fields) => {
      const versionId = get().versionId;
      if (!versionId) return null;
      const result = await api.call('metric.create', { versionId, fields });
      if (!result.ok) {
        refused(result.error);
        return null;
      }
      if (get().versionId === versionId) set({ metrics: [...get().metrics, result.value] });
      return result.value;
    },
    createMany: async (list) => {
      for (const fields of list) if (!(await get().create(fields))) return;
    },
    update: (id, fields) => {
      const previous = queues.get(id) ?? Promise.resolve(true);
      const next = previous.then(() => send(id, fields));
      queues.set(id, next);
      void next.finally(() => {
        if (queues.get(id) === next) queues.delete(id);
      });
      return next;
    },
    patch: (id, fields) => get().update(id, fields),
    remove: async (id) => {
      const result = await api.call('metric.delete', { id });
      if (!result.ok) return refused(result.error);
      set({ metrics: get().metrics.filter((m) => m.id !== id) });
    },
    addReading: async (metricId, reading) => {
      const result = await api.call('metric.addReading', { metricId, reading });
      if (!result.ok) {
        refused(result.error);
        return false;
      }
      replace(result.value);
      return true;
    },
    deleteReading: async (metricId, readingId) => {
      const result = await api.call('metric.deleteReading', { metricId, readingId });
      if (!result.ok) return refused(result.error);
      replace(result.value);
    },
  };
};

/** A plan store on an API client: one per EditorSession. */
export const createPlanStore = (deps: PlanStoreDeps) => createStore<PlanState>()(planState(deps));

/** Reads the window's measurement plan (its EditorSession's). */
export function usePlanStore<T>(selector: (s: PlanState) => T): T {
  return useStore(useEditorSession().plan, selector);
}
