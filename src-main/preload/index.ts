// The whole bridge between the sandboxed page and the main process: the calls, the
// pushed events and the platform name, exposed once. Imports nothing but 'electron' (sandbox rule)
// and never hands the page ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import type { LeanmapBridge, SaveFileRequest, SaveFileResult, SaveFilesRequest, SaveFilesResult } from '../../src-shared/api/bridge';
import type { WireResult } from '../../src-shared/api/errors';

// Same names as src-main/electron/ipc-messages.ts (a test keeps them in step).
const INVOKE_CHANNEL = 'leanmap:invoke';
const SAVE_FILE_CHANNEL = 'leanmap:save-file';
const SAVE_FILES_CHANNEL = 'leanmap:save-files';
const OPEN_AUDIENCE_CHANNEL = 'leanmap:open-audience';
const WATCH_CHANNEL = 'leanmap:watch';
const EVENT_CHANNEL = 'leanmap:event';

const bridge: LeanmapBridge = {
  invoke: (method, input, windowId) =>
    ipcRenderer.invoke(INVOKE_CHANNEL, windowId ? { method, input, windowId } : { method, input }) as Promise<WireResult<unknown>>,
  // A capability, not ipcRenderer: the page names a workshop and gets that workshop's
  // events (the renderer checks each against the contract); one watch per window.
  onEvent: (workshopId, listener) => {
    const forward = (_event: unknown, message: unknown) => listener(message);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    ipcRenderer.send(WATCH_CHANNEL, { workshopId });
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
      ipcRenderer.send(WATCH_CHANNEL, { workshopId: null });
    };
  },
  saveFile: async (request: SaveFileRequest): Promise<SaveFileResult> => {
    const result = (await ipcRenderer.invoke(SAVE_FILE_CHANNEL, request)) as WireResult<SaveFileResult>;
    // The message is written for the facilitator; the renderer shows it as is.
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value;
  },
  saveFiles: async (request: SaveFilesRequest): Promise<SaveFilesResult> => {
    const result = (await ipcRenderer.invoke(SAVE_FILES_CHANNEL, request)) as WireResult<SaveFilesResult>;
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value;
  },
  openAudience: async (workshopId: string): Promise<string> => {
    const result = (await ipcRenderer.invoke(OPEN_AUDIENCE_CHANNEL, workshopId)) as WireResult<string>;
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value;
  },
  platform: process.platform,
};

contextBridge.exposeInMainWorld('leanmap', bridge);
