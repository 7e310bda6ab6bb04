// File names built from user text: safe on Windows, macOS and Linux, never empty.
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

export function safeFileStem(text: string, fallback = 'workshop'): string {
  const stem = text
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what this strips
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 80)
    .trim();
  if (!stem || RESERVED.test(stem)) return fallback;
  return stem;
}
