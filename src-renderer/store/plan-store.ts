// The open workshop's measurement plan. Each change goes to the backend at once
// (metrics are small records, not part of the debounced map document).
import { create } from 'zustand';
import type { Metric, MetricFields, ReadingInput } from '../../src-shared/domain/metric';
import { api } from '../api/client';
import { useUiStore } from './ui-store';

interface PlanState {
  workshopId: string | null;
  metrics: Metric[];
  loading: boolean;
  load(workshopId: string): Promise<void>;
  create(fields: MetricFields): Promise<Metric | null>;
  createMany(fields: MetricFields[]): Promise<void>;
  update(id: string, fields: MetricFields): Promise<boolean>;
  /** Changes some fields of a metric, applied in order onto the latest saved metric. */
  patch(id: string, fields: Partial<MetricFields>): Promise<boolean>;
  remove(id: string): Promise<void>;
  addReading(metricId: string, reading: ReadingInput): Promise<boolean>;
  deleteReading(metricId: string, readingId: string): Promise<void>;
}

const fail = (message: string) => useUiStore.getState().notify({ text: message, tone: 'error' });

/** One chain of pending patches per metric, so quick edits of two cells never undo each other. */
const patchQueues = new Map<string, Promise<boolean>>();

export const usePlanStore = create<PlanState>((set, get) => {
  const replace = (metric: Metric) => set({ metrics: get().metrics.map((m) => (m.id === metric.id ? metric : m)) });
  return {
    workshopId: null,
    metrics: [],
    loading: false,
    load: async (workshopId) => {
      set({ workshopId, loading: true, metrics: [] });
      const result = await api().call('metric.list', { workshopId });
      if (get().workshopId !== workshopId) return;
      if (result.ok) set({ metrics: result.value, loading: false });
      else {
        set({ loading: false });
        fail(result.error.message);
      }
    },
    create: async (fields) => {
      const workshopId = get().workshopId;
      if (!workshopId) return null;
      const result = await api().call('metric.create', { workshopId, fields });
      if (!result.ok) {
        fail(result.error.message);
        return null;
      }
      set({ metrics: [...get().metrics, result.value] });
      return result.value;
    },
    createMany: async (list) => {
      for (const fields of list) if (!(await get().create(fields))) return;
    },
    update: async (id, fields) => {
      const result = await api().call('metric.update', { id, fields });
      if (!result.ok) {
        fail(result.error.message);
        return false;
      }
      replace(result.value);
      return true;
    },
    patch: (id, fields) => {
      const previous = patchQueues.get(id) ?? Promise.resolve(true);
      const next = previous.then(async () => {
        const current = get().metrics.find((m) => m.id === id);
        if (!current) return false;
        const { id: _id, readings: _readings, ...saved } = current;
        return get().update(id, { ...saved, ...fields });
      });
      patchQueues.set(id, next);
      void next.finally(() => {
        if (patchQueues.get(id) === next) patchQueues.delete(id);
      });
      return next;
    },
    remove: async (id) => {
      const result = await api().call('metric.delete', { id });
      if (!result.ok) return fail(result.error.message);
      set({ metrics: get().metrics.filter((m) => m.id !== id) });
    },
    addReading: async (metricId, reading) => {
      const result = await api().call('metric.addReading', { metricId, reading });
      if (!result.ok) {
        fail(result.error.message);
        return false;
      }
      replace(result.value);
      return true;
    },
    deleteReading: async (metricId, readingId) => {
      const result = await api().call('metric.deleteReading', { metricId, readingId });
      if (!result.ok) return fail(result.error.message);
      replace(result.value);
    },
  };
});
