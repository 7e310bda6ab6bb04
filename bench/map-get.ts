// What 'map.get' of a big map costs, part by part, with a real SQLite file and the
// browser host on a real port: the row read, JSON.parse of the stored text, the
// migration and schema check, the host's JSON.stringify of the answer, the renderer's
// JSON.parse of it, and the whole round trip. "first" reads follow a save (a new
// revision, nothing read yet); "repeat" reads ask for the same revision again
// (kept by src-main/db/document-cache.ts); "cold" reads follow a forgetting of the
// cache, as the first read after a start: the row's digest vouches for its text
// (src-main/db/document-digest.ts), or, for a row from before the digest
// ("cold_unchecked"), the text is migrated and checked.
// Run: npx tsx bench/map-get.ts [--sizes 1000,2000] [--runs 5]. Prints JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../src-main/backend';
import { startHttpHost } from '../src-main/server/http-host';
import { migrateDocument } from '../src-shared/domain/document-migrations';
import type { MapDocument } from '../src-shared/domain/map-document';
import { blankWorkshopMeta } from '../src-shared/domain/workshop';
import { checkedFromDocument } from '../src-main/db/checked-document';
import { documentCacheOf } from '../src-main/db/document-cache';
import { documentDigest } from '../src-main/db/document-digest';
import { postToHost } from '../tests/fixtures/host-post';
import { bigMap } from './big-map';
import { median, medianAsync } from './timing';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};

async function value<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

async function benchSize(stages: number, runs: number): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'leanmap-bench-mapget-'));
  const backend = await createBackend({ dataDir });
  const host = await startHttpHost({ dispatch: backend.dispatch, rendererDir: dataDir, token: 'bench' });
  try {
    const workshop = await value<{ versions: { id: string; revision: number }[] }>(backend, 'workshop.create', {
      meta: { ...blankWorkshopMeta(), title: 'Bench' },
      template: 'blank',
    });
    const versionId = workshop.versions[0]!.id;
    let revision = workshop.versions[0]!.revision;
    const doc: MapDocument = bigMap(stages);
    const save = async () => {
      revision = (await value<{ revision: number }>(backend, 'map.save', { versionId, revision, document: doc })).revision;
    };
    await save();
    const row = () => backend.db.prepare('SELECT * FROM map_versions WHERE id = ?').get(versionId) as { document: string };
    const text = row().document;
    const parsed: unknown = JSON.parse(text);
    const copies = Array.from({ length: runs + 1 }, () => JSON.parse(text) as MapDocument);
    const answer = await backend.dispatch('map.get', { versionId });
    const body = JSON.stringify(answer);
    const forget = () => documentCacheOf(backend.db).forget(versionId);
    // A save before each timed read makes it a first read of a new revision; the save is not timed.
    const firstRead = async (read: () => Promise<unknown>, before: () => void = () => {}) => {
      const times: number[] = [];
      for (let i = 0; i <= runs; i++) {
        await save();
        before();
        const start = performance.now();
        await read();
        if (i > 0) times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      return Math.round(times[Math.floor(times.length / 2)]! * 100) / 100;
    };
    return {
      stages,
      document_kb: Math.round(text.length / 1024),
      sqlite_row_ms: median(() => row(), runs),
      json_parse_ms: median(() => JSON.parse(text), runs),
      migrate_and_check_ms: median(() => migrateDocument(parsed), runs),
      // A read document is deep-frozen: paid once per revision parsed.
      cache_freeze_ms: median((run) => checkedFromDocument(copies[run]!), runs),
      host_stringify_ms: median(() => JSON.stringify(answer), runs),
      renderer_json_parse_ms: median(() => JSON.parse(body), runs),
      dispatch_first_ms: await firstRead(() => backend.dispatch('map.get', { versionId })),
      dispatch_repeat_ms: await medianAsync(() => backend.dispatch('map.get', { versionId }), runs),
      http_first_ms: await firstRead(() => postToHost(host.port, host.token, 'map.get', { versionId })),
      http_repeat_ms: await medianAsync(() => postToHost(host.port, host.token, 'map.get', { versionId }), runs),
      digest_ms: median(() => documentDigest(text), runs),
      http_cold_ms: await firstRead(() => postToHost(host.port, host.token, 'map.get', { versionId }), forget),
      http_cold_unchecked_ms: await firstRead(() => postToHost(host.port, host.token, 'map.get', { versionId }), () => {
        backend.db.prepare('UPDATE map_versions SET document_digest = NULL WHERE id = ?').run(versionId);
        forget();
      }),
    };
  } finally {
    await host.close();
    backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const sizes = arg('sizes', '1000,2000').split(',').map(Number);
  const runs = Number(arg('runs', '5'));
  const results = [];
  for (const stages of sizes) results.push(await benchSize(stages, runs));
  console.log(JSON.stringify({ load_average_1m: Math.round(loadavg()[0]! * 100) / 100, runs, results }, null, 2));
}

void main();
