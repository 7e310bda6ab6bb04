// Renderer entry, the same build for Electron and the browser host. Kept small on
// purpose: it starts the reads the window opens on (early-reads.ts) and the loading of
// the editor's code, then loads the app itself (boot.tsx), so that for a big map the
// map is read while the code loads instead of after it.
import '@xyflow/react/dist/style.css';
import './styles.css';
import { transportForThisWindow } from './api/transports';
import { parseRoute } from './routes';
import { withEarlyReads } from './session/early-reads';
import { newWindowId } from './session/window-id';

const root = document.getElementById('root')!;
const route = parseRoute(window.location.hash);
const windowId = newWindowId();
const transport = withEarlyReads(transportForThisWindow(windowId), route);
// Fetched beside the app's own chunk (App.tsx shows it once loaded); its failure is reported there.
if (route.page === 'workshop') void import('./features/editor/EditorPage').catch(() => undefined);

import('./boot').then(
  ({ boot }) => boot(root, windowId, transport),
  () => {
    // Nothing else can say it: the app's code did not load (e.g. it was updated under the window).
    root.textContent = 'Leanmap could not start this window. Reload it to try again.';
    root.setAttribute('role', 'alert');
  },
);
