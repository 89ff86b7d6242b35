/** Revocation asks first: it is immediate and cannot be undone. */
import type { Token } from '@graphtoken/contract';
import { h } from './dom.js';

/** What the dialog needs: the token, how to revoke it, and what to report afterwards. */
export interface RevokeDialogOptions {
  token: Token;
  revoke(tokenId: string): Promise<void>;
  onRevoked(token: Token): void;
  describeError(error: unknown): string;
}

/** Opens the confirmation; nothing is revoked unless the user confirms. */
export function openRevokeDialog({
  token,
  revoke,
  onRevoked,
  describeError,
}: RevokeDialogOptions): HTMLDialogElement {
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const confirm = h(
    'button',
    {
      type: 'button',
      class: 'danger',
      'data-testid': 'confirm-revoke',
      onclick: async () => {
        confirm.disabled = true;
        try {
          await revoke(token.id);
          dialog.close();
          onRevoked(token);
        } catch (err) {
          error.textContent = describeError(err);
          error.hidden = false;
          confirm.disabled = false;
        }
      },
    },
    'Revoke token',
  );
  const cancel = h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel');
  const dialog = h(
    'dialog',
    { class: 'revoke', 'aria-labelledby': 'revoke-title', 'data-testid': 'revoke-dialog' },
    h('h2', { id: 'revoke-title' }, `Revoke “${token.name}”?`),
    h(
      'p',
      {},
      'Every application or pipeline using this token loses access immediately. ',
      h('strong', {}, 'A revoked token cannot be restored.'),
    ),
    error,
    h('div', { class: 'buttons' }, cancel, confirm),
  );
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  cancel.focus();
  return dialog;
}
