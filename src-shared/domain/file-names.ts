// File names built from user text (a workshop title, a version name): safe to write
// on Windows, macOS and Linux, never empty, never hidden, never a path. Pure, so the
// backend names its files and the browser names its zip the same way.

/** Windows device names, reserved with any extension: "con", "NUL.tar.gz", "LPT1.report", "COM¹". */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Characters no file system takes, or that would make the name a path or a pattern. */
const FORBIDDEN = /[<>:"/\\|?*]/g;

/**
 * Control and format characters (bidi overrides and isolates, zero-width marks, the
 * byte-order mark…), unpaired surrogates, and unassigned or private-use code points:
 * invisible, or able to make a name read as something else ("exe.txt" shown for
 * "txt.exe"). The zero-width joiner stays: it holds emoji such as 👩‍💻 together.
 */
const INVISIBLE = /(?!\u200d)[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu;

/** Tabs and line breaks separate words: they become spaces, not nothing. */
const LINE_CONTROLS = /[\t\n\v\f\r\u0085]/g;

/** Line and paragraph separators and every other space become one plain space. */
const SPACES = /[\s\p{Z}]+/gu;

/** Dots and spaces at the start (hidden files, "..") or the end (Windows drops them). */
const EDGE_DOTS = /^[.\s]+|[.\s]+$/g;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The first whole characters (grapheme clusters: an emoji with its modifiers, a letter
 * with its accents) that fit in `maxUnits` UTF-16 code units, so a cut never splits an
 * emoji into a lone surrogate or strips an accent off its letter.
 */
export function cutToGraphemes(text: string, maxUnits: number): string {
  if (text.length <= maxUnits) return text;
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    if (out.length + segment.length > maxUnits) break;
    out += segment;
  }
  return out;
}

/** A name whose part before the first dot is a Windows device name gets "_" after that part. */
function defuseReserved(name: string): string {
  const dot = name.indexOf('.');
  const device = (dot === -1 ? name : name.slice(0, dot)).trimEnd();
  if (!RESERVED.test(device)) return name;
  return `${device}_${dot === -1 ? '' : name.slice(dot)}`;
}

/**
 * A file name stem (no extension yet) from user text: one line, no path separator or
 * character Windows refuses, no invisible character, no leading dot, at most
 * `maxUnits` UTF-16 code units cut between whole characters, never a reserved device
 * name; `fallback` when nothing usable is left.
 */
export function safeFileStem(text: string, fallback = 'workshop', maxUnits = 80): string {
  const clean = (value: string) =>
    value
      .replace(LINE_CONTROLS, ' ')
      .replace(INVISIBLE, '')
      .normalize('NFC')
      .replace(INVISIBLE, '')
      .replace(FORBIDDEN, ' ')
      .replace(SPACES, ' ')
      .replace(EDGE_DOTS, '');
  // One unit is kept back for the "_" a device name gets.
  const stem = clean(cutToGraphemes(clean(text), maxUnits - 1));
  if (stem === '') return fallback === '' ? 'file' : safeFileStem(fallback, 'file', maxUnits);
  return defuseReserved(stem);
}

/** The stem of a report's files: "Renewal journey – Future state", each part kept short enough that both show. */
export function reportFileStem(title: string, versionName: string): string {
  return `${safeFileStem(title, 'Leanmap report', 60)} – ${safeFileStem(versionName, 'Map', 40)}`;
}

/** Up to two short extensions at the end of a name: ".pdf", ".leanmap.json". */
const EXTENSIONS = /^(.+?)((?:\.[A-Za-z0-9]{1,16}){1,2})$/;

/**
 * A whole file name (stem and extension) made safe by the same rules as a stem: the
 * extension is kept, the stem cleaned and cut so the name stays within `maxUnits`.
 * For names that arrive from elsewhere (the desktop save, which trusts no renderer).
 */
export function safeFileName(name: string, fallback = 'Leanmap export', maxUnits = 200): string {
  const match = EXTENSIONS.exec(name);
  const extension = match?.[2] ?? '';
  const stem = match?.[1] ?? name;
  return `${safeFileStem(stem, fallback, maxUnits - extension.length)}${extension}`;
}
