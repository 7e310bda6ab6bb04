// The renderer build links the app's chunks for preloading in index.html
// (scripts/preload-app-chunks.ts): the chunks the entry loads with a dynamic import,
// with what they import, never what the entry already has, and never the editor.
import { describe, expect, it } from 'vitest';
import { preloadLinks, withStaticImports } from '../../scripts/preload-app-chunks';

const chunk = (fileName: string, imports: string[] = [], dynamicImports: string[] = [], isEntry = false) =>
  [fileName, { type: 'chunk' as const, fileName, isEntry, imports, dynamicImports }] as const;

const bundle = new Map([
  chunk('assets/index-1.js', ['assets/runtime-1.js'], ['assets/boot-1.js', 'assets/EditorPage-1.js'], true),
  chunk('assets/runtime-1.js'),
  chunk('assets/boot-1.js', ['assets/runtime-1.js', 'assets/analytics-1.js']),
  chunk('assets/analytics-1.js', ['assets/runtime-1.js']),
  chunk('assets/EditorPage-1.js', ['assets/analytics-1.js', 'assets/elk-1.js']),
  chunk('assets/elk-1.js'),
]);

describe('preloading the app chunks', () => {
  it('lists a chunk after what it imports, each once', () => {
    expect(withStaticImports('assets/boot-1.js', bundle)).toEqual(['assets/runtime-1.js', 'assets/analytics-1.js', 'assets/boot-1.js']);
  });

  it('links the boot chunk and its imports, not the entry own imports nor the editor', () => {
    const links = preloadLinks(bundle, /(^|\/)boot-[^/]*\.js$/);
    expect(links.split('\n').map((l) => l.trim())).toEqual([
      '<link rel="modulepreload" crossorigin href="./assets/analytics-1.js">',
      '<link rel="modulepreload" crossorigin href="./assets/boot-1.js">',
    ]);
  });

  it('links nothing without an entry or a matching chunk', () => {
    expect(preloadLinks(new Map([chunk('assets/boot-1.js')]), /boot/)).toBe('');
    expect(preloadLinks(bundle, /nothing-like-this/)).toBe('');
  });
});
