// The browser saves an export of several files as one zip: every file inside under
// its own name with its bytes unchanged, text and base64 alike.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fileBytes, zipFiles } from '../../../src-renderer/host/zip-files';
import type { HostFile } from '../../../src-renderer/host/host';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255, 128]);
const files: HostFile[] = [
  { name: 'Renewal journey – Future state.md', mime: 'text/markdown', data: '# Müller 東京 🚀\n', encoding: 'utf8' },
  { name: 'Renewal journey – Future state map.png', mime: 'image/png', data: Buffer.from(png).toString('base64'), encoding: 'base64' },
  { name: 'Renewal journey – Future state stages.csv', mime: 'text/csv', data: '\uFEFFStage\r\n', encoding: 'utf8' },
];

describe('zipFiles', () => {
  it('holds every file under its name, bytes unchanged, in order', () => {
    const entries = unzipSync(zipFiles(files));
    expect(Object.keys(entries)).toEqual(files.map((f) => f.name));
    expect(strFromU8(entries[files[0]!.name]!)).toBe('# Müller 東京 🚀\n');
    expect([...entries[files[1]!.name]!]).toEqual([...png]);
    // The byte-order mark spreadsheets need is kept.
    expect([...entries[files[2]!.name]!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('keeps both files when two share a name', () => {
    const entries = unzipSync(zipFiles([files[0]!, { ...files[0]!, data: 'second' }]));
    expect(Object.keys(entries)).toEqual([files[0]!.name, 'Renewal journey – Future state (2).md']);
    expect(strFromU8(entries['Renewal journey – Future state (2).md']!)).toBe('second');
  });

  it('reads base64 and text files as their bytes', () => {
    expect([...fileBytes(files[1]!)]).toEqual([...png]);
    expect(fileBytes({ name: 'a', mime: 'text/plain', data: 'é', encoding: 'utf8' })).toEqual(Uint8Array.from([0xc3, 0xa9]));
  });
});
