// Hostile workshop files for fast-check: mutations of a real export (values of the
// wrong kind, special and far-away numbers, huge and deep values, __proto__ and
// constructor keys, dangling references, future versions, duplicates) and
// truncations of its text. Each case says how it was made, so a failure reads.
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Path = (string | number)[];

export interface HostileFile {
  how: string;
  text: string;
  /** True when a card's coordinate is beyond any screen (the export-hang defect's trigger). */
  far: boolean;
}

/** Numbers JSON.stringify cannot write (Infinity) or that sit at the edges; spliced into the text raw. */
export const RAW_NUMBERS = ['1e309', '-1e309', '4e18', '-4e18', '1e300', '-1e308', '-0', '9007199254740993', '5e-324', '1e15', '-1'];
export const FAR_NUMBERS = ['4e18', '-4e18', '1e300', '-1e308', '1e15', '2e6'];
const RAW = '\u0000raw:';
const raw = (token: string) => `${RAW}${token}`;

export function toText(value: Json): string {
  return JSON.stringify(value).replace(/"\\u0000raw:([^"]+)"/g, '$1');
}

export function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : [];
  for (const [key, child] of entries) {
    out.push([...prefix, key]);
    pathsOf(child, [...prefix, key], out);
  }
  return out;
}

const clone = (value: Json): Json => JSON.parse(JSON.stringify(value)) as Json;

function parentOf(root: Json, path: Path): { parent: Json[] | { [key: string]: Json }; key: string | number } {
  let node = root as { [key: string]: Json };
  for (const key of path.slice(0, -1)) node = node[key as string] as { [key: string]: Json };
  return { parent: node, key: path.at(-1)! };
}

/** Sets an own property even when the key is "__proto__", as JSON.parse would. */
function defineAt(target: object, key: string | number, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function setAt(root: Json, path: Path, value: Json): Json {
  const copy = clone(root);
  const { parent, key } = parentOf(copy, path);
  defineAt(parent, key, value);
  return copy;
}

export function deleteAt(root: Json, path: Path): Json {
  const copy = clone(root);
  const { parent, key } = parentOf(copy, path);
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete parent[key as string];
  return copy;
}

const nested = (depth: number): Json => {
  let v: Json = 'bottom';
  for (let i = 0; i < depth; i += 1) v = i % 2 ? [v] : { d: v };
  return v;
};

/** Objects with own __proto__ / constructor keys, made the way JSON.parse makes them. */
const PROTO_VALUES: Json[] = [
  JSON.parse('{"__proto__": {"polluted": "yes"}}') as Json,
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as Json,
  JSON.parse('{"__proto__": {"toString": "not a function", "polluted": "yes"}}') as Json,
];

export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(...RAW_NUMBERS.map(raw)),
  fc.constantFrom<Json>(null, true, false, 0, 1, -1, 0.5, 2, '', [], {}, '2026-13-45', '2026-02-30', '0000-00-00'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('<script>alert(1)</script>', '=HYPERLINK("http://x")', '../../etc/passwd', 'con.txt', '\u202Egnp.exe', '👩‍👩‍👧‍👦'.repeat(30)),
  fc.integer({ min: 1, max: 6 }).map((k) => 'x'.repeat(10 ** k)),
  fc.integer({ min: 10, max: 3000 }).map(nested),
  fc.constantFrom(...PROTO_VALUES),
  fc.array(fc.constantFrom<Json>(null, 'x', 1, {}), { maxLength: 5 }),
);

const REFERENCE_KEYS = new Set(['source', 'target', 'stageId', 'transitionId', 'serves']);
const ID_KEYS = new Set(['id']);

/** Every way a hostile file is made from one real export. */
export function hostileFiles(base: Json): fc.Arbitrary<HostileFile> {
  const baseText = JSON.stringify(base, null, 2);
  const paths = pathsOf(base);
  const objectPaths: Path[] = [[], ...paths.filter((p) => isObject(valueAt(base, p)))];
  const references = paths.filter((p) => REFERENCE_KEYS.has(String(p.at(-1))) || REFERENCE_KEYS.has(String(p.at(-2))));
  const ids = paths.filter((p) => ID_KEYS.has(String(p.at(-1))));
  const coordinates = paths.filter((p) => p.at(-2) === 'position');
  const arrays = paths.filter((p) => Array.isArray(valueAt(base, p)) && (valueAt(base, p) as Json[]).length > 0);
  const pick = (list: Path[]) => fc.nat(list.length - 1).map((i) => list[i]!);

  const replaced = fc.tuple(pick(paths), hostileValue).map(([p, v]) => file(`set ${p.join('.')} to ${describe(v)}`, setAt(base, p, v)));
  const deleted = pick(paths).map((p) => file(`delete ${p.join('.')}`, deleteAt(base, p)));
  const truncated = fc.nat(baseText.length - 1).map((n) => ({ how: `cut after ${n} characters`, text: baseText.slice(0, n), far: false }));
  const protoKey = fc
    .tuple(pick(objectPaths), fc.constantFrom<[string, Json]>(['__proto__', { polluted: 'yes' }], ['__proto__', { toString: 'no' }], ['constructor', { prototype: { polluted: 'yes' } }], ['prototype', { polluted: 'yes' }]))
    .map(([p, [key, v]]) => {
      const copy = clone(base);
      defineAt((p.length === 0 ? copy : valueAt(copy, p)) as object, key, v);
      return file(`add own "${key}" at ${p.join('.') || 'the top'}`, copy);
    });
  const dangling = fc
    .tuple(pick(references), fc.constantFrom<Json>('nowhere', '', ['nowhere'], 'x'.repeat(64)))
    .map(([p, v]) => file(`point ${p.join('.')} at ${describe(v)}`, setAt(base, p, Array.isArray(valueAt(base, p)) ? [v as string] : v)));
  const duplicateId = fc.tuple(pick(ids), pick(ids)).map(([a, b]) => file(`give ${a.join('.')} the id of ${b.join('.')}`, setAt(base, a, valueAt(base, b) ?? null)));
  const far = fc
    .tuple(pick(coordinates), fc.constantFrom(...FAR_NUMBERS))
    .map(([p, n]) => file(`move ${p.join('.')} to ${n}`, setAt(base, p, raw(n))));
  const future = fc
    .tuple(fc.constantFrom<Path>(['formatVersion'], ...paths.filter((p) => p.at(-1) === 'schemaVersion')), fc.constantFrom(1, 2, 97, 1e9))
    // Ahead of the version the file has, whatever the current one is.
    .map(([p, ahead]) => {
      const n = (valueAt(base, p) as number) + ahead;
      return file(`set ${p.join('.')} to ${n}`, setAt(base, p, n));
    });
  const duplicated = pick(arrays).map((p) => {
    const list = valueAt(base, p) as Json[];
    return file(`repeat the first of ${p.join('.')} 3 times`, setAt(base, p, [...list, list[0]!, list[0]!, list[0]!]));
  });

  return fc.oneof(
    { arbitrary: replaced, weight: 6 },
    { arbitrary: deleted, weight: 3 },
    { arbitrary: truncated, weight: 2 },
    { arbitrary: protoKey, weight: 2 },
    { arbitrary: dangling, weight: 2 },
    { arbitrary: duplicateId, weight: 1 },
    { arbitrary: far, weight: 1 },
    { arbitrary: future, weight: 1 },
    { arbitrary: duplicated, weight: 1 },
  );
}

function file(how: string, value: Json): HostileFile {
  const text = toText(value);
  return { how, text, far: hasFarPosition(text) };
}

/** Beyond this a card is off any screen; what the export-hang defect needs. */
export const FAR_COORDINATE = 1e6;

/** Whether any position in the file (however it got there) is far away. */
export function hasFarPosition(text: string): boolean {
  let far = false;
  try {
    JSON.parse(text, (key, value: unknown) => {
      if (key === 'position' && value && typeof value === 'object') {
        const { x, y } = value as { x?: unknown; y?: unknown };
        if ([x, y].some((n) => typeof n === 'number' && Math.abs(n) > FAR_COORDINATE)) far = true;
      }
      return value;
    });
  } catch {
    return false;
  }
  return far;
}

function isObject(value: Json | undefined): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function valueAt(root: Json, path: Path): Json | undefined {
  let node: Json | undefined = root;
  for (const key of path) node = (node as { [k: string]: Json } | undefined)?.[key as string];
  return node;
}

function describe(value: Json): string {
  const s = typeof value === 'string' && value.startsWith(RAW) ? value.slice(RAW.length) : JSON.stringify(value);
  return s.length > 40 ? `${s.slice(0, 37)}… (${s.length} characters)` : s;
}
