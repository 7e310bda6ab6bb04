// The app, started by the entry (main.tsx) once this chunk has loaded: builds this
// window's EditorSession (the composition root: its API client, host, stores and
// saver) once and provides it to the app through React context.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Transport } from './api/transports';
import { App } from './App';
import { createEditorSession, partsForThisWindow } from './session/editor-session';
import { SessionProvider } from './session/SessionContext';
import { browserPageLifecycle } from './store/saver';
import { pageJournal } from './store/unsaved-journal';

export function boot(root: HTMLElement, windowId: string, transport: Transport): void {
  const session = createEditorSession({
    ...partsForThisWindow(windowId, transport),
    journal: pageJournal(),
    page: browserPageLifecycle,
  });
  createRoot(root).render(
    <StrictMode>
      <SessionProvider session={session}>
        <App />
      </SessionProvider>
    </StrictMode>,
  );
}
