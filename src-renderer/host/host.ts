// Host capabilities that are not API: saving a file where the facilitator picks
// (Electron's dialog) or as a browser download.
import { installedHost } from '../api/client';
import { fileBytes, zipFiles } from './zip-files';

export type SaveResult = { saved: true; where: string } | { saved: false };

export interface HostFile {
  name: string;
  mime: string;
  data: string;
  encoding: 'utf8' | 'base64';
}

export interface Host {
  /** Where the files of an export go, in a sentence for the Export dialog. */
  readonly saveFilesHint: string;
  saveTextFile(suggestedName: string, text: string, mime: string): Promise<SaveResult>;
  /**
   * Several files at once: into a folder the facilitator picks (desktop), or in the
   * browser as one download (a single file as it is, more as "<bundleName>.zip").
   */
  saveFiles(files: HostFile[], bundleName: string): Promise<SaveResult>;
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function toBlob(file: HostFile): Blob {
  return new Blob([file.encoding === 'utf8' ? file.data : (fileBytes(file) as Uint8Array<ArrayBuffer>)], { type: file.mime });
}

export const electronHost = (bridge: NonNullable<Window['leanmap']>): Host => ({
  saveFilesHint: 'The files are saved into a folder you choose.',
  async saveTextFile(suggestedName, text) {
    const result = await bridge.saveFile({ suggestedName, data: text, encoding: 'utf8' });
    return result.saved ? { saved: true, where: result.path } : { saved: false };
  },
  async saveFiles(files) {
    const result = await bridge.saveFiles({ files: files.map(({ name, data, encoding }) => ({ name, data, encoding })) });
    return result.saved ? { saved: true, where: result.folder } : { saved: false };
  },
});

export const browserHost: Host = {
  saveFilesHint: 'One file downloads as it is; several download together as one zip.',
  async saveTextFile(suggestedName, text, mime) {
    download(suggestedName, new Blob([text], { type: mime }));
    return { saved: true, where: 'your downloads folder' };
  },
  async saveFiles(files, bundleName) {
    const [only] = files;
    if (files.length === 1 && only) {
      download(only.name, toBlob(only));
      return { saved: true, where: 'your downloads folder' };
    }
    const zipName = `${bundleName}.zip`;
    download(zipName, new Blob([zipFiles(files) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
    return { saved: true, where: `your downloads folder, in "${zipName}"` };
  },
};

/** @deprecated use useEditorSession().host (compatibility for modules not yet moved). */
export function host(): Host {
  return installedHost() ?? (window.leanmap ? electronHost(window.leanmap) : browserHost);
}
