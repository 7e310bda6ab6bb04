// Builds, on every run, what the benchmark puts in the browser: the bare React
// Flow page (minified, from the project's own React and React Flow) into a
// temporary folder, and the in-page probe as one script to inject before the
// page's own. Nothing is written into the checkout.
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, type Rolldown } from 'vite';

const HERE = __dirname;

export async function buildBarePage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: resolve(HERE, 'bare'),
    base: './',
    logLevel: 'warn',
    cacheDir: join(outDir, '.vite-cache'),
    plugins: [react()],
    // No module preload polyfill: Chromium has modulepreload (and the polyfill does not resolve through the linked node_modules).
    build: { outDir, emptyOutDir: true, minify: true, reportCompressedSize: false, modulePreload: false },
  });
}

/** The probe as a self-contained script (an IIFE) for `addInitScript`. */
export async function buildProbe(cacheDir: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    cacheDir,
    build: {
      write: false,
      minify: false,
      lib: { entry: resolve(HERE, 'probe', 'probe.ts'), formats: ['iife'], name: 'canvasBenchProbe', fileName: 'probe' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('The probe did not build to a script.');
  return chunk.code;
}
