// Makes the map's SVG text draw in the right embedded font without relying on a
// renderer's font fallback, which both of ours get wrong for mixed text:
// svg-to-pdfkit uses one font per element, and resvg shapes a whole text chunk
// with its first font, dropping CJK glyphs when the Latin part has letters like
// "ź" (linebender/resvg#973: "make sure your SVG files do not rely on font fallback").
import { familyOf, FONT_FAMILY, runWidth, splitIntoRuns } from './fonts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? all;
  });
const encode = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const isLatinOnly = (text: string) => splitIntoRuns(text).every((r) => r.face === 'regular');

/** For svg-to-pdfkit: CJK and emoji runs in a <tspan> of their fallback family, the rest left to the element's font. */
export function withFallbackTspans(svg: string): string {
  return svg.replace(/(<text\b[^>]*>)([\s\S]*?)(<\/text>)/g, (_all, open: string, inner: string, close: string) => {
    const body = inner.replace(/(^|>)([^<]+)/g, (_m, lead: string, text: string) => {
      if (isLatinOnly(decode(text))) return lead + text;
      const runs = splitIntoRuns(decode(text));
      return lead + runs.map((r) => (familyOf(r.face) !== FONT_FAMILY ? `<tspan font-family="${familyOf(r.face)}">${encode(r.text)}</tspan>` : encode(r.text))).join('');
    });
    return open + body + close;
  });
}

const attr = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

/**
 * For resvg: a <text> with CJK becomes one chunk per run, each a <tspan> with its own x
 * and a single font family, so no chunk needs a fallback. Positions come from the
 * same font files resvg draws with; the anchor (start, middle, end) is kept.
 */
export function withSingleFontChunks(svg: string): string {
  return svg.replace(/<text\b([^>]*)>([^<]*)<\/text>/g, (all, attrs: string, inner: string) => {
    const text = decode(inner);
    if (isLatinOnly(text)) return all;
    const x = Number(attr(attrs, 'x'));
    const size = Number(attr(attrs, 'font-size') ?? 16);
    if (!Number.isFinite(x) || !Number.isFinite(size)) return all;
    const weight = attr(attrs, 'font-weight') ?? '';
    const bold = weight === 'bold' || Number(weight) >= 600;
    const runs = splitIntoRuns(text.replace(/\s+/g, ' '), bold).map((r) => ({ ...r, width: runWidth(r.face, r.text, size) }));
    const total = runs.reduce((sum, r) => sum + r.width, 0);
    const anchor = attr(attrs, 'text-anchor');
    let left = anchor === 'middle' ? x - total / 2 : anchor === 'end' ? x - total : x;
    const rest = attrs.replace(/\s(x|text-anchor)="[^"]*"/g, '');
    const spans = runs.map((r) => {
      const family = familyOf(r.face);
      const span = `<tspan x="${Math.round(left * 100) / 100}" font-family="${family}" xml:space="preserve">${encode(r.text)}</tspan>`;
      left += r.width;
      return span;
    });
    return `<text${rest}>${spans.join('')}</text>`;
  });
}
