// The map picture every Node-side writer draws: the SVG of the report's map.
// Until the pure SVG writer lands this draws plain boxes and arrows.
import type { Report } from '../../src-shared/domain/report/report-model';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function mapSvgOf(report: Report): string {
  const { map } = report;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${map.width}" height="${map.height}" viewBox="${map.x} ${map.y} ${map.width} ${map.height}" font-family="Noto Sans">`,
  );
  parts.push(`<rect x="${map.x}" y="${map.y}" width="${map.width}" height="${map.height}" fill="#ffffff"/>`);
  for (const e of map.edges) {
    parts.push(`<path d="${e.path}" fill="none" stroke="#56606d" stroke-width="3"/>`);
    if (e.label) parts.push(`<text x="${e.labelX}" y="${e.labelY}" font-size="14" text-anchor="middle">${escapeXml(e.label)}</text>`);
  }
  for (const n of map.nodes) {
    parts.push(`<rect x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" rx="10" fill="#e8eef6" stroke="#1d3b63" stroke-width="2"/>`);
    parts.push(`<text x="${n.x + 12}" y="${n.y + 28}" font-size="18" font-weight="bold">${escapeXml(n.title)}</text>`);
  }
  parts.push('</svg>');
  return parts.join('\n');
}
