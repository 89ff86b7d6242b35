// A Cloudflare Worker that uses the SDK: bundled by esbuild with the `workerd` conditions, run in
// workerd through miniflare, calling the standalone mock over loopback.
import * as sdk from '@graphtoken/sdk';
import { runScenario } from './scenario.mjs';

export default {
  async fetch(_request, env) {
    try {
      const line = await runScenario(sdk, {
        baseUrl: env.GRAPHTOKEN_BASE_URL,
        token: env.GRAPHTOKEN_TOKEN,
        label: 'workerd (miniflare)',
      });
      return new Response(line);
    } catch (error) {
      return new Response(`${error?.stack ?? error}`, { status: 500 });
    }
  },
};
