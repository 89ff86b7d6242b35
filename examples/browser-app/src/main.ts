/**
 * Entry point: picks demo or real mode, gets a manage token, mounts the page.
 *
 * Demo or real: with `VITE_GRAPHTOKEN_BASE_URL` unset the page runs against the in-browser mock;
 * set it (in `.env.local` or the shell) to manage the tokens of a real GraphToken service.
 */
import './style.css';
import { createTokenApi } from './api.js';
import { type ManageTokenSource, mountApp } from './app.js';
import { askForManageToken } from './manage-token-form.js';

async function main(): Promise<void> {
  const root = document.getElementById('app')!;
  let source: ManageTokenSource;
  // Read import.meta.env right here: Vite replaces it at build time, so a real-mode build folds
  // this branch away and leaves the mock (and its chunk) out of the bundle.
  const realBaseUrl = import.meta.env.VITE_GRAPHTOKEN_BASE_URL;
  if (!realBaseUrl) {
    const { startDemoMock } = await import('./demo-mock.js');
    const { baseUrl, manageToken } = await startDemoMock();
    source = { kind: 'demo', token: manageToken, baseUrl };
  } else {
    source = { kind: 'user', token: await askForManageToken(root, realBaseUrl), baseUrl: realBaseUrl };
  }
  await mountApp(root, createTokenApi({ baseUrl: source.baseUrl, manageToken: source.token }), source);
  document.body.dataset.ready = 'true';
}

main().catch(() => {
  document.getElementById('app')!.textContent = 'The page failed to start. Reload to try again.';
});
