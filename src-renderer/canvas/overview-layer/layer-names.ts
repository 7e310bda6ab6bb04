// Which names the overview layer writes, and on how many lines. The projector rule
// holds: a name is written at 18 px on screen or not at all; it is written only when
// every word fits the card's width and all its lines fit the card's height, else the
// card is left a plain box (the room sees the map's shape, the names come on zooming in).
import type { LayerBox, Transform } from './layer-scene';

export const NAME_PX = 18;
/** The DOM card's overview name has line-height 1.1 (styles.css .stage-name-overview). */
export const NAME_LINE_PX = 20;
/** Inside the card's border, on every side (screen pixels). */
export const NAME_PAD_PX = 4;

/** Width in screen pixels of a word at NAME_PX (measured by the caller, cached there). */
export type WordWidth = (word: string) => number;

/** The name broken into lines that fit `width` × `height` screen pixels, or null when it does not fit. */
export function fitName(name: string, width: number, height: number, wordWidth: WordWidth): string[] | null {
  const inner = width - 2 * NAME_PAD_PX;
  const maxLines = Math.floor((height - 2 * NAME_PAD_PX) / NAME_LINE_PX);
  if (inner <= 0 || maxLines < 1) return null;
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const space = wordWidth(' ');
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of words) {
    const w = wordWidth(word);
    if (w > inner) return null;
    if (line && lineWidth + space + w <= inner) {
      line += ` ${word}`;
      lineWidth += space + w;
      continue;
    }
    if (line) lines.push(line);
    if (lines.length >= maxLines) return null;
    line = word;
    lineWidth = w;
  }
  lines.push(line);
  return lines.length <= maxLines ? lines : null;
}

export interface PlacedName {
  box: LayerBox;
  lines: string[];
  /** The centre of the first line's top, in screen pixels. */
  x: number;
  y: number;
}

/** The names to write for these boxes at this transform, each centred in its card (exit markers carry none at layer zoom). */
export function placeNames(boxes: readonly LayerBox[], t: Transform, wordWidth: WordWidth): PlacedName[] {
  const placed: PlacedName[] = [];
  for (const box of boxes) {
    if (box.kind === 'exit') continue;
    const width = box.width * t.zoom;
    const height = box.height * t.zoom;
    // Too small for one word of 18 px: skip the wrapping.
    if (width < NAME_PX * 2 + 2 * NAME_PAD_PX || height < NAME_LINE_PX + 2 * NAME_PAD_PX) continue;
    const lines = fitName(box.name, width, height, wordWidth);
    if (!lines) continue;
    const left = box.x * t.zoom + t.x;
    const top = box.y * t.zoom + t.y;
    placed.push({ box, lines, x: left + width / 2, y: top + (height - lines.length * NAME_LINE_PX) / 2 });
  }
  return placed;
}
