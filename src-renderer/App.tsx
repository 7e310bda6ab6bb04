// Routes between the library (#/) and a workshop's editor (#/workshop/<id>);
// hash routes work the same from a file (Electron) and from the browser host.
// The editor (React Flow, layout, charts, export dialog) is its own chunk, loaded when
// a workshop opens, so the library paints without it.
import { lazy, Suspense, useEffect, useState } from 'react';
import { Notices } from './components/Notices';
import { LibraryPage } from './features/library/LibraryPage';

const EditorPage = lazy(() => import('./features/editor/EditorPage').then((m) => ({ default: m.EditorPage })));

type Route = { page: 'library' } | { page: 'workshop'; id: string; versionId: string | null };

function parseRoute(hash: string): Route {
  const match = /^#\/workshop\/([\w-]{1,64})(?:\/([\w-]{1,64}))?$/.exec(hash);
  return match ? { page: 'workshop', id: match[1]!, versionId: match[2] ?? null } : { page: 'library' };
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
  return (
    <>
      {route.page === 'library' ? (
        <LibraryPage onOpen={(id) => go(`#/workshop/${id}`)} />
      ) : (
        <Suspense fallback={null}>
          <EditorPage
            key={route.id}
            workshopId={route.id}
            versionId={route.versionId}
            onOpenVersion={(versionId) => go(`#/workshop/${route.id}/${versionId}`)}
            onBack={() => go('#/')}
          />
        </Suspense>
      )}
      <Notices />
    </>
  );
}
