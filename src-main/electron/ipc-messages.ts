// What may cross the IPC boundary, checked before anything runs: who sent it (only
// the app's own top-level page) and what it says (zod). Pure, so it is unit-tested.
import { basename } from 'node:path';
import { z } from 'zod';
import { safeFileName as safeExportFileName } from '../../src-shared/domain/file-names';
import type { SaveFileRequest, SaveFilesRequest } from '../../src-shared/api/bridge';
import { isAllowedNavigation } from './window-options';

// The preload repeats these two names (it may import nothing but 'electron').
export const INVOKE_CHANNEL = 'leanmap:invoke';
export const SAVE_FILE_CHANNEL = 'leanmap:save-file';
export const SAVE_FILES_CHANNEL = 'leanmap:save-files';
export const OPEN_AUDIENCE_CHANNEL = 'leanmap:open-audience';

/** The workshop whose audience view opens: an id as the app makes them, nothing that could bend the URL. */
export const OpenAudienceRequestSchema = z.string().regex(/^[\w-]{1,64}$/);

/** Renderer -> main: which workshop's events this window wants (null: none). */
export const WATCH_CHANNEL = 'leanmap:watch';
/** Main -> renderer: one pushed event. */
export const EVENT_CHANNEL = 'leanmap:event';

export const WatchMessageSchema = z.object({ workshopId: z.string().min(1).max(64).nullable() });

/** Large enough for a PDF or PNG of a big map (base64), small enough to refuse nonsense. */
export const MAX_SAVE_FILE_CHARS = 160 * 1024 * 1024;

export const InvokeMessageSchema = z.object({
  method: z.string().min(1).max(100),
  input: z.unknown().optional(),
  windowId: z.string().min(1).max(64).optional(),
});
export type InvokeMessage = z.infer<typeof InvokeMessageSchema>;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const SaveFileRequestSchema = z
  .object({
    suggestedName: z.string().min(1).max(255),
    data: z.string().max(MAX_SAVE_FILE_CHARS),
    encoding: z.enum(['utf8', 'base64']),
    filters: z
      .array(
        z.object({
          name: z.string().min(1).max(100),
          extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/)).min(1).max(10),
        }),
      )
      .max(10)
      .optional(),
  })
  .refine((request) => request.encoding !== 'base64' || BASE64.test(request.data), {
    message: 'data is not valid base64',
    path: ['data'],
  }) satisfies z.ZodType<SaveFileRequest>;

export const SaveFilesRequestSchema = z.object({
  files: z
    .array(
      z
        .object({ name: z.string().min(1).max(255), data: z.string().max(MAX_SAVE_FILE_CHARS), encoding: z.enum(['utf8', 'base64']) })
        .refine((f) => f.encoding !== 'base64' || BASE64.test(f.data), { message: 'data is not valid base64', path: ['data'] }),
    )
    .min(1)
    .max(30),
}) satisfies z.ZodType<SaveFilesRequest>;

/** The frame that sent an IPC message, as far as the check needs it. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** Only the app's own page, in its top-level frame, may call the backend. */
export function isTrustedSender(frame: SenderFrame | null | undefined, appUrl: string): boolean {
  if (!frame || frame.parent !== null) return false;
  return isAllowedNavigation(frame.url, appUrl);
}

/** A file name the save dialog can propose: no folders, no characters Windows refuses. */
export function safeFileName(suggested: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = basename(suggested.replace(/\\/g, '/')).replace(/[\u0000-\u001f<>:"/\\|?*]/g, '_').trim();
  // Then the export rules: no invisible characters, reserved device names or leading dots, cut between whole characters.
  return safeExportFileName(cleaned, 'Leanmap export', 200);
}

export function decodeSaveData(request: Pick<SaveFileRequest, 'data' | 'encoding'>): Buffer {
  return Buffer.from(request.data, request.encoding === 'base64' ? 'base64' : 'utf8');
}
