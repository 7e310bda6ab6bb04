// Routes between the library (#/) and a workshop's editor (#/workshop/<id>);
// hash routes work the same from a file (Electron) and from the browser host.
import { useEffect, useState } from 'react';
import { Notices } from './components/Notices';
import { EditorPage } from './features/editor/EditorPage';
import { LibraryPage } from './features/library/LibraryPage';

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
        <EditorPage
          key={route.id}
          workshopId={route.id}
          versionId={route.versionId}
          onOpenVersion={(versionId) => go(`#/workshop/${route.id}/${versionId}`)}
          onBack={() => go('#/')}
        />
      )}
      <Notices />
    </>
  );
}
