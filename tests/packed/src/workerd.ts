/**
 * workerd, Cloudflare's Workers runtime, through miniflare: the consumer's worker.mjs is bundled
 * from the installed tarballs by esbuild with the conditions a Workers build uses, then run in
 * workerd, where it calls the standalone mock over loopback.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';

/** Bundles and runs the worker once; resolves with the line it answered, throws with its error. */
export async function runWorker(
  consumerDir: string,
  env: { baseUrl: string; token: string },
): Promise<string> {
  const outfile = join(consumerDir, 'worker.bundle.mjs');
  await build({
    entryPoints: [join(consumerDir, 'worker.mjs')],
    absWorkingDir: consumerDir,
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser', 'import'],
    mainFields: ['module', 'main'],
    logLevel: 'error',
  });
  const mf = new Miniflare({
    modules: true,
    scriptPath: outfile,
    // Module names are paths relative to this root (the consumer folder lives outside the cwd).
    modulesRoot: consumerDir,
    compatibilityDate: '2025-09-01',
    bindings: { GRAPHTOKEN_BASE_URL: env.baseUrl, GRAPHTOKEN_TOKEN: env.token },
  });
  try {
    const response = await mf.dispatchFetch('http://worker.test/');
    const text = await response.text();
    if (response.status !== 200) throw new Error(`the worker answered ${response.status}:\n${text}`);
    return text;
  } finally {
    await mf.dispose();
  }
}
