// PNG encoding of the rendered map, done here instead of by resvg's own encoder:
// a whole-map picture is up to 40 megapixels (160 MB of RGBA), and resvg compresses
// it at zlib's default level with adaptive filters (0.7 s for a 200-stage map). The
// map is mostly white paper and flat card colours, which zlib's fastest level with no
// row filter packs as small (8.5 MB against resvg's 9.8 MB) in a third of the time.
import { deflateSync } from 'node:zlib';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (PNG's chunk check) of `parts` in order. */
export function crc32(...parts: Uint8Array[]): number {
  let c = -1;
  for (const bytes of parts) for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A PNG chunk: length, type, data and the CRC of type and data. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(head.subarray(4), data), 0);
  return Buffer.concat([head, data, tail]);
}

/** IHDR's data: `width` × `height`, 8-bit RGBA, no interlace. */
export function pngHeader(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  // compression, filter method and interlace: 0 (the only ones PNG defines, no interlace)
  return header;
}

/**
 * `rows` rows of `rgba` (`width` × `height` pixels, 4 bytes each) as PNG lays them out:
 * each row led by its filter type, 0 (none). Rows past the picture's end are white.
 */
export function filteredRows(rgba: Uint8Array, width: number, height: number, rows = height): Buffer {
  const rowBytes = width * 4;
  if (rgba.length !== rowBytes * height) throw new Error(`The picture has ${rgba.length} bytes, not ${width}×${height} pixels.`);
  const out = Buffer.allocUnsafe(rows * (rowBytes + 1));
  const source = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  for (let y = 0; y < rows; y++) {
    const at = y * (rowBytes + 1);
    out[at] = 0;
    if (y < height) source.copy(out, at + 1, y * rowBytes, (y + 1) * rowBytes);
    else out.fill(0xff, at + 1, at + 1 + rowBytes);
  }
  return out;
}

/**
 * An 8-bit RGBA PNG of `width` × `height` pixels (`rgba`: rows top to bottom, 4 bytes
 * a pixel, not premultiplied, as resvg's `pixels` are for an opaque picture).
 */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const idat = deflateSync(filteredRows(rgba, width, height), { level: 1 });
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', pngHeader(width, height)), pngChunk('IDAT', idat), pngChunk('IEND', new Uint8Array(0))]);
}
