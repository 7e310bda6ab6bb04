// The map picture as a standalone SVG 1.1 document: the map scene (map-scene.ts)
// written out. Only rect, path, line, circle and text: resvg (PNG) draws it and the
// HTML report inlines it; it carries no script, no link and no external reference.
// Every user text is escaped. A text that needs a fallback font (CJK, emoji) is
// written as one positioned <tspan> per font, so no renderer has to fall back by
// itself (resvg shapes a chunk with its first font and gets mixed text wrong).
import { escapeXml } from './escape';
import { mapScene, PRIMARY_FAMILY, type MapMark, type MapScene, type Paint, type SceneShape, type SceneText, type SceneWatermark } from './map-scene';
import type { ReportMap } from './report-model';
import type { TextMetrics } from './text-metrics';

export { PRIMARY_FAMILY, SECTION_COLOURS, OUTCOME_COLOURS, type MapMark } from './map-scene';

export interface MapSvgOptions {
  /** The metrics the map was laid out with (the export fonts). */
  metrics: TextMetrics;
  draft: boolean;
  /** The document's title (workshop and version). */
  title: string;
  /** For inline use in HTML: no XML declaration and no namespace attribute (HTML puts <svg> in its namespace). */
  inline?: boolean;
  /** Compared maps: what changed, by node or transition id, drawn as a badge with its sign and word. */
  marks?: Readonly<Record<string, MapMark>>;
}

/** How a renderer that cannot lay text out well enough (or fast enough) writes text instead; and what it adds in <defs>. */
export interface SvgTextWriter {
  text(shape: SceneText): string;
  watermark(shape: SceneWatermark): string;
  /** Definitions the texts written so far refer to. */
  defs(): string;
}

export const FONT_FAMILY = "'Noto Sans', 'Noto Sans JP', 'Segoe UI', Arial, sans-serif";

/** Numbers in attributes: one decimal at most, so the output is compact and stable. */
const n = (v: number) => String(Math.round(v * 10) / 10);
/** Positions in tspans: two decimals, as the runs are placed side by side. */
const n2 = (v: number) => String(Math.round(v * 100) / 100);

function paintAttrs(p: Paint): string {
  const out: string[] = [];
  if (p.fill !== undefined) out.push(`fill="${p.fill}"`);
  if (p.fillOpacity !== undefined) out.push(`fill-opacity="${p.fillOpacity}"`);
  if (p.stroke !== undefined) out.push(`stroke="${p.stroke}"`);
  if (p.strokeWidth !== undefined) out.push(`stroke-width="${p.strokeWidth}"`);
  if (p.dash) out.push(`stroke-dasharray="${p.dash.join(' ')}"`);
  if (p.round) out.push('stroke-linecap="round" stroke-linejoin="round"');
  return out.join(' ');
}

function textSvg(t: SceneText): string {
  const style = [`font-size="${t.size}"`];
  if (t.bold) style.push('font-weight="bold"');
  if (t.italic) style.push('font-style="italic"');
  const fill = `fill="${t.fill}"`;
  if (t.runs.every((r) => r.family === PRIMARY_FAMILY)) {
    const anchor = t.anchor === 'start' ? [] : [`text-anchor="${t.anchor}"`];
    return `<text ${[`x="${n(t.x)}"`, `y="${n(t.y)}"`, ...style, ...anchor, fill].join(' ')}>${escapeXml(t.text)}</text>`;
  }
  // One chunk per font, each placed where the one before it ends.
  const spans = t.runs.map((r) => `<tspan x="${n2(r.x)}" font-family="${escapeXml(r.family)}" xml:space="preserve">${escapeXml(r.text)}</tspan>`);
  return `<text y="${n(t.y)}" ${[...style, fill].join(' ')}>${spans.join('')}</text>`;
}

function watermarkSvg(w: SceneWatermark): string {
  const turn = `rotate(${w.angle} ${n(w.x)} ${n(w.y - w.size * 0.36)})`;
  return `<text x="${n(w.x)}" y="${n(w.y)}" font-size="${n(w.size)}" font-weight="bold" fill="${w.fill}" fill-opacity="${w.fillOpacity}" text-anchor="middle" transform="${turn}">${escapeXml(w.text)}</text>`;
}

function shapeSvg(s: SceneShape, writer: SvgTextWriter | undefined): string {
  switch (s.kind) {
    case 'rect': {
      const rx = s.rx !== undefined ? ` rx="${n(s.rx)}"` : '';
      return `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.width)}" height="${n(s.height)}"${rx} ${paintAttrs(s)}/>`;
    }
    case 'path':
      return `<path d="${escapeXml(s.d)}" ${paintAttrs(s)}/>`;
    case 'line':
      return `<line x1="${n(s.x1)}" y1="${n(s.y1)}" x2="${n(s.x2)}" y2="${n(s.y2)}" ${paintAttrs(s)}/>`;
    case 'circle':
      return `<circle cx="${n(s.cx)}" cy="${n(s.cy)}" r="${n(s.r)}" ${paintAttrs(s)}/>`;
    case 'text':
      return writer ? writer.text(s) : textSvg(s);
    case 'watermark':
      return writer ? writer.watermark(s) : watermarkSvg(s);
  }
}

/** A scene as an SVG document; `writer` replaces how text is written (the PNG's outlined glyphs). */
export function sceneToSvg(scene: MapScene, options: { title: string; inline?: boolean; writer?: SvgTextWriter }): string {
  const out: string[] = [];
  if (!options.inline) out.push('<?xml version="1.0" encoding="UTF-8"?>');
  const ns = options.inline ? '' : ' xmlns="http://www.w3.org/2000/svg"';
  const xlink = options.writer ? ' xmlns:xlink="http://www.w3.org/1999/xlink"' : '';
  out.push(
    `<svg${ns}${xlink} version="1.1" width="${n(scene.width)}" height="${n(scene.height)}" viewBox="${n(scene.x)} ${n(scene.y)} ${n(scene.width)} ${n(scene.height)}" font-family="${FONT_FAMILY}">`,
  );
  out.push(`<title>${escapeXml(options.title)}</title>`);
  const [ground = [], ...layers] = scene.layers;
  for (const s of ground) out.push(shapeSvg(s, options.writer));
  for (const layer of layers) out.push('<g>', ...layer.map((s) => shapeSvg(s, options.writer)), '</g>');
  // Definitions come after their uses are known; SVG allows them anywhere.
  const defs = options.writer?.defs();
  if (defs) out.push(`<defs>${defs}</defs>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/** The map as an SVG document (or an inline <svg> element for HTML). */
export function renderMapSvg(map: ReportMap, options: MapSvgOptions): string {
  const scene = mapScene(map, { metrics: options.metrics, draft: options.draft, ...(options.marks ? { marks: options.marks } : {}) });
  return sceneToSvg(scene, { title: options.title, ...(options.inline ? { inline: true } : {}) });
}
