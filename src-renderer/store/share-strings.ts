// A result copied from a Web Worker arrives with a string of its own for every
// occurrence: structured cloning keeps shared objects shared, never equal strings.
// The analysis of a 2,000-stage map names stages and transitions by id some forty
// thousand times (and says 'conversion', 'entered'… as often): megabytes of equal
// strings for as long as the result is shown. Sharing them again, with the map's own
// ids first, is one walk over the fresh copy when it arrives.

/**
 * Replaces, in place, every string in `value` by one equal string: the seed equal to
 * it, else the first equal one met. Only for a value nobody else holds yet (a fresh
 * copy): it changes which string object a field holds, never what it reads.
 */
export function shareStrings<T>(value: T, seeds: Iterable<string> = []): T {
  const pool = new Map<string, string>();
  for (const seed of seeds) if (!pool.has(seed)) pool.set(seed, seed);
  const seen = new Set<object>();
  const visit = (node: object) => {
    if (seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) node[i] = share(node[i]);
      return;
    }
    const record = node as Record<string, unknown>;
    for (const key in record) record[key] = share(record[key]);
  };
  const share = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const shared = pool.get(v);
      if (shared !== undefined) return shared;
      pool.set(v, v);
    } else if (v !== null && typeof v === 'object') visit(v);
    return v;
  };
  if (value !== null && typeof value === 'object') visit(value);
  return value;
}

/** The ids of a map's stages, outcomes and transitions: the strings an analysis result repeats most. */
export function mapIds(doc: { stages: readonly { id: string }[]; outcomes: readonly { id: string }[]; transitions: readonly { id: string }[] }): string[] {
  return [...doc.stages.map((s) => s.id), ...doc.outcomes.map((o) => o.id), ...doc.transitions.map((t) => t.id)];
}
