/**
 * Builds the page with Vite (demo mode) into a temporary folder and serves it with `vite preview`
 * on 127.0.0.1 and a free port, as a user would deploy it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';

/** A running preview server and how to stop it. */
export interface ServedApp {
  url: string;
  close(): Promise<void>;
}

const root = join(import.meta.dirname, '..');

/**
 * Builds and serves the app; `close()` stops the server and deletes the build.
 *
 * @param realBaseUrl build in real mode against this API (default: demo mode, whatever the
 *   developer's environment says).
 */
export async function buildAndServe(realBaseUrl?: string): Promise<ServedApp> {
  const outDir = await mkdtemp(join(tmpdir(), 'graphtoken-browser-app-'));
  const saved = process.env.VITE_GRAPHTOKEN_BASE_URL;
  if (realBaseUrl) process.env.VITE_GRAPHTOKEN_BASE_URL = realBaseUrl;
  else delete process.env.VITE_GRAPHTOKEN_BASE_URL;
  try {
    await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false } });
  } finally {
    if (saved === undefined) delete process.env.VITE_GRAPHTOKEN_BASE_URL;
    else process.env.VITE_GRAPHTOKEN_BASE_URL = saved;
  }
  const server = await preview({
    root,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    async close() {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
