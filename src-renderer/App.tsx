// Routes between the library (#/), a workshop's editor (#/workshop/<id>) and its
// audience view for the projector (#/audience/<id>); hash routes work the same from
// a file (Electron) and from the browser host. The editor and the audience view (React
// Flow, layout, charts, export dialog) are chunks of their own, loaded when opened, so
// the library paints without them.
import { useEffect, useState, type ReactNode } from 'react';
import { Notices } from './components/Notices';
import { LibraryPage } from './features/library/LibraryPage';
import { pageChunk, preload, useChunk, type PageChunk } from './lib/page-chunk';

const editorChunk = pageChunk(() => import('./features/editor/EditorPage'));
const audienceChunk = pageChunk(() => import('./features/audience/AudiencePage'));

type Route = { page: 'library' } | { page: 'audience'; id: string } | { page: 'workshop'; id: string; versionId: string | null };

function parseRoute(hash: string): Route {
  const audience = /^#\/audience\/([\w-]{1,64})$/.exec(hash);
  if (audience) return { page: 'audience', id: audience[1]! };
  const match = /^#\/workshop\/([\w-]{1,64})(?:\/([\w-]{1,64}))?$/.exec(hash);
  return match ? { page: 'workshop', id: match[1]!, versionId: match[2] ?? null } : { page: 'library' };
}

// A window opening on a map loads its page while the app renders for the first time.
const opening = parseRoute(window.location.hash);
if (opening.page === 'workshop') preload(editorChunk);
if (opening.page === 'audience') preload(audienceChunk);

/** The page once its chunk has loaded (nothing before: it takes a moment), or why it cannot be shown. */
function ChunkPage<T>({ chunk, children }: { chunk: PageChunk<T>; children: (loaded: T) => ReactNode }) {
  const { chunk: loaded, failed } = useChunk(chunk);
  if (failed) {
    return (
      <main className="editor-error">
        <div className="banner banner-error" role="alert">
          Leanmap could not load this page. Reload the window to try again.
        </div>
      </main>
    );
  }
  return loaded ? children(loaded) : null;
}

export function App() {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const go = (hash: string) => {
    window.location.hash = hash;
  };
  // The projector shows no chrome and no notices: only what the facilitator chose.
  if (route.page === 'audience') {
    return (
      <ChunkPage chunk={audienceChunk}>{({ AudiencePage }) => <AudiencePage key={route.id} workshopId={route.id} />}</ChunkPage>
    );
  }
  return (
    <>
      {route.page === 'library' ? (
        <LibraryPage onOpen={(id) => go(`#/workshop/${id}`)} />
      ) : (
        <ChunkPage chunk={editorChunk}>
          {({ EditorPage }) => (
            <EditorPage
              key={route.id}
              workshopId={route.id}
              versionId={route.versionId}
              onOpenVersion={(versionId) => go(`#/workshop/${route.id}/${versionId}`)}
              onBack={() => go('#/')}
            />
          )}
        </ChunkPage>
      )}
      <Notices />
    </>
  );
}
