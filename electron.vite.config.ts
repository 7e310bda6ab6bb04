// One build for the three runtimes: the Electron main process (plus the browser
// host and the command line, which share its backend), the preload, the renderer.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { preloadAppChunks } from './scripts/preload-app-chunks';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/index.ts'),
          server: resolve(__dirname, 'src-main/server/main.ts'),
          cli: resolve(__dirname, 'src-main/cli/main.ts'),
          // Export builds run on a worker thread (export-runner.ts) that loads this file by name.
          'export-worker': resolve(__dirname, 'src-main/export/export-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src-main/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    build: {
      // Minified, and split: the editor and Tidy layout's elkjs are loaded when first used.
      // (LEANMAP_NO_MINIFY=1 keeps names readable in a profile.)
      minify: process.env.LEANMAP_NO_MINIFY !== '1',
      rollupOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
    plugins: [react(), preloadAppChunks()],
  },
});
