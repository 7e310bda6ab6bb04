// The folder boundaries of ARCHITECTURE.md are enforced by eslint.config.js; these
// checks lint one-line files in each folder so a loosened rule cannot go unnoticed.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The no-restricted-imports findings for one import line placed at filePath. */
async function refusedImports(filePath: string, importLine: string): Promise<number> {
  const [result] = await eslint.lintText(`${importLine}\nexport const used = x;\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('architecture boundaries', () => {
  it.each([
    "import { readFileSync as x } from 'node:fs';",
    "import x from 'fs';",
    "import x from 'path/posix';",
    "import x from 'electron';",
    "import x from 'react';",
    "import x from 'react-dom/client';",
    "import { ReactFlow as x } from '@xyflow/react';",
    "import x from 'better-sqlite3';",
    "import { create as x } from 'zustand';",
    "import { createBackend as x } from '../../src-main/backend';",
    "import { App as x } from '../../src-renderer/App';",
    "import type { Backend as x } from '../../src-main/backend';",
  ])('src-shared refuses %s', async (line) => {
    expect(await refusedImports('src-shared/domain/probe.ts', line)).toBe(1);
  });

  it.each(["import { z as x } from 'zod';", "import { newId as x } from './ids';", "import x from '../../resources/templates/b2b-buying-journey.json';"])(
    'src-shared may use %s',
    async (line) => {
      expect(await refusedImports('src-shared/domain/probe.ts', line)).toBe(0);
    },
  );

  it.each([
    "import { createBackend as x } from '../../src-main/backend';",
    "import x from 'node:path';",
    "import x from 'crypto';",
    "import { ipcRenderer as x } from 'electron';",
    "import x from 'better-sqlite3';",
  ])('src-renderer refuses %s', async (line) => {
    expect(await refusedImports('src-renderer/features/probe.tsx', line)).toBe(1);
  });

  it.each(["import x from 'react';", "import { create as x } from 'zustand';", "import { contract as x } from '../../src-shared/api/contract';"])(
    'src-renderer may use %s',
    async (line) => {
      expect(await refusedImports('src-renderer/features/probe.tsx', line)).toBe(0);
    },
  );

  it('the backend outside src-main/electron may not import electron', async () => {
    expect(await refusedImports('src-main/services/probe.ts', "import { app as x } from 'electron';")).toBe(1);
    expect(await refusedImports('src-main/server/probe.ts', "import { app as x } from 'electron';")).toBe(1);
    expect(await refusedImports('src-main/services/probe.ts', "import x from 'node:fs';")).toBe(0);
  });

  it('src-main/electron, src-main/index.ts and the preload may import electron', async () => {
    const line = "import { app as x } from 'electron';";
    expect(await refusedImports('src-main/electron/probe.ts', line)).toBe(0);
    expect(await refusedImports('src-main/index.ts', line)).toBe(0);
    expect(await refusedImports('src-main/preload/index.ts', line)).toBe(0);
  });
});
