// The IPC channels the preload uses: `invoke` carries the API contract to
// backend.dispatch; `save-file` is the host's save dialog plus an atomic write.
// `open-audience` opens the audience window (src-main/electron/audience-window.ts).
// Every message is checked for its sender frame and its shape before anything runs.
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type SaveDialogOptions } from 'electron';
import { dirname, join } from 'node:path';
import type { SaveFileResult, SaveFilesResult } from '../../src-shared/api/bridge';
import type { WireResult } from '../../src-shared/api/errors';
import type { Dispatch } from '../core/dispatcher';
import type { EventHub } from '../events/event-hub';
import { createEventForwarding } from './event-forwarding';
import { AtomicWriteError, writeFileAtomic } from '../fs/atomic-write';
import {
  INVOKE_CHANNEL,
  InvokeMessageSchema,
  SAVE_FILE_CHANNEL,
  SAVE_FILES_CHANNEL,
  OPEN_AUDIENCE_CHANNEL,
  OpenAudienceRequestSchema,
  SaveFileRequestSchema,
  SaveFilesRequestSchema,
  WATCH_CHANNEL,
  WatchMessageSchema,
  decodeSaveData,
  isTrustedSender,
  safeFileName,
} from './ipc-messages';

const FORBIDDEN: WireResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Only the Leanmap window may talk to Leanmap.' },
};

function fromTrustedSender(event: IpcMainInvokeEvent, appUrl: () => string): boolean {
  const trusted = isTrustedSender(event.senderFrame, appUrl());
  if (!trusted) console.warn(`Leanmap: refused an IPC message from ${event.senderFrame?.url ?? 'a closed frame'}`);
  return trusted;
}

export interface IpcOptions {
  dispatch: Dispatch;
  /** The app page's URL; a function because it is known only once the window loads. */
  appUrl: () => string;
  /** Opens the audience window for a workshop; the sentence says where it went. */
  openAudience: (workshopId: string, from: BrowserWindow | null) => string;
  /** Pushed events, forwarded to each window watching that workshop. */
  events?: EventHub;
}

export function registerIpc({ dispatch, appUrl, events, openAudience }: IpcOptions): () => void {
  const forwarding = events ? createEventForwarding(events) : null;
  const known = new Set<number>();
  ipcMain.on(WATCH_CHANNEL, (event, message: unknown) => {
    if (!forwarding || !isTrustedSender(event.senderFrame, appUrl())) return;
    const parsed = WatchMessageSchema.safeParse(message);
    if (!parsed.success) return;
    const target = event.sender;
    forwarding.watch(target, parsed.data.workshopId);
    if (known.has(target.id)) return;
    known.add(target.id);
    // A closed window stops getting events (and is not kept alive by the map).
    target.once('destroyed', () => {
      known.delete(target.id);
      forwarding.forget(target);
    });
  });

  // Where the last save went, so the next save dialog opens there (this session only).
  let lastFolder: string | undefined;

  ipcMain.handle(INVOKE_CHANNEL, async (event, message: unknown): Promise<WireResult<unknown>> => {
    if (!fromTrustedSender(event, appUrl)) return FORBIDDEN;
    const parsed = InvokeMessageSchema.safeParse(message);
    if (!parsed.success) {
      return { ok: false, error: { code: 'VALIDATION', message: 'That request is not valid: it needs a method name and an input.' } };
    }
    return dispatch(parsed.data.method, parsed.data.input, { windowId: parsed.data.windowId ?? null });
  });

  ipcMain.handle(SAVE_FILE_CHANNEL, async (event, request: unknown): Promise<WireResult<SaveFileResult>> => {
    if (!fromTrustedSender(event, appUrl)) return FORBIDDEN;
    const parsed = SaveFileRequestSchema.safeParse(request);
    if (!parsed.success) {
      return { ok: false, error: { code: 'VALIDATION', message: 'That file cannot be saved: the request is not valid.' } };
    }
    const { suggestedName, filters } = parsed.data;
    const window = BrowserWindow.fromWebContents(event.sender);
    const options: SaveDialogOptions = {
      title: 'Save',
      defaultPath: join(lastFolder ?? app.getPath('documents'), safeFileName(suggestedName)),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
      ...(filters ? { filters } : {}),
    };
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: false } };
    try {
      await writeFileAtomic(choice.filePath, decodeSaveData(parsed.data));
    } catch (error) {
      if (error instanceof AtomicWriteError) return { ok: false, error: { code: 'UNAVAILABLE', message: error.message } };
      console.error('Leanmap: saving a file failed', error);
      return { ok: false, error: { code: 'INTERNAL', message: 'Leanmap could not save that file. Try again, or choose another folder.' } };
    }
    lastFolder = dirname(choice.filePath);
    return { ok: true, value: { saved: true, path: choice.filePath } };
  });

  ipcMain.handle(SAVE_FILES_CHANNEL, async (event, request: unknown): Promise<WireResult<SaveFilesResult>> => {
    if (!fromTrustedSender(event, appUrl)) return FORBIDDEN;
    const parsed = SaveFilesRequestSchema.safeParse(request);
    if (!parsed.success) {
      return { ok: false, error: { code: 'VALIDATION', message: 'Those files cannot be saved: the request is not valid.' } };
    }
    const window = BrowserWindow.fromWebContents(event.sender);
    const options = {
      title: 'Choose a folder for the export',
      defaultPath: lastFolder ?? app.getPath('documents'),
      properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
    };
    const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    const folder = choice.filePaths[0];
    if (choice.canceled || !folder) return { ok: true, value: { saved: false } };
    const names: string[] = [];
    try {
      for (const file of parsed.data.files) {
        const name = safeFileName(file.name);
        await writeFileAtomic(join(folder, name), decodeSaveData(file));
        names.push(name);
      }
    } catch (error) {
      if (error instanceof AtomicWriteError) return { ok: false, error: { code: 'UNAVAILABLE', message: error.message } };
      console.error('Leanmap: saving export files failed', error);
      return { ok: false, error: { code: 'INTERNAL', message: 'Leanmap could not save the export. Try again, or choose another folder.' } };
    }
    lastFolder = folder;
    return { ok: true, value: { saved: true, folder, names } };
  });

  ipcMain.handle(OPEN_AUDIENCE_CHANNEL, (event, workshopId: unknown): WireResult<string> => {
    if (!fromTrustedSender(event, appUrl)) return FORBIDDEN;
    const parsed = OpenAudienceRequestSchema.safeParse(workshopId);
    if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: 'Leanmap could not tell which workshop to show to the room.' } };
    return { ok: true, value: openAudience(parsed.data, BrowserWindow.fromWebContents(event.sender)) };
  });

  return () => {
    ipcMain.removeHandler(OPEN_AUDIENCE_CHANNEL);
    ipcMain.removeHandler(INVOKE_CHANNEL);
    ipcMain.removeHandler(SAVE_FILE_CHANNEL);
    ipcMain.removeHandler(SAVE_FILES_CHANNEL);
    ipcMain.removeAllListeners(WATCH_CHANNEL);
    forwarding?.stop();
  };
}
