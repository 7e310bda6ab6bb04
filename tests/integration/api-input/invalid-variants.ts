// Invalid inputs derived from a valid one, for any method: not an object, a field
// missing or of the wrong type, text over every limit, unknown ids, stale
// revisions, lists too long. Derived, not listed, so a new method or field is
// covered at once.
import type { z } from 'zod';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Path = (string | number)[];

export interface Variant {
  name: string;
  input: unknown;
  /** The codes that are a correct refusal of it. */
  codes: readonly string[];
}

const MAX_LEAVES_PER_METHOD = 40;
const ID_KEYS = new Set(['id', 'versionId', 'workshopId', 'metricId', 'readingId', 'fromVersionId', 'roundId', 'byId']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const IMPOSSIBLE_DATES = ['2026-02-30', '2026-13-45', '0000-00-00'];

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function setAt(root: Json, path: Path, value: Json | undefined): Json {
  const copy = clone(root);
  let node = copy as { [key: string]: Json };
  for (const key of path.slice(0, -1)) node = node[key as string] as { [key: string]: Json };
  const last = path.at(-1)!;
  if (value === undefined) delete node[last as string];
  else node[last as string] = value;
  return copy;
}

export function leavesOf(value: Json, prefix: Path = [], out: { path: Path; value: Json }[] = []) {
  if (Array.isArray(value) && value.length > 0) value.forEach((v, i) => leavesOf(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0)
    for (const [k, v] of Object.entries(value)) leavesOf(v, [...prefix, k], out);
  else if (prefix.length > 0) out.push({ path: prefix, value });
  return out;
}

/** Paths of every non-empty list in a value. */
export function listsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(value)) {
    if (value.length > 0) out.push(prefix);
    value.forEach((v, i) => listsOf(v, [...prefix, i], out));
  } else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) listsOf(v, [...prefix, k], out);
  return out;
}

/** Spread evenly over a long list, so a map document's hundreds of fields are sampled from end to end. */
function spread<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  return Array.from({ length: max }, (_, i) => items[Math.floor((i * items.length) / max)]!);
}

function wrongTypeOf(value: Json): Json {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'not a number';
  if (typeof value === 'boolean') return 'yes';
  if (value === null) return { unexpected: true };
  return 'not a list or an object';
}

export function shapeVariants(schema: z.ZodObject, valid: Json): Variant[] {
  const refused = ['VALIDATION', 'IMPORT_INVALID'];
  const variants: Variant[] = [42, 'text', [], true].map((input) => ({ name: `the input ${JSON.stringify(input)}`, input, codes: ['VALIDATION'] }));
  for (const key of Object.keys(schema.shape)) {
    if (schema.shape[key]!.safeParse(undefined).success) continue; // has a default
    variants.push({ name: `without "${key}"`, input: setAt(valid, [key], undefined), codes: ['VALIDATION'] });
  }
  for (const { path, value } of spread(leavesOf(valid), MAX_LEAVES_PER_METHOD)) {
    const where = path.join('.');
    variants.push({ name: `${where} of the wrong type`, input: setAt(valid, path, wrongTypeOf(value)), codes: refused });
    if (typeof value === 'string') {
      variants.push({ name: `${where} of 100,001 characters`, input: setAt(valid, path, 'x'.repeat(100_001)), codes: refused });
    }
  }
  for (const path of spread(listsOf(valid), 12)) {
    const list = setAt(valid, path, []);
    const first = (path.reduce<Json>((node, key) => (node as { [k: string]: Json })[key as string]!, valid) as Json[])[0]!;
    const long = setAt(list, path, Array.from({ length: 10_001 }, () => first));
    variants.push({ name: `${path.join('.')} with 10,001 items`, input: long, codes: refused });
  }
  return variants;
}

export function targetVariants(valid: { [key: string]: Json }): Variant[] {
  const variants: Variant[] = [];
  for (const key of Object.keys(valid)) {
    if (ID_KEYS.has(key)) variants.push({ name: `${key} of nothing`, input: { ...valid, [key]: 'no-such-id' }, codes: ['NOT_FOUND'] });
  }
  if (typeof valid.revision === 'number') {
    const r = valid.revision;
    variants.push({ name: 'a stale revision', input: { ...valid, revision: r - 1 }, codes: ['CONFLICT'] });
    variants.push({ name: 'a revision from the future', input: { ...valid, revision: r + 7 }, codes: ['CONFLICT'] });
    variants.push({ name: 'a fractional revision', input: { ...valid, revision: r + 0.5 }, codes: ['VALIDATION'] });
  }
  return variants;
}

export function dateVariants(valid: Json): Variant[] {
  return leavesOf(valid)
    .filter(({ value }) => typeof value === 'string' && DATE.test(value))
    .flatMap(({ path }) =>
      IMPOSSIBLE_DATES.map((date) => ({ name: `${path.join('.')} = ${date}`, input: setAt(valid, path, date), codes: ['VALIDATION'] })),
    );
}
