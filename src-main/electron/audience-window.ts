// The audience window: the only other window Leanmap opens (made in window.ts). It goes
// on the external display (full screen) when there is one, follows displays being added,
// removed or switched between mirrored and extended, and keeps the display awake while open.
import { powerSaveBlocker, screen, type BrowserWindow } from 'electron';
import { chooseAudienceDisplay, type AudiencePlacement } from './audience-display';
import { createAudienceWindow } from './window';
import { audiencePageUrl } from './window-options';

export interface AudienceWindows {
  /** Opens the audience view of a workshop (or shows the open one there); says where it is. */
  open(workshopId: string, consoleWindow: BrowserWindow | null): string;
  close(): void;
}

export function audienceWindows(preloadPath: string, appUrl: () => string): AudienceWindows {
  let window: BrowserWindow | null = null;
  let blocker: number | null = null;
  let consoleOf: BrowserWindow | null = null;

  const placement = (): AudiencePlacement => {
    const consoleDisplay = consoleOf && !consoleOf.isDestroyed() ? screen.getDisplayMatching(consoleOf.getBounds()).id : screen.getPrimaryDisplay().id;
    return chooseAudienceDisplay(screen.getAllDisplays(), consoleDisplay);
  };

  const place = () => {
    if (!window || window.isDestroyed()) return;
    const where = placement();
    if (window.isFullScreen()) window.setFullScreen(false);
    window.setBounds(where.bounds);
    if (where.fullscreen) window.setFullScreen(true);
  };

  const onDisplaysChanged = () => place();
  // Switching between mirrored and extended displays moves them without adding or removing
  // one; only a change of bounds counts (full screen itself changes a work area on some systems).
  const onDisplayMoved = (_event: unknown, _display: unknown, changed: string[]) => {
    if (changed.includes('bounds')) place();
  };

  const stopFollowing = () => {
    screen.removeListener('display-added', onDisplaysChanged);
    screen.removeListener('display-removed', onDisplaysChanged);
    screen.removeListener('display-metrics-changed', onDisplayMoved);
    if (blocker !== null && powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
    blocker = null;
  };

  return {
    open(workshopId, consoleWindow) {
      consoleOf = consoleWindow;
      const where = placement();
      const url = audiencePageUrl(appUrl(), workshopId);
      if (window && !window.isDestroyed()) {
        void window.loadURL(url);
        place();
        window.show();
        return where.message;
      }
      window = createAudienceWindow(preloadPath, where, url);
      window.on('closed', () => {
        window = null;
        stopFollowing();
      });
      screen.on('display-added', onDisplaysChanged);
      screen.on('display-removed', onDisplaysChanged);
      screen.on('display-metrics-changed', onDisplayMoved);
      // The projector must not go dark while the room is looking at it.
      blocker = powerSaveBlocker.start('prevent-display-sleep');
      return where.message;
    },
    close() {
      if (window && !window.isDestroyed()) window.close();
      stopFollowing();
    },
  };
}
