// Renderer entry: builds this window's EditorSession (the composition root: its API
// client, host, stores and saver) once and provides it to the app through React
// context; the same build serves Electron and the browser host.
import '@xyflow/react/dist/style.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createEditorSession, partsForThisWindow } from './session/editor-session';
import { SessionProvider } from './session/SessionContext';
import { browserPageLifecycle } from './store/saver';
import { pageJournal } from './store/unsaved-journal';

const session = createEditorSession({
  ...partsForThisWindow(),
  journal: pageJournal(),
  page: browserPageLifecycle,
});
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider session={session}>
      <App />
    </SessionProvider>
  </StrictMode>,
);
