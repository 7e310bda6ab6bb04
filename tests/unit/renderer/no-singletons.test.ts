// The window's EditorSession owns the API client, the host, the saver and the stores;
// eslint.config.js refuses their old module-level forms in src-renderer. These checks
// lint small files in the renderer's folders, so a loosened rule cannot go unnoticed,
// and look at the real modules, so the accessors cannot come back unlinted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The no-restricted-syntax findings for `code` placed at filePath. */
async function refusals(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').length;
}

describe('no module-level API client, host or saver in the renderer', () => {
  it.each([
    ["export function api() { return client; }", 'src-renderer/api/client.ts'],
    ["export const host = () => browserHost;", 'src-renderer/host/host.ts'],
    ["export function flushSave() { return saver.flush(); }", 'src-renderer/store/saver.ts'],
    ["export function installSession(s: unknown) { return s; }", 'src-renderer/api/client.ts'],
  ])('refuses exporting %s', async (code, at) => {
    expect(await refusals(at, `declare const client: unknown, browserHost: unknown, saver: { flush(): void };\n${code}\n`)).toBe(1);
  });

  it.each([
    ["await api().call('workshop.list', {});", 'src-renderer/features/library/probe.tsx'],
    ["await host().saveTextFile('a', 'b', 'text/plain');", 'src-renderer/features/export/probe.tsx'],
    ['await flushSave();', 'src-renderer/features/versions/probe.tsx'],
    ['await flushSave();', 'src-renderer/canvas/probe.tsx'],
  ])('refuses calling %s', async (call, at) => {
    const code = `declare function api(): any; declare function host(): any; declare function flushSave(): Promise<void>;\nexport async function probe() { ${call} }\n`;
    expect(await refusals(at, code)).toBe(1);
  });

  it.each([
    ["import { create } from 'zustand';\nexport const useThing = create(() => ({ n: 0 }));", 'src-renderer/store/probe.ts'],
    ['let queue: Promise<void> | null = null;\nexport const last = () => queue;', 'src-renderer/store/probe.ts'],
    ['let cached: unknown = null;\nexport const last = () => cached;', 'src-renderer/features/figures/probe.ts'],
    ['let installed: unknown = null;\nexport const current = () => installed;', 'src-renderer/session/probe.ts'],
  ])('refuses module-level state: %s', async (code, at) => {
    expect(await refusals(at, code)).toBe(1);
  });

  it.each([
    ["import { createStore } from 'zustand';\nexport const createThing = () => createStore(() => ({ n: 0 }));", 'src-renderer/store/probe.ts'],
    ['export function count() { let n = 0; n += 1; return n; }', 'src-renderer/store/probe.ts'],
    ['export const useApi = () => useEditorSession().api;\ndeclare function useEditorSession(): { api: unknown };', 'src-renderer/session/probe.ts'],
    ['export function probe(api: { call(): void }) { api.call(); }', 'src-renderer/features/library/probe.ts'],
  ])('allows %s', async (code, at) => {
    expect(await refusals(at, code)).toBe(0);
  });

  it('finds none of the old accessors exported by any renderer module', () => {
    const files = (readdirSync('src-renderer', { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    const exported = files.filter((f) =>
      /export\s+(function|const|let)\s+(api|host|flushSave|installSession|installedSession)\b/.test(readFileSync(join('src-renderer', f), 'utf8')),
    );
    expect(exported).toEqual([]);
  });
});
