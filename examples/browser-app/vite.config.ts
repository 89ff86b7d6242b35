/**
 * Demo mode (no VITE_GRAPHTOKEN_BASE_URL): the page talks to @graphtoken/mock in a service worker,
 * so the msw plugin serves /mockServiceWorker.js in dev and emits it in the build.
 * Real mode (VITE_GRAPHTOKEN_BASE_URL set): no mock, no worker, the mock code is not bundled.
 */
import { msw } from 'msw/vite';
import { defineConfig, loadEnv } from 'vite';

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, import.meta.dirname, 'VITE_');
  const demo = !env.VITE_GRAPHTOKEN_BASE_URL;
  return {
    plugins: demo ? [msw({ mode: 'worker-only' })] : [],
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1' },
    build: { target: 'es2022', sourcemap: true },
  };
});
