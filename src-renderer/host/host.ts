// Host capabilities that are not API: saving a file where the facilitator picks
// (Electron's dialog) or as a browser download, and opening the audience window.
// The EditorSession is given one; components take it with useHost().
import { TOKEN_KEY } from '../api/transports';
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
  /** Opens the workshop's audience view for the projector; the sentence says where it is. */
  openAudience(workshopId: string): Promise<string>;
}

/** The address of a workshop's audience view in the browser host, with the page's access key. */
export function audienceAddress(workshopId: string, location: Pick<Location, 'origin' | 'pathname'> = window.location, token = window.sessionStorage.getItem(TOKEN_KEY)): string {
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  return `${location.origin}${location.pathname}${query}#/audience/${encodeURIComponent(workshopId)}`;
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
  openAudience: (workshopId) => bridge.openAudience(workshopId).catch((error: unknown) => (error instanceof Error ? error.message : 'The audience window could not open.')),
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
  async openAudience(workshopId) {
    const address = audienceAddress(workshopId);
    // A named window: pressing the button again brings the same one back. No opener is
    // kept: the audience follows the console through pushed messages only.
    const opened = window.open(address, `leanmap-audience-${workshopId}`);
    if (opened) opened.opener = null;
    return opened
      ? `The audience view opened in a new window: drag it to the projector and press F11. Its address: ${address}`
      : `The browser blocked the new window. Open this address in a window on the projector: ${address}`;
  },
};
