// The Content-Security-Policy of the renderer, the same in Electron (response
// header and meta tag) and the browser host: only Leanmap's own code runs.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // The process analysis of a large map runs in a Web Worker built from Leanmap's own
  // code (analysis.worker.ts): same origin only, never blob: or data:.
  "worker-src 'self'",
  // React Flow positions nodes with inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
