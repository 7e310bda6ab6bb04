// Where the audience window opens (displays in, placement out) and its window options:
// the projector gets the same hardened defaults as the main window.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseAudienceDisplay, type DisplayInfo } from '../../src-main/electron/audience-display';
import { OPEN_AUDIENCE_CHANNEL, OpenAudienceRequestSchema } from '../../src-main/electron/ipc-messages';
import { audiencePageUrl, audienceWindowOptions, isAllowedNavigation, secureWindowOptions } from '../../src-main/electron/window-options';

const laptop: DisplayInfo = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, internal: true };
const projector: DisplayInfo = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 } };
const bigScreen: DisplayInfo = { id: 3, bounds: { x: -2560, y: 0, width: 2560, height: 1440 } };

describe('chooseAudienceDisplay', () => {
  it('puts the audience full screen on the external display, away from the console', () => {
    const where = chooseAudienceDisplay([laptop, projector], 1);
    expect(where).toMatchObject({ displayId: 2, fullscreen: true, bounds: projector.bounds });
    expect(where.message).toMatch(/second display/);
  });

  it('prefers an external display over the laptop panel when the console is on a third screen', () => {
    expect(chooseAudienceDisplay([laptop, projector, bigScreen], 3).displayId).toBe(2);
  });

  it('takes the larger of two external displays', () => {
    expect(chooseAudienceDisplay([laptop, projector, bigScreen], 1).displayId).toBe(3);
  });

  it('says plainly when there is one display (or the displays are mirrored) and opens a window beside the console', () => {
    const where = chooseAudienceDisplay([laptop], 1);
    expect(where.fullscreen).toBe(false);
    expect(where.displayId).toBeNull();
    expect(where.message).toMatch(/Only one display is connected, or the displays are mirrored/);
    // On the right half of the laptop's screen, inside it.
    expect(where.bounds).toEqual({ x: 960, y: 0, width: 960, height: 540 });
  });

  it('still opens somewhere when Electron reports no display at all', () => {
    const where = chooseAudienceDisplay([], null);
    expect(where.fullscreen).toBe(false);
    expect(where.bounds.width).toBeGreaterThan(0);
  });

  it('moves to the external display once one is added (the same choice, run again)', () => {
    expect(chooseAudienceDisplay([laptop], 1).fullscreen).toBe(false);
    expect(chooseAudienceDisplay([laptop, projector], 1)).toMatchObject({ displayId: 2, fullscreen: true });
  });
});

describe('audienceWindowOptions', () => {
  const where = chooseAudienceDisplay([laptop, projector], 1);
  const options = audienceWindowOptions('/app/out/preload/index.js', where);
  const main = secureWindowOptions('/app/out/preload/index.js');

  it('keeps every hardened default of the main window except the spellcheck underlines', () => {
    expect(options.webPreferences).toEqual({ ...main.webPreferences, spellcheck: false });
    expect(options.show).toBe(false);
  });

  it('is placed and sized by the display choice, full screen on the projector', () => {
    expect(options).toMatchObject({ x: 1920, y: 0, width: 1280, height: 720, fullscreen: true, title: 'Leanmap — audience' });
  });

  it('takes only the placement\'s numbers and full-screen flag: nothing else a caller passes reaches the window', () => {
    const sneaky = { ...where, bounds: { ...where.bounds, webPreferences: { sandbox: false } }, webPreferences: { contextIsolation: false }, frame: false };
    const built = audienceWindowOptions('/p.js', sneaky);
    expect(built.webPreferences).toEqual({ ...main.webPreferences, preload: '/p.js', spellcheck: false });
    expect(built).not.toHaveProperty('frame');
    expect(Object.keys(built).sort()).toEqual(Object.keys(options).sort());
  });

  it('opens in a window (not full screen) beside the console when there is one display', () => {
    const single = audienceWindowOptions('/p.js', chooseAudienceDisplay([laptop], 1));
    expect(single).toMatchObject({ x: 960, y: 0, width: 960, height: 540, fullscreen: false });
  });

  it('loads the app page on its audience route, which the navigation rule allows', () => {
    const url = audiencePageUrl('app://leanmap/index.html', 'w-123');
    expect(url).toBe('app://leanmap/index.html#/audience/w-123');
    expect(isAllowedNavigation(url, 'app://leanmap/index.html')).toBe(true);
  });
});

describe('the windows the app makes', () => {
  it('are made in window.ts only (the main and the audience window), from the tested options', () => {
    const dir = join(__dirname, '../../src-main');
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f));
    const making = files.filter((f) => /new\s+BrowserWindow\s*\(/.test(readFileSync(join(dir, f), 'utf8')));
    expect(making.map((f) => f.replaceAll('\\', '/'))).toEqual(['electron/window.ts']);
    const windowTs = readFileSync(join(dir, 'electron/window.ts'), 'utf8');
    expect(windowTs.match(/new\s+BrowserWindow\s*\(/g)).toHaveLength(1);
    expect(windowTs).toMatch(/hardenedWindow\(secureWindowOptions\(/);
    expect(windowTs).toMatch(/hardenedWindow\(audienceWindowOptions\(/);
  });
});

describe('the open-audience message', () => {
  it('accepts a workshop id and refuses anything that could bend the address', () => {
    expect(OpenAudienceRequestSchema.safeParse('w_1-abc').success).toBe(true);
    for (const bad of ['', '../x', 'a#b', 'x'.repeat(65), 42, null]) expect(OpenAudienceRequestSchema.safeParse(bad).success).toBe(false);
  });

  it('uses the same channel name as the preload', () => {
    const preload = readFileSync(join(__dirname, '../../src-main/preload/index.ts'), 'utf8');
    expect(preload).toContain(`'${OPEN_AUDIENCE_CHANNEL}'`);
  });
});
