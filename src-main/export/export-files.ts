// Builds the files of an export from one report (every format from the same model)
// and writes them into a folder, each atomically, with messages a facilitator can
// act on when the folder cannot take them. JSON is built by the caller. The backend
// runs this on its export worker (export-worker.ts), so pdfkit and exceljs load there,
// on the first export that needs them (pdf-frame.ts, xlsx-writer.ts).
import { basename, join } from 'node:path';
import type { ExportedFile } from '../../src-shared/api/contract';
import { DomainError } from '../../src-shared/api/errors';
import { renderCsvFiles } from '../../src-shared/domain/report/csv-writer';
import { renderHtml } from '../../src-shared/domain/report/html-writer';
import { renderMarkdown } from '../../src-shared/domain/report/markdown-writer';
import type { MapScene } from '../../src-shared/domain/report/map-scene';
import type { Report, ReportFormat, ReportMap } from '../../src-shared/domain/report/report-model';
import { AtomicWriteError, describeWriteError, writeFileAtomic } from '../fs/atomic-write';
import { reportFileStem } from '../services/file-names';
import { exportTextMetrics } from './font-metrics';
import { mapSceneOf, mapSvgOf } from './map-svg';
import type { Paper } from './pdf-frame';
import type { ExportProgress } from './export-protocol';
import { writePdf } from './pdf-writer';
import { renderPngInBands } from './png-bands';
import { pngRenderings, type PngScale } from './png-writer';
import { glyphTextWriter } from './svg-glyphs';
import { writeXlsx } from './xlsx-writer';

export interface ExportFile {
  name: string;
  mime: string;
  data: Buffer;
}

export interface ExportOptions {
  paper: Paper;
  /** Told before each step (a format, or one PNG rendering) and once all are done. */
  onProgress?: (progress: ExportProgress) => void;
  /** The PNG sizes to render (each is a full rendering); all of PNG_SCALES when left out. */
  pngScales?: readonly PngScale[];
  /** Cores the build may keep busy (a big PNG renders in as many bands); 2 when left out. */
  cores?: number;
}

const STEP_NAMES: Record<ExportFormat, string> = {
  pdf: 'PDF report',
  html: 'web page',
  md: 'Markdown text',
  xlsx: 'spreadsheet',
  csv: 'CSV tables',
  png: 'map picture',
  svg: 'map drawing',
};

export type ExportFormat = Exclude<ReportFormat, 'json'>;

export const EXPORT_MIME: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  png: 'image/png',
  svg: 'image/svg+xml',
};

/** Files the API sends as text (UTF-8); everything else goes as base64. */
export const isTextMime = (mime: string) => mime.startsWith('text/') || mime.startsWith('image/svg');

/** A file as the API sends it (the worker does this for the API: export-worker.ts). */
export function toWireFile(file: ExportFile): ExportedFile {
  return isTextMime(file.mime)
    ? { name: file.name, mime: file.mime, data: file.data.toString('utf8'), encoding: 'utf8' }
    : { name: file.name, mime: file.mime, data: file.data.toString('base64'), encoding: 'base64' };
}

export const PNG_SCALES: readonly PngScale[] = [1, 2, 4];

/** "map.png", "map@2x.png", "map@4x.png". */
const pngName = (stem: string, scale: PngScale) => `${stem} map${scale === 1 ? '' : `@${scale}x`}.png`;

/** The map scene of a report's map, kept while the map is: the worker reuses a report across the jobs of one export. */
const scenes = new WeakMap<ReportMap, MapScene>();
function sceneOf(report: Report): MapScene {
  let scene = scenes.get(report.map);
  if (!scene) {
    scene = mapSceneOf(report);
    scenes.set(report.map, scene);
  }
  return scene;
}

/** Every requested format's files, in the order asked; 'json' is left to the caller. */
export async function exportReport(
  report: Report,
  formats: readonly ReportFormat[],
  options: ExportOptions,
): Promise<ExportFile[]> {
  const stem = reportFileStem(report.cover.title, report.cover.versionName);
  const wanted = [...new Set(formats)].filter((f): f is ExportFormat => f !== 'json');
  // The map is drawn once (the layout comes with the report) and shared by SVG, PNG and HTML.
  const mapScene = () => sceneOf(report);
  let svg: string | undefined;
  const mapSvg = () => (svg ??= mapSvgOf(report, { scene: mapScene() }));
  // For resvg the text comes as outlines: it lays a <text> out far slower than it fills a path.
  // A big picture is drawn in bands, each from its own part of the scene (png-bands.ts).
  let outlined: string | undefined;
  const pngSvg = (part: MapScene) =>
    part === mapScene() ? (outlined ??= mapSvgOf(report, { scene: part, writer: glyphTextWriter() })) : mapSvgOf(report, { scene: part, writer: glyphTextWriter() });
  const files: ExportFile[] = [];
  const add = (name: string, format: ExportFormat, data: Buffer) => files.push({ name, mime: EXPORT_MIME[format], data });

  const pngScales = PNG_SCALES.filter((scale) => (options.pngScales ?? PNG_SCALES).includes(scale));
  const renderings = () => pngRenderings(mapScene(), pngScales);
  const total = wanted.reduce((n, f) => n + (f === 'png' ? renderings().length : 1), 0);
  let done = 0;
  const step = (name: string) => options.onProgress?.({ done: done++, total, step: name });

  for (const format of wanted) {
    if (format !== 'png') step(STEP_NAMES[format]);
    switch (format) {
      case 'pdf':
        add(`${stem}.pdf`, format, await writePdf(report, { paper: options.paper }));
        break;
      case 'xlsx':
        add(`${stem}.xlsx`, format, await writeXlsx(report));
        break;
      case 'png': {
        // Scales the size limits make the same picture are rendered once and share its bytes.
        const pictures = new Map<PngScale, Buffer>();
        for (const rendering of renderings()) {
          step(`${STEP_NAMES.png} at ${rendering.scales.map((s) => `${s}×`).join(', ')}`);
          const png = await renderPngInBands(mapScene(), rendering.width, pngSvg, options.cores ?? 2);
          for (const scale of rendering.scales) pictures.set(scale, png);
        }
        for (const scale of pngScales) add(pngName(stem, scale), format, pictures.get(scale)!);
        break;
      }
      case 'svg':
        add(`${stem} map.svg`, format, Buffer.from(mapSvg(), 'utf8'));
        break;
      case 'html':
        add(`${stem}.html`, format, Buffer.from(renderHtml(report, exportTextMetrics, mapScene()), 'utf8'));
        break;
      case 'md':
        add(`${stem}.md`, format, Buffer.from(renderMarkdown(report), 'utf8'));
        break;
      case 'csv':
        // "stages.csv" → "<stem> stages.csv": one file a table.
        for (const csv of renderCsvFiles(report)) add(`${stem} ${csv.name}`, format, Buffer.from(csv.text, 'utf8'));
        break;
    }
  }
  options.onProgress?.({ done: total, total, step: 'done' });
  return files;
}

/**
 * Writes each file into `folder` atomically (temp file, fsync, rename). On the first
 * failure it stops and says, in plain words, what went wrong and what was saved.
 * Returns the paths written.
 */
export async function writeExportFiles(files: readonly ExportFile[], folder: string): Promise<string[]> {
  const written: string[] = [];
  for (const file of files) {
    const path = join(folder, file.name);
    try {
      await writeFileAtomic(path, file.data);
    } catch (error) {
      const reason = error instanceof AtomicWriteError ? error.message : describeWriteError(error, path);
      const saved = written.length > 0 ? ` Saved before this: ${written.map((p) => `"${basename(p)}"`).join(', ')}.` : '';
      throw new DomainError('EXPORT_FAILED', `The export was not saved. ${reason}${saved}`);
    }
    written.push(path);
  }
  return written;
}
