/**
 * Shows a new token's secret, once: a copy button and a "store it now" warning. Closing the dialog
 * removes it from the document, so the secret is gone from the page for good (the API never
 * returns it again either).
 */
import type { TokenWithSecret } from '@graphtoken/contract';
import { h } from './dom.js';

/** How the copy button writes to the clipboard; replaceable for environments without one. */
export type WriteClipboard = (text: string) => Promise<void>;

const defaultWriteClipboard: WriteClipboard = (text) => navigator.clipboard.writeText(text);

/** Opens the one-time secret dialog; `onClose` runs after it has left the DOM. */
export function openSecretDialog(
  { token, secret }: TokenWithSecret,
  onClose: () => void,
  writeClipboard: WriteClipboard = defaultWriteClipboard,
): HTMLDialogElement {
  const value = h('code', { class: 'secret', 'data-testid': 'secret' }, secret);
  const status = h('span', { class: 'copy-status', role: 'status' });
  const copy = h(
    'button',
    {
      type: 'button',
      class: 'primary',
      'data-testid': 'copy-secret',
      onclick: async () => {
        try {
          await writeClipboard(value.textContent ?? '');
          copy.textContent = 'Copied';
          status.textContent = 'Copied to the clipboard.';
        } catch {
          // No clipboard (permission denied, insecure origin): let the user select it by hand.
          getSelection()?.selectAllChildren(value);
          status.textContent = 'Copying is blocked here: the token is selected, press Ctrl+C / ⌘C.';
        }
      },
    },
    'Copy',
  );
  const dialog = h(
    'dialog',
    { class: 'secret-dialog', 'aria-labelledby': 'secret-title', 'data-testid': 'secret-dialog' },
    h('h2', { id: 'secret-title' }, `Token created: ${token.name}`),
    h(
      'p',
      { class: 'warning', role: 'alert' },
      h('strong', {}, 'Store it now: it will not be shown again. '),
      'Copy it into your application or secret manager. If you lose it, revoke it and create a new one.',
    ),
    h('div', { class: 'secret-row' }, value, copy),
    status,
    h(
      'form',
      { method: 'dialog', class: 'buttons' },
      h('button', { type: 'submit', 'data-testid': 'close-secret' }, 'I have stored it, close'),
    ),
  );
  dialog.addEventListener('cancel', (event) => event.preventDefault()); // Escape must not skip the warning
  dialog.addEventListener('close', () => {
    value.textContent = '';
    dialog.remove();
    onClose();
  });
  document.body.append(dialog);
  dialog.showModal();
  copy.focus();
  return dialog;
}
