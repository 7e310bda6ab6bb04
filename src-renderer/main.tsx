// Renderer entry: builds this window's EditorSession (the composition root) and
// mounts the app; the same build serves Electron and the browser host.
import '@xyflow/react/dist/style.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createEditorSession, partsForThisWindow } from './session/editor-session';
import { SessionProvider } from './session/SessionContext';
import { installSession } from './api/client';

const session = createEditorSession(partsForThisWindow());
// Thin compatibility: modules not yet moved to the context reach the same session.
installSession(session);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider session={session}>
      <App />
    </SessionProvider>
  </StrictMode>,
);
