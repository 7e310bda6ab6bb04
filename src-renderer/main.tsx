// Renderer entry: builds this window's EditorSession (the composition root) and
// mounts the app; the same build serves Electron and the browser host.
import '@xyflow/react/dist/style.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installSession } from './api/client';
import { createEditorSession, partsForThisWindow } from './session/editor-session';
import { SessionProvider } from './session/SessionContext';
import { useDocumentStore } from './store/document-store';
import { usePlanStore } from './store/plan-store';
import { browserPageLifecycle } from './store/saver';
import { pageJournal } from './store/unsaved-journal';

const session = createEditorSession({
  ...partsForThisWindow(),
  // The session owns the stores the components already subscribe to (bound hooks are stores).
  stores: { document: useDocumentStore, plan: usePlanStore },
  journal: pageJournal(),
  page: browserPageLifecycle,
});
// Thin compatibility: modules not yet moved to the context reach the same session.
installSession(session);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider session={session}>
      <App />
    </SessionProvider>
  </StrictMode>,
);
