// Host capabilities that are not API: saving a file where the facilitator picks
// (Electron's dialog) or as a browser download.
export type SaveResult = { saved: true; where: string } | { saved: false };

export interface HostFile {
  name: string;
  mime: string;
  data: string;
  encoding: 'utf8' | 'base64';
}

export interface Host {
  saveTextFile(suggestedName: string, text: string, mime: string): Promise<SaveResult>;
  /** Several files at once: into a folder the facilitator picks (desktop) or as downloads (browser). */
  saveFiles(files: HostFile[]): Promise<SaveResult>;
}

/** Gap between downloads of one export in the browser. */
const DOWNLOAD_GAP_MS = 150;

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
  if (file.encoding === 'utf8') return new Blob([file.data], { type: file.mime });
  const bytes = Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: file.mime });
}

const electronHost = (bridge: NonNullable<Window['leanmap']>): Host => ({
  async saveTextFile(suggestedName, text) {
    const result = await bridge.saveFile({ suggestedName, data: text, encoding: 'utf8' });
    return result.saved ? { saved: true, where: result.path } : { saved: false };
  },
  async saveFiles(files) {
    const result = await bridge.saveFiles({ files: files.map(({ name, data, encoding }) => ({ name, data, encoding })) });
    return result.saved ? { saved: true, where: result.folder } : { saved: false };
  },
});

const browserHost: Host = {
  async saveTextFile(suggestedName, text, mime) {
    download(suggestedName, new Blob([text], { type: mime }));
    return { saved: true, where: 'your downloads folder' };
  },
  async saveFiles(files) {
    // Chromium silently drops downloads started faster than about ten a second.
    for (const [i, file] of files.entries()) {
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, DOWNLOAD_GAP_MS));
      download(file.name, toBlob(file));
    }
    return { saved: true, where: 'your downloads folder' };
  },
};

export function host(): Host {
  return window.leanmap ? electronHost(window.leanmap) : browserHost;
}
