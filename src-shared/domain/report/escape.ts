// Escaping user text for XML and HTML (the SVG and HTML writers): the five special
// characters, and the control characters XML 1.0 forbids, which would make the
// whole document unreadable, dropped.

/** Whether a code point may appear in an XML 1.0 document. */
function allowedInXml(code: number): boolean {
  if (code === 0x9 || code === 0xa || code === 0xd) return true;
  if (code < 0x20) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false; // a lone surrogate
  return code !== 0xfffe && code !== 0xffff;
}

/** Drops characters XML 1.0 forbids (control characters, lone surrogates). */
export function xmlSafe(text: string): string {
  let out = '';
  for (const ch of text) if (allowedInXml(ch.codePointAt(0)!)) out += ch;
  return out;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an XML or HTML text node or a quoted attribute value. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
