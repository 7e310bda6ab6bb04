// A Vite plugin for the renderer build: the entry (main.tsx) is a few kB that loads the
// app (boot.tsx) with a dynamic import, so that the reads a window opens on start before
// the app's code has loaded (session/early-reads.ts). Left alone, the browser asks for the
// app's chunks only once the entry has run; a modulepreload link in index.html for each
// chunk the entry always imports has them downloaded beside it. (The editor's chunk is
// left out: the library does not need it, and the entry starts it when a map opens.)
import type { Plugin } from 'vite';

interface Chunk {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
}

/** `fileName` and every chunk it imports statically, each once, dependencies first. */
export function withStaticImports(fileName: string, chunks: ReadonlyMap<string, Pick<Chunk, 'imports'>>, seen = new Set<string>()): string[] {
  if (seen.has(fileName)) return [];
  seen.add(fileName);
  const deps = (chunks.get(fileName)?.imports ?? []).flatMap((dep) => withStaticImports(dep, chunks, seen));
  return [...deps, fileName];
}

/** The modulepreload links for the chunks the entry imports dynamically whose names match `wanted`, with what they import. */
export function preloadLinks(chunks: ReadonlyMap<string, Chunk>, wanted: RegExp): string {
  const entry = [...chunks.values()].find((c) => c.isEntry);
  if (!entry) return '';
  const already = new Set(withStaticImports(entry.fileName, chunks));
  const files = new Set<string>();
  for (const dynamic of entry.dynamicImports.filter((f) => wanted.test(f))) {
    for (const file of withStaticImports(dynamic, chunks)) if (!already.has(file)) files.add(file);
  }
  return [...files].map((file) => `<link rel="modulepreload" crossorigin href="./${file}">`).join('\n    ');
}

export function preloadAppChunks(wanted = /(^|\/)boot-[^/]*\.js$/): Plugin {
  return {
    name: 'leanmap-preload-app-chunks',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, Chunk>();
      for (const [name, item] of Object.entries(bundle)) if (item.type === 'chunk') chunks.set(name, item as unknown as Chunk);
      const html = Object.values(bundle).find((item) => item.type === 'asset' && item.fileName.endsWith('index.html'));
      if (!html || html.type !== 'asset' || typeof html.source !== 'string') return;
      const links = preloadLinks(chunks, wanted);
      if (links) html.source = html.source.replace(/\n(\s*)<\/head>/, (_, indent: string) => `\n${indent}  ${links}\n${indent}</head>`);
    },
  };
}
