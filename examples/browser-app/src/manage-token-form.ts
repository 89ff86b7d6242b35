/**
 * Real mode: asks for a manage token before anything else. It stays in memory only (no
 * localStorage, no cookie, no URL), and is checked offline for the `gt_` format first.
 */
import { checkTokenFormat, describeTokenFormatProblem } from '@graphtoken/contract';
import { h } from './dom.js';

/** Shows the form in `root` and resolves with a well-formed token once the user submits one. */
export function askForManageToken(root: HTMLElement, baseUrl: string): Promise<string> {
  return new Promise((resolve) => {
    const input = h('input', {
      id: 'manage-token',
      type: 'password',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'gt_…',
    });
    const error = h('p', { class: 'error', role: 'alert', hidden: true });
    const form = h(
      'form',
      { class: 'manage-token' },
      h('h1', {}, 'API tokens'),
      h('p', {}, 'Managing tokens on ', h('code', {}, baseUrl), ' needs a token with the manage scope.'),
      h('label', { for: 'manage-token' }, 'Manage token'),
      input,
      h('p', { class: 'help' }, 'Kept in this tab’s memory only; reload the page to forget it.'),
      error,
      h('button', { type: 'submit', class: 'primary' }, 'Continue'),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const token = input.value.trim();
      const check = checkTokenFormat(token);
      if (!check.ok) {
        error.textContent = `That is not a GraphToken token: ${describeTokenFormatProblem(check.problem)}.`;
        error.hidden = false;
        return;
      }
      input.value = '';
      resolve(token);
    });
    root.replaceChildren(form);
    input.focus();
  });
}
