// The two things measured side by side: the built Leanmap app through its browser
// host (workshops written by the backend into a fresh data folder before the host
// starts), and the bare React Flow page served from a temporary folder.
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../src-main/backend';
import { readStatic } from '../../src-main/server/static-files';
import type { MapDocument } from '../../src-shared/domain/map-document';
import { blankWorkshopMeta } from '../../src-shared/domain/workshop';
import { BrowserHost } from '../../tests/e2e/host';
import { buildBarePage } from './build-pages';

export interface LeanmapSubject {
  libraryUrl: string;
  /** The editor of the workshop made for this size and run (each run opens a map never opened before). */
  mapUrl(size: number, run: number): string;
  /** A small map, opened once to read the editor's canvas size. */
  calibrationUrl: string;
  stop(): Promise<void>;
}

async function createWorkshop(backend: Backend, title: string, document: MapDocument): Promise<string> {
  const created = await backend.dispatch('workshop.create', { meta: blankWorkshopMeta({ title }), template: 'blank' });
  if (!created.ok) throw new Error(`Could not create the workshop "${title}": ${created.error.message}`);
  const workshop = created.value as { id: string; versions: { id: string }[] };
  const saved = await backend.dispatch('map.save', { versionId: workshop.versions[0]!.id, revision: 1, document });
  if (!saved.ok) throw new Error(`Could not save the map of "${title}": ${saved.error.message}`);
  return workshop.id;
}

export async function startLeanmap(dataDir: string, maps: Map<number, MapDocument>, runs: number, calibration: MapDocument): Promise<LeanmapSubject> {
  const ids = new Map<string, string>();
  const backend = await createBackend({ dataDir, log: () => {} });
  let calibrationId: string;
  try {
    calibrationId = await createWorkshop(backend, 'Canvas benchmark: calibration', calibration);
    for (let run = 0; run < runs; run++) {
      for (const [size, doc] of maps) ids.set(`${size}/${run}`, await createWorkshop(backend, `Canvas benchmark: ${size} stages, run ${run + 1}`, doc));
    }
  } finally {
    backend.close();
  }
  // The host stops by itself if this process dies without stopping it.
  const host = new BrowserHost(dataDir);
  const previous = process.env.LEANMAP_STOP_WITH_PARENT;
  process.env.LEANMAP_STOP_WITH_PARENT = '1';
  try {
    await host.start();
  } finally {
    if (previous === undefined) delete process.env.LEANMAP_STOP_WITH_PARENT;
    else process.env.LEANMAP_STOP_WITH_PARENT = previous;
  }
  return {
    libraryUrl: host.urlFor('#/'),
    calibrationUrl: host.urlFor(`#/workshop/${calibrationId}`),
    mapUrl(size, run) {
      const id = ids.get(`${size}/${run}`);
      if (!id) throw new Error(`No workshop was made for ${size} stages, run ${run + 1}.`);
      return host.urlFor(`#/workshop/${id}`);
    },
    stop: () => host.stop('SIGTERM'),
  };
}

export interface BareSubject {
  url(size: number, culled: boolean, canvas: { width: number; height: number }): string;
  stop(): Promise<void>;
}

/** Builds the bare page into `outDir`, writes each map next to it and serves the folder on 127.0.0.1. */
export async function startBare(outDir: string, maps: Map<number, MapDocument>): Promise<BareSubject> {
  await buildBarePage(outDir);
  for (const [size, doc] of maps) writeFileSync(join(outDir, `graph-${size}.json`), JSON.stringify(doc));
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    void readStatic(outDir, path).then((file) => {
      if (!file) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: (size, culled, canvas) => `http://127.0.0.1:${port}/index.html?n=${size}&culled=${culled ? 1 : 0}&w=${Math.round(canvas.width)}&h=${Math.round(canvas.height)}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
