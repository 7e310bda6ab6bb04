// What the Electron preload exposes on window.leanmap (types only: the preload
// itself must stay dependency-free). The browser build has no bridge.
import type { WireResult } from './errors';

export interface SaveFileRequest {
  suggestedName: string;
  /** UTF-8 text, or base64 for binary files. */
  data: string;
  encoding: 'utf8' | 'base64';
  filters?: { name: string; extensions: string[] }[];
}

export type SaveFileResult = { saved: true; path: string } | { saved: false };

/** Several files (an export pack) written into one folder the facilitator picks. */
export interface SaveFilesRequest {
  files: { name: string; data: string; encoding: 'utf8' | 'base64' }[];
}

export type SaveFilesResult = { saved: true; folder: string; names: string[] } | { saved: false };

export interface LeanmapBridge {
  /** `windowId` names the calling window in the events the call causes. */
  invoke(method: string, input: unknown, windowId?: string): Promise<WireResult<unknown>>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  saveFiles(request: SaveFilesRequest): Promise<SaveFilesResult>;
  /** Opens (or moves to the front) the audience window of a workshop; says where it went. */
  openAudience(workshopId: string): Promise<string>;
  platform: string;
  /**
   * Pushed events of one workshop (src-shared/api/events.ts), as sent by main; the
   * renderer checks them. Returns the unsubscribe. Optional: older preloads lack it.
   */
  onEvent?(workshopId: string, listener: (event: unknown) => void): () => void;
}

declare global {
  interface Window {
    leanmap?: LeanmapBridge;
  }
}
