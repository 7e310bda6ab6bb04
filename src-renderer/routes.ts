// The window's hash routes: the library (#/), a workshop's editor (#/workshop/<id>,
// optionally /<versionId>) and its audience view for the projector (#/audience/<id>).
// Hash routes work the same from a file (Electron) and from the browser host.

export type Route = { page: 'library' } | { page: 'audience'; id: string } | { page: 'workshop'; id: string; versionId: string | null };

export function parseRoute(hash: string): Route {
  const audience = /^#\/audience\/([\w-]{1,64})$/.exec(hash);
  if (audience) return { page: 'audience', id: audience[1]! };
  const match = /^#\/workshop\/([\w-]{1,64})(?:\/([\w-]{1,64}))?$/.exec(hash);
  return match ? { page: 'workshop', id: match[1]!, versionId: match[2] ?? null } : { page: 'library' };
}
