// One lane of edits, as one editor window makes them: its own workshop, map saves
// with revisions, workshop details, metrics and readings, new versions and imports.
// It remembers every edit the host acknowledged, so after a kill it can check that
// each one is still there — allowing only the one edit that was in flight to go
// either way.
import { isDeepStrictEqual } from 'node:util';
import type { MapVersion, PlanMetric, WorkshopDetail, WorkshopSummary } from '../../../src-shared/api/contract';
import type { MapDocument } from '../../../src-shared/domain/map-document';
import type { MetricFields } from '../../../src-shared/domain/metric';
import type { WorkshopMeta } from '../../../src-shared/domain/workshop';
import type { ApiClient, CallResult } from './api-client';

/** The one request that got no answer; after the restart either state is allowed. */
type InFlight =
  | { kind: 'save'; versionId: string; revision: number; document: MapDocument }
  | { kind: 'meta'; revision: number; meta: WorkshopMeta }
  | { kind: 'metric'; id: string; fields: MetricFields }
  | { kind: 'deleteMetric'; id: string }
  | { kind: 'other' };

interface KnownMetric {
  versionId: string;
  fields: MetricFields;
  readings: Set<string>;
  revision: number;
}

export interface LaneTally {
  acknowledgedEdits: number;
  /** Acknowledged edits that were missing or stale after a restart. */
  losses: string[];
  /** Refusals a lone writer should never get (conflicts, invalid, internal errors). */
  unexpected: string[];
}

const MAX_VERSIONS = 4;
const MAX_EXTRA_STAGES = 12;

export class Lane {
  private workshopId: string | null = null;
  private meta: { revision: number; meta: WorkshopMeta } | null = null;
  private versions = new Map<string, { revision: number; document: MapDocument }>();
  /** Each metric belongs to one map version's plan; its revision is sent back with each update, as the plan store does. */
  private metrics = new Map<string, KnownMetric>();
  private deletedMetrics = new Set<string>();
  private imports = new Map<string, string>();
  private inFlight: InFlight | null = null;
  private counter = 0;

  constructor(
    readonly name: string,
    private readonly random: () => number,
    private readonly tally: LaneTally,
    /** In the negative control the host breaks its own promises; refusals are expected then. */
    private readonly expectRefusals = false,
  ) {}

  private marker(what: string): string {
    this.counter += 1;
    return `${this.name} ${what} ${this.counter}`;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  /** Edits until a call gets no answer (the host was killed) or stop() says so. */
  async run(api: ApiClient, stopped: () => boolean): Promise<void> {
    while (!stopped()) {
      if (!(await this.step(api))) return;
    }
  }

  /** One edit; false when the host did not answer. */
  private async step(api: ApiClient): Promise<boolean> {
    if (!this.workshopId) return this.createWorkshop(api);
    if (this.versions.size === 0) return this.reloadMaps(api);
    const roll = this.random();
    if (roll < 0.45) return this.saveMap(api);
    if (roll < 0.58) return this.updateMeta(api);
    if (roll < 0.68) return this.createMetric(api);
    if (roll < 0.8) return this.addReading(api);
    if (roll < 0.87) return this.updateMetric(api);
    if (roll < 0.91) return this.deleteMetric(api);
    if (roll < 0.96) return this.createVersion(api);
    return this.importCopy(api);
  }

  /** Sends one edit; on no answer remembers it as in flight, on a refusal notes it. */
  private async send(api: ApiClient, method: string, input: unknown, inFlight: InFlight): Promise<CallResult> {
    this.inFlight = inFlight;
    const result = await api.call(method, input);
    if (result.kind === 'lost') return result;
    this.inFlight = null;
    if (result.kind === 'ok') this.tally.acknowledgedEdits += 1;
    else if (!this.expectRefusals) this.tally.unexpected.push(`${this.name} ${method}: ${result.code} ${result.message}`);
    return result;
  }

  private async createWorkshop(api: ApiClient): Promise<boolean> {
    const meta = { ...blankMeta(), title: this.marker('workshop') };
    const result = await this.send(api, 'workshop.create', { meta, template: 'b2b-buying-journey' }, { kind: 'other' });
    if (result.kind === 'lost') return false;
    if (result.kind === 'ok') this.adoptDetail(result.value as WorkshopDetail, new Map());
    return true;
  }

  /** Reads the maps of its workshop, as the editor does on open; false when the host did not answer. */
  private async reloadMaps(api: ApiClient): Promise<boolean> {
    const got = await api.call('workshop.get', { id: this.workshopId });
    if (got.kind !== 'ok') return got.kind !== 'lost';
    const maps = await this.maps(api, got.value as WorkshopDetail);
    if (!maps) return false;
    this.versions = new Map([...maps].map(([id, m]) => [id, { revision: m.revision, document: m.document }]));
    return true;
  }

  private async maps(api: ApiClient, detail: WorkshopDetail): Promise<Map<string, MapVersion> | null> {
    const maps = new Map<string, MapVersion>();
    for (const v of detail.versions) {
      const got = await api.call('map.get', { versionId: v.id });
      if (got.kind === 'lost') return null;
      if (got.kind === 'ok') maps.set(v.id, got.value as MapVersion);
    }
    return maps;
  }

  private adoptDetail(detail: WorkshopDetail, maps: Map<string, MapVersion>): void {
    this.workshopId = detail.id;
    this.meta = { revision: detail.revision, meta: detail.meta };
    this.versions = new Map([...maps].map(([id, m]) => [id, { revision: m.revision, document: m.document }]));
  }

  private editedDocument(document: MapDocument): MapDocument {
    const extra = document.stages.filter((s) => s.id.startsWith(`${this.name}-`));
    const roll = this.random();
    if (roll < 0.25 && extra.length < MAX_EXTRA_STAGES) {
      const model = document.stages[0]!;
      const id = `${this.name}-stage-${this.counter + 1}`;
      const stage = { ...model, id, name: this.marker('new stage'), actions: [], exitCriteria: [], position: { x: this.random() * 4000, y: 600 + this.random() * 400 } };
      return { ...document, stages: [...document.stages, stage] };
    }
    if (roll < 0.35 && extra.length > 0) {
      const gone = this.pick(extra).id;
      return { ...document, stages: document.stages.filter((s) => s.id !== gone) };
    }
    const target = this.pick(document.stages).id;
    const notes = this.marker('notes');
    return { ...document, stages: document.stages.map((s) => (s.id === target ? { ...s, notes } : s)) };
  }

  private async saveMap(api: ApiClient): Promise<boolean> {
    const [versionId, known] = this.pick([...this.versions]);
    const document = this.editedDocument(known.document);
    const result = await this.send(api, 'map.save', { versionId, revision: known.revision, document }, {
      kind: 'save',
      versionId,
      revision: known.revision + 1,
      document,
    });
    if (result.kind === 'lost') return false;
    if (result.kind === 'ok') this.versions.set(versionId, { revision: (result.value as { revision: number }).revision, document });
    return true;
  }

  private async updateMeta(api: ApiClient): Promise<boolean> {
    const known = this.meta!;
    const meta = { ...known.meta, notes: this.marker('workshop notes') };
    const result = await this.send(api, 'workshop.update', { id: this.workshopId, revision: known.revision, meta }, {
      kind: 'meta',
      revision: known.revision + 1,
      meta,
    });
    if (result.kind === 'lost') return false;
    if (result.kind === 'ok') this.meta = { revision: (result.value as WorkshopDetail).revision, meta };
    return true;
  }

  /** A new metric in the plan of one of its versions. */
  private async createMetric(api: ApiClient): Promise<boolean> {
    const [versionId] = this.pick([...this.versions]);
    const fields = metricFields(this.marker('metric'));
    const result = await this.send(api, 'metric.create', { versionId, fields }, { kind: 'other' });
    if (result.kind === 'lost') return false;
    if (result.kind === 'ok') this.metrics.set((result.value as PlanMetric).id, { versionId, fields, readings: new Set(), revision: (result.value as PlanMetric).revision });
    return true;
  }

  private async addReading(api: ApiClient): Promise<boolean> {
    if (this.metrics.size === 0) return this.createMetric(api);
    const [metricId, known] = this.pick([...this.metrics]);
    const reading = { date: '2027-01-31', value: Math.round(this.random() * 1000) / 10, note: this.marker('reading') };
    const result = await this.send(api, 'metric.addReading', { metricId, reading }, { kind: 'other' });
    if (result.kind === 'lost') return false;
    if (result.kind === 'ok') {
      for (const r of (result.value as PlanMetric).readings) known.readings.add(r.id);
      known.revision = (result.value as PlanMetric).revision;
    }
    return true;
  }

  private async updateMetric(api: ApiClient): Promise<boolean> {
    if (this.metrics.size === 0) return this.createMetric(api);
    const [id, known] = this.pick([...this.metrics]);
    // Only the field changed goes, with the revision it was based on (as the plan store sends it).
    const changed = { ownerRole: this.marker('owner') };
    const fields = { ...known.fields, ...changed };
    const result = await this.send(api, 'metric.update', { id, revision: known.revision, fields: changed }, { kind: 'metric', id, fields });
    if (result.kind === 'lost') return false;
    if (result.kind === 'ok') {
      known.fields = fields;
      known.revision = (result.value as PlanMetric).revision;
    }
    return true;
  }

  private async deleteMetric(api: ApiClient): Promise<boolean> {
    if (this.metrics.size < 3) return this.createMetric(api);
    const [id] = this.pick([...this.metrics]);
    const result = await this.send(api, 'metric.delete', { id }, { kind: 'deleteMetric', id });
    if (result.kind === 'lost') return false;
    if (result.kind === 'ok') {
      this.metrics.delete(id);
      this.deletedMetrics.add(id);
    }
    return true;
  }

  private async createVersion(api: ApiClient): Promise<boolean> {
    if (this.versions.size >= MAX_VERSIONS) return this.saveMap(api);
    const [fromVersionId, from] = this.pick([...this.versions]);
    const result = await this.send(api, 'map.createVersion', { fromVersionId, name: this.marker('version') }, { kind: 'other' });
    if (result.kind === 'lost') return false;
    if (result.kind !== 'ok') return true;
    const created = result.value as { id: string; revision: number };
    this.versions.set(created.id, { revision: created.revision, document: from.document });
    // The new version's plan is a copy of its source's (new ids); the lane opens it as the editor would.
    const plan = await api.call('metric.list', { versionId: created.id });
    if (plan.kind === 'lost') return false;
    if (plan.kind === 'ok') for (const m of plan.value as PlanMetric[]) this.metrics.set(m.id, knownMetric(m));
    return true;
  }

  /** Exports its own workshop and imports it back under a new title, as a facilitator moving machines would. */
  private async importCopy(api: ApiClient): Promise<boolean> {
    const exported = await api.call('workshop.exportFile', { id: this.workshopId });
    if (exported.kind === 'lost') return false;
    if (exported.kind !== 'ok') return true;
    const envelope = JSON.parse((exported.value as { text: string }).text) as { workshop: { meta: WorkshopMeta } };
    const title = this.marker('import');
    envelope.workshop.meta.title = title;
    const result = await this.send(api, 'workshop.importFile', { text: JSON.stringify(envelope) }, { kind: 'other' });
    if (result.kind === 'lost') return false;
    if (result.kind === 'ok') this.imports.set((result.value as WorkshopSummary).id, title);
    return true;
  }

  /** After a restart: is every acknowledged edit there? Records each loss. */
  async verify(api: ApiClient): Promise<void> {
    if (!this.workshopId) return;
    const lose = (what: string): void => {
      this.tally.losses.push(`${this.name}: ${what}`);
    };
    const got = await api.call('workshop.get', { id: this.workshopId });
    if (got.kind !== 'ok') return lose(`its workshop cannot be read (${describe(got)})`);
    const detail = got.value as WorkshopDetail;
    const flight = this.inFlight;
    const metaOk =
      (detail.revision === this.meta!.revision && isDeepStrictEqual(detail.meta, this.meta!.meta)) ||
      (flight?.kind === 'meta' && detail.revision === flight.revision && isDeepStrictEqual(detail.meta, flight.meta));
    if (!metaOk) lose(`workshop details at revision ${detail.revision}, acknowledged ${this.meta!.revision}`);

    for (const [versionId, known] of this.versions) {
      const map = await api.call('map.get', { versionId });
      if (map.kind !== 'ok') {
        lose(`map version ${versionId} is gone (${describe(map)})`);
        continue;
      }
      const stored = map.value as MapVersion;
      const same = stored.revision === known.revision && isDeepStrictEqual(stored.document, known.document);
      const theFlight =
        flight?.kind === 'save' &&
        flight.versionId === versionId &&
        stored.revision === flight.revision &&
        isDeepStrictEqual(stored.document, flight.document);
      if (!same && !theFlight) lose(`map version ${versionId} at revision ${stored.revision}, acknowledged ${known.revision}`);
    }

    const stored = new Map<string, PlanMetric>();
    for (const versionId of this.versions.keys()) {
      const listed = await api.call('metric.list', { versionId });
      if (listed.kind !== 'ok') return lose(`the measurement plan of version ${versionId} cannot be read (${describe(listed)})`);
      for (const m of listed.value as PlanMetric[]) stored.set(m.id, m);
    }
    for (const [id, known] of this.metrics) {
      const metric = stored.get(id);
      if (!metric) {
        if (!(flight?.kind === 'deleteMetric' && flight.id === id)) lose(`metric ${id} is gone`);
        continue;
      }
      const fields = sameKeys(metric, known.fields);
      const readings = metric.readings;
      const fieldsOk = isDeepStrictEqual(fields, known.fields) || (flight?.kind === 'metric' && flight.id === id && isDeepStrictEqual(fields, flight.fields));
      if (!fieldsOk) lose(`metric ${id} lost its acknowledged fields`);
      if (metric.versionId !== known.versionId) lose(`metric ${id} moved to version ${metric.versionId}`);
      const readingIds = new Set(readings.map((r) => r.id));
      for (const r of known.readings) if (!readingIds.has(r)) lose(`reading ${r} of metric ${id} is gone`);
    }
    for (const id of this.deletedMetrics) if (stored.has(id)) lose(`deleted metric ${id} is back`);

    for (const [id, title] of this.imports) {
      const imported = await api.call('workshop.get', { id });
      if (imported.kind !== 'ok' || (imported.value as WorkshopDetail).meta.title !== title) lose(`imported workshop "${title}" is gone`);
    }
  }

  /** Takes the stored state as the new starting point (the edit in flight may have gone either way). */
  async resync(api: ApiClient): Promise<void> {
    this.inFlight = null;
    if (!this.workshopId) return;
    const got = await api.call('workshop.get', { id: this.workshopId });
    if (got.kind !== 'ok') throw new Error(`${this.name} cannot read its workshop after a restart: ${describe(got)}`);
    const maps = await this.maps(api, got.value as WorkshopDetail);
    if (!maps) throw new Error(`${this.name} lost the host while reading its maps after a restart`);
    this.adoptDetail(got.value as WorkshopDetail, maps);
    const known = new Map(this.metrics);
    this.metrics = new Map();
    for (const versionId of this.versions.keys()) {
      const listed = await api.call('metric.list', { versionId });
      if (listed.kind !== 'ok') throw new Error(`${this.name} cannot read a plan after a restart: ${describe(listed)}`);
      for (const m of listed.value as PlanMetric[]) this.metrics.set(m.id, knownMetric(m));
    }
    for (const id of known.keys()) if (!this.metrics.has(id)) this.deletedMetrics.add(id);
  }
}

function knownMetric(metric: PlanMetric): KnownMetric {
  const { id: _id, readings, revision, versionId, ...fields } = metric;
  return { versionId, fields, readings: new Set(readings.map((r) => r.id)), revision };
}

/** The stored metric's values of the fields the lane wrote (so other stored properties, such as the revision, are not a difference). */
function sameKeys(metric: PlanMetric, fields: MetricFields): Record<string, unknown> {
  return Object.fromEntries(Object.keys(fields).map((k) => [k, (metric as unknown as Record<string, unknown>)[k]]));
}

function describe(result: CallResult): string {
  return result.kind === 'refused' ? `${result.code}: ${result.message}` : result.kind === 'lost' ? `no answer: ${result.reason}` : 'ok';
}

function blankMeta(): WorkshopMeta {
  return {
    title: '',
    organisation: 'Crash test',
    team: '',
    date: '2026-11-22',
    facilitator: 'Robin',
    participants: [],
    objective: '',
    scope: { segment: '', offering: '', idealCustomer: '' },
    status: 'draft',
    notes: '',
  };
}

function metricFields(name: string): MetricFields {
  return {
    attachTo: { kind: 'process' },
    name,
    question: 'Is it still there after a kill?',
    definition: 'Acknowledged edits found after restart',
    unit: 'count',
    kind: 'process',
    dataSource: 'crash test',
    ownerRole: 'Sales operations',
    cadence: 'monthly',
    baseline: 1,
    target: 2,
    suggestionKey: null,
  };
}
