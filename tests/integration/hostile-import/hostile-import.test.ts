// Hostile workshop files, thousands of them (seeded): every one is either refused
// with an import code and a message, writing nothing, or imported as a workshop that
// lists, opens and exports; none touches Object.prototype. Imported ones are exported
// by the real host within a time bound: one in every format, more in the text formats.
// More: LEANMAP_FUZZ_CASES=10000 LEANMAP_FUZZ_EXPORTS=50 LEANMAP_FUZZ_TEXT_EXPORTS=500 npx vitest run tests/integration/hostile-import
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src-main/backend';
import { MAX_IMPORT_BYTES } from '../../../src-shared/domain/export-envelope';
import { tickingClock } from '../../fixtures/backend';
import { HostExporter, TEXT_FORMATS } from './host-export';
import { hostileFiles, setAt, toText, type HostileFile, type Json } from './hostile-files';
import { importAndCheck, removeWorkshop, rowSnapshot } from './import-check';
import { aRealWorkshop } from './real-workshop';

const CASES = Number(process.env.LEANMAP_FUZZ_CASES ?? 2000);
const EXPORTED_SAMPLE = Number(process.env.LEANMAP_FUZZ_EXPORTS ?? 1);
const TEXT_EXPORTED_SAMPLE = Number(process.env.LEANMAP_FUZZ_TEXT_EXPORTS ?? 20);
const SEED = Number(process.env.LEANMAP_FUZZ_SEED ?? 20261122);

let dir: string;
let backend: Backend;
let base: Json;
const accepted: HostileFile[] = [];
let farAccepted = 0;
const refusals: { how: string; code: string; message: string }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'leanmap-fuzz-'));
  backend = await createBackend({ dataDir: dir, clock: tickingClock(), log: () => {} });
  const real = await aRealWorkshop(backend);
  base = JSON.parse(real.exportText) as Json;
  await removeWorkshop(backend, real.workshopId);
});

afterAll(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('importing hostile workshop files', () => {
  it(`refuses or fully imports each of ${CASES} mutated, cut and poisoned files, changing nothing when it refuses`, { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(hostileFiles(base), async (file) => {
        const verdict = await importAndCheck(backend, file.text);
        if (verdict.kind === 'broken') throw new Error(`${file.how}: ${verdict.problem}`);
        if (verdict.kind === 'refused') refusals.push({ how: file.how, code: verdict.code, message: verdict.message });
        else {
          if (file.far) farAccepted += 1;
          else accepted.push(file);
          await removeWorkshop(backend, verdict.id);
        }
      }),
      { seed: SEED, numRuns: CASES, endOnFailure: true },
    );
    // Both branches must really be exercised, or the property proves little.
    expect(refusals.length).toBeGreaterThan(CASES / 10);
    expect(accepted.length).toBeGreaterThan(CASES / 20);
    console.info(
      `hostile imports: ${CASES} cases, ${accepted.length + farAccepted} imported (${farAccepted} with a far-away card), ${refusals.length} refused (seed ${SEED})`,
    );
  });

  it('refuses a file over the size limit and one from a newer Leanmap, changing nothing', async () => {
    const before = rowSnapshot(backend);
    const padded = toText(base).replace(/}$/, `${' '.repeat(MAX_IMPORT_BYTES)}}`);
    expect(await importAndCheck(backend, padded)).toMatchObject({ kind: 'refused', code: 'IMPORT_TOO_LARGE' });
    const future = toText(setAt(base, ['formatVersion'], (base as { formatVersion: number }).formatVersion + 1));
    expect(await importAndCheck(backend, future)).toMatchObject({ kind: 'refused', code: 'IMPORT_FUTURE_VERSION' });
    expect(rowSnapshot(backend)).toBe(before);
  });

  it(`exports a sample of the imported files in every format, each within its time bound`, { timeout: 300_000 }, async () => {
    const exporter = new HostExporter();
    try {
      const step = Math.max(1, Math.floor(accepted.length / EXPORTED_SAMPLE));
      const sample = [{ how: 'the real export itself', text: toText(base), far: false }, ...accepted.filter((_, i) => i % step === 0)].slice(
        0,
        EXPORTED_SAMPLE + 1,
      );
      for (const file of sample) {
        const verdict = await exporter.importAndExport(file.text);
        if (verdict.kind === 'broken') throw new Error(`${file.how}: ${verdict.problem}`);
      }
    } finally {
      await exporter.close();
    }
  });

  it(`exports ${TEXT_EXPORTED_SAMPLE} more imported files as HTML, Markdown, CSV and SVG, each within its time bound`, { timeout: 300_000 }, async () => {
    expect(accepted.length, 'the imported files come from the property test above; run the whole file').toBeGreaterThan(0);
    const exporter = new HostExporter();
    try {
      const step = Math.max(1, Math.floor(accepted.length / TEXT_EXPORTED_SAMPLE));
      for (const file of accepted.filter((_, i) => i % step === Math.floor(step / 2)).slice(0, TEXT_EXPORTED_SAMPLE)) {
        const verdict = await exporter.importAndExport(file.text, undefined, TEXT_FORMATS);
        if (verdict.kind === 'broken') throw new Error(`${file.how}: ${verdict.problem}`);
      }
    } finally {
      await exporter.close();
    }
  });

  it('refuses a far-away card at import, or exports it in every format within the time bound', { timeout: 120_000 }, async () => {
    const exporter = new HostExporter();
    try {
      for (const [axis, far] of [['y', '4e18'], ['x', '1e300']] as const) {
        const text = toText(setAt(base, ['workshop', 'versions', 0, 'document', 'stages', 0, 'position', axis], `\u0000raw:${far}`));
        const verdict = await exporter.importAndExport(text, 10_000);
        if (verdict.kind === 'broken') throw new Error(`stage at ${axis} = ${far}: ${verdict.problem}`);
      }
    } finally {
      await exporter.close();
    }
  });

  it('words every refusal as a sentence a facilitator understands, with no raw validation wording', () => {
    const raw = /received|invalid input|expected (string|number|object|array|boolean)|undefined|NaN|Infinity|\[object/i;
    // A sentence ends before "Nothing was imported", in parentheses or not: "… (There are 2 more problems.) Nothing was imported."
    const bad = refusals.filter(({ message }) => raw.test(message) || !/[.!?]$/.test(message.trim()) || /(?<![.!?]\)?)\s+Nothing was imported/.test(message));
    expect(bad.slice(0, 5)).toEqual([]);
  });
});
