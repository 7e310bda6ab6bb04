// A workshop copied in (an imported file) gets new ids for its improvements, map
// versions and metrics; its facilitation records name those, so they follow the
// copies here. An id with no copy is left as it was (the report then says it is gone).
import type { SessionRecords } from './session';

export interface CopiedIds {
  improvements: ReadonlyMap<string, string>;
  versions: ReadonlyMap<string, string>;
  metrics: ReadonlyMap<string, string>;
}

export function remapSessionIds(records: SessionRecords, ids: CopiedIds): SessionRecords {
  const idea = (id: string) => ids.improvements.get(id) ?? id;
  const byKind = (kind: string, id: string): string =>
    kind === 'improvement' ? idea(id) : kind === 'version' ? (ids.versions.get(id) ?? id) : kind === 'metric' ? (ids.metrics.get(id) ?? id) : id;
  const target = <T extends { kind: string; id: string }>(t: T): T => ({ ...t, id: byKind(t.kind, t.id) });
  return {
    ...records,
    rounds: records.rounds.map((round) => {
      const kindOf = new Map(round.targets.map((t) => [t.id, t.kind]));
      return {
        ...round,
        targets: round.targets.map(target),
        counts: Object.fromEntries(Object.entries(round.counts).map(([id, n]) => [byKind(kindOf.get(id) ?? '', id), n])),
        results: round.results && round.results.map((row) => ({ ...row, target: target(row.target) })),
      };
    }),
    parkingLot: records.parkingLot.map((p) => ({ ...p, link: p.link && target(p.link), convertedTo: p.convertedTo && target(p.convertedTo) })),
    decisions: records.decisions.map((d) => ({ ...d, links: d.links.map(target) })),
  };
}
