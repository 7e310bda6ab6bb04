// The audience window: the only other window Leanmap opens. It goes on the external
// display (full screen) when there is one, follows displays being added or removed,
// and keeps the display awake while it is open.
import { BrowserWindow, powerSaveBlocker, screen } from 'electron';
import { chooseAudienceDisplay, type AudiencePlacement } from './audience-display';
import { audiencePageUrl, audienceWindowOptions } from './window-options';

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

  const stopFollowing = () => {
    screen.removeListener('display-added', onDisplaysChanged);
    screen.removeListener('display-removed', onDisplaysChanged);
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
      window = new BrowserWindow(audienceWindowOptions(preloadPath, where));
      window.setMenuBarVisibility(false);
      window.once('ready-to-show', () => window?.show());
      window.on('closed', () => {
        window = null;
        stopFollowing();
      });
      screen.on('display-added', onDisplaysChanged);
      screen.on('display-removed', onDisplaysChanged);
      // The projector must not go dark while the room is looking at it.
      blocker = powerSaveBlocker.start('prevent-display-sleep');
      void window.loadURL(url);
      return where.message;
    },
    close() {
      if (window && !window.isDestroyed()) window.close();
      stopFollowing();
    },
  };
}
