// Routes between the library (#/), a workshop's editor (#/workshop/<id>) and its
// audience view for the projector (#/audience/<id>); hash routes work the same from
// a file (Electron) and from the browser host. The editor and the audience view (React
// Flow, layout, charts, export dialog) are chunks of their own, loaded when opened, so
// the library paints without them.
import { lazy, Suspense, useEffect, useState } from 'react';
import { Notices } from './components/Notices';
import { LibraryPage } from './features/library/LibraryPage';

const EditorPage = lazy(() => import('./features/editor/EditorPage').then((m) => ({ default: m.EditorPage })));
const AudiencePage = lazy(() => import('./features/audience/AudiencePage').then((m) => ({ default: m.AudiencePage })));

type Route = { page: 'library' } | { page: 'audience'; id: string } | { page: 'workshop'; id: string; versionId: string | null };

function parseRoute(hash: string): Route {
  const audience = /^#\/audience\/([\w-]{1,64})$/.exec(hash);
  if (audience) return { page: 'audience', id: audience[1]! };
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
  // The projector shows no chrome and no notices: only what the facilitator chose.
  if (route.page === 'audience') {
    return (
      <Suspense fallback={null}>
        <AudiencePage key={route.id} workshopId={route.id} />
      </Suspense>
    );
  }
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
