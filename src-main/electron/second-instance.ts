// What the desktop app shows when its data folder is already in use by another
// Leanmap (the browser host, or a desktop app Electron's own lock did not see):
// who holds it, and the way to the running one.
import { describeHolder, type LockHolder } from '../folder-lock';

export interface SecondInstanceNotice {
  title: string;
  message: string;
  detail: string;
  /** Buttons in order; the first opens `openUrl` when there is one. */
  buttons: string[];
  /** The running browser host's address, opened by the first button. */
  openUrl: string | null;
}

export function secondInstanceNotice(holder: LockHolder, dataDir: string): SecondInstanceNotice {
  const detail = describeHolder(holder, dataDir);
  const openUrl = holder.kind === 'browser-host' ? holder.url : null;
  return {
    title: 'Leanmap is already running',
    message: 'Leanmap is already running on this data folder.',
    detail,
    buttons: openUrl ? ['Open it in the browser', 'Close'] : ['Close'],
    openUrl,
  };
}
