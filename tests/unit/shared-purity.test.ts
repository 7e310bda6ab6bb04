// src-shared runs in the main process, the renderer and the tests alike, so besides
// the import rules it may not touch a host's globals: lint refuses them
// (no-restricted-globals) and so does its own tsconfig (no DOM, no Node types).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const eslint = new ESLint({ cwd: root });

async function refusedGlobals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

/** Type errors of one probe file checked with tsconfig.shared.json's options. */
function sharedTypeErrors(code: string): string[] {
  const configPath = join(root, 'tsconfig.shared.json');
  const config = ts.readConfigFile(configPath, (p) => readFileSync(p, 'utf8'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath);
  const probe = join(root, 'src-shared', 'purity-probe.ts');
  const host = ts.createCompilerHost(parsed.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (file === probe ? code : readFile(file));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => file === probe || fileExists(file);
  const runtime = join(root, 'types', 'shared-runtime.d.ts');
  const program = ts.createProgram([probe, runtime], parsed.options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(probe)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
}

describe('src-shared stays pure', () => {
  it.each([
    ['process', 'export const home = process.env.HOME;'],
    ['Buffer', "export const bytes = Buffer.from('x');"],
    ['document', "export const title = document.title;"],
    ['window', 'export const width = window.innerWidth;'],
    ['require', "export const fs = require('fs');"],
  ])('lint refuses %s in a src-shared file', async (name, code) => {
    const messages = await refusedGlobals('src-shared/domain/probe.ts', code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('src-shared is pure');
    expect(messages[0]).toContain(name);
  });

  it('lint refuses them reached through globalThis too', async () => {
    const [result] = await eslint.lintText('export const env = globalThis.process.env;\n', { filePath: 'src-shared/domain/probe.ts' });
    expect(result!.messages.filter((m) => m.ruleId === 'no-restricted-properties').map((m) => m.message)).toEqual([
      expect.stringContaining('globalThis.process belongs to one host'),
    ]);
  });

  it('lint lets the renderer use document and the backend use process', async () => {
    expect(await refusedGlobals('src-renderer/features/probe.ts', 'export const title = document.title;')).toEqual([]);
    expect(await refusedGlobals('src-main/services/probe.ts', 'export const home = process.env.HOME;')).toEqual([]);
  });

  it('its own type check knows neither the DOM nor Node', () => {
    const errors = sharedTypeErrors("export const leak = [document.title, process.env.HOME, Buffer.from('x'), new TextEncoder()];\n");
    expect(errors.join('\n')).toMatch(/Cannot find name 'document'/);
    expect(errors.join('\n')).toMatch(/Cannot find name 'process'/);
    expect(errors.join('\n')).toMatch(/Cannot find name 'Buffer'/);
    expect(errors.join('\n')).toMatch(/Cannot find name 'TextEncoder'/);
  });

  it('its own type check allows plain ECMAScript and the ids every runtime can mint', () => {
    expect(sharedTypeErrors('export const id: string = crypto.randomUUID();\nexport const sorted = [3, 1].toSorted((a, b) => a - b);\n')).toEqual([]);
  });
});
