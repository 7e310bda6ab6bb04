// Where the audience window goes: on the external display when there is one (full
// screen there), else in a window beside the console on the only display, saying so.
// Pure (displays in, placement out) so the choice is unit-tested without Electron.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the choice needs of Electron's `Display`. */
export interface DisplayInfo {
  id: number;
  bounds: Rect;
  /** Electron's `internal`: the laptop's own panel. */
  internal?: boolean;
}

export interface AudiencePlacement {
  bounds: Rect;
  fullscreen: boolean;
  /** The display it is on, or null when it shares the console's. */
  displayId: number | null;
  /** For the facilitator, shown in the console after opening. */
  message: string;
}

const ONE_DISPLAY =
  'Only one display is connected, or the displays are mirrored: the audience view opened in a window on this screen. ' +
  'To show it on the projector alone, set the displays to "extend" in the system settings; Leanmap then moves it there.';

/**
 * The console stays on the display the main window is on; the audience takes another,
 * preferring an external one over the laptop panel, then the largest.
 */
export function chooseAudienceDisplay(displays: readonly DisplayInfo[], consoleDisplayId: number | null): AudiencePlacement {
  const others = displays.filter((d) => d.id !== consoleDisplayId);
  const candidates = (others.length > 0 && displays.length > 1 ? others : []).sort(
    (a, b) => Number(Boolean(a.internal)) - Number(Boolean(b.internal)) || b.bounds.width * b.bounds.height - a.bounds.width * a.bounds.height,
  );
  const target = candidates[0];
  if (target) {
    return {
      bounds: { ...target.bounds },
      fullscreen: true,
      displayId: target.id,
      message: 'The audience view is on the second display, full screen.',
    };
  }
  const home = displays.find((d) => d.id === consoleDisplayId) ?? displays[0];
  const area = home?.bounds ?? { x: 0, y: 0, width: 1280, height: 720 };
  // Half the screen, on its right, so the console stays usable beside it.
  const width = Math.max(480, Math.round(area.width / 2));
  const height = Math.max(320, Math.round(area.height / 2));
  return {
    bounds: { x: area.x + area.width - width, y: area.y, width, height },
    fullscreen: false,
    displayId: null,
    message: ONE_DISPLAY,
  };
}
