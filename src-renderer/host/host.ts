// Host capabilities that are not API: saving a file where the facilitator picks
// (Electron's dialog) or as a browser download.
export type SaveResult = { saved: true; where: string } | { saved: false };

export interface Host {
  saveTextFile(suggestedName: string, text: string, mime: string): Promise<SaveResult>;
}

const electronHost = (bridge: NonNullable<Window['leanmap']>): Host => ({
  async saveTextFile(suggestedName, text) {
    const result = await bridge.saveFile({ suggestedName, data: text, encoding: 'utf8' });
    return result.saved ? { saved: true, where: result.path } : { saved: false };
  },
});

const browserHost: Host = {
  async saveTextFile(suggestedName, text, mime) {
    const url = URL.createObjectURL(new Blob([text], { type: mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = suggestedName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { saved: true, where: 'your downloads folder' };
  },
};

export function host(): Host {
  return window.leanmap ? electronHost(window.leanmap) : browserHost;
}
