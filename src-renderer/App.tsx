// Routes between the library, a workshop's editor and its audience view (routes.ts).
// The editor and the audience view (React Flow, layout, charts, export dialog) are
// chunks of their own, loaded when opened, so the library paints without them.
import { useEffect, useState, type ReactNode } from 'react';
import { Notices } from './components/Notices';
import { LibraryPage } from './features/library/LibraryPage';
import { pageChunk, preload, useChunk, type PageChunk } from './lib/page-chunk';
import { parseRoute, type Route } from './routes';

const editorChunk = pageChunk(() => import('./features/editor/EditorPage'));
const audienceChunk = pageChunk(() => import('./features/audience/AudiencePage'));

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
