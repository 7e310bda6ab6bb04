// The files of one export as a single zip, for the browser: one download instead of
// eighteen (Chromium also drops downloads started too fast). fflate, in memory.
import { zipSync, type Zippable } from 'fflate';
import type { HostFile } from './host';

const encoder = new TextEncoder();

/** A file's bytes, from the text or base64 the API carries. */
export function fileBytes(file: HostFile): Uint8Array {
  if (file.encoding === 'utf8') return encoder.encode(file.data);
  return Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0));
}

/** Already-compressed formats are stored, the rest deflated. */
const STORED = /\.(png|xlsx|zip)$/i;

/** One zip holding every file under its own name, in order; a repeated name gets " (2)", " (3)"… */
export function zipFiles(files: readonly HostFile[], modified: Date = new Date()): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) {
    let name = file.name;
    for (let n = 2; Object.prototype.hasOwnProperty.call(entries, name); n++) name = file.name.replace(/(\.[^.]+)?$/, ` (${n})$1`);
    entries[name] = [fileBytes(file), { level: STORED.test(name) ? 0 : 6, mtime: modified }];
  }
  return zipSync(entries);
}
