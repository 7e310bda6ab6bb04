// Renderer entry: mounts the app.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<h1>Leanmap</h1>);
