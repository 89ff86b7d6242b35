/**
 * A token's history: its audit events (created, first used, renamed, rotated, revoked and why,
 * expired), newest first, with when and who. Events never hold a secret.
 */
import type { AuditEvent, Token } from '@graphtoken/contract';
import { h } from './dom.js';
import { formatDate } from './format.js';

/** What the dialog needs: the token, how to load its events, and how to word a failure. */
export interface AuditDialogOptions {
  token: Token;
  listAuditEvents(tokenId: string): Promise<AuditEvent[]>;
  describeError(error: unknown): string;
}

const eventLabels: Record<AuditEvent['type'], string> = {
  'token.created': 'Created',
  'token.first_used': 'First used',
  'token.updated': 'Renamed or redescribed',
  'token.rotated': 'Rotated',
  'token.revoked': 'Revoked',
  'token.expired': 'Expired',
};

const reasonLabels: Record<NonNullable<AuditEvent['reason']>, string> = {
  manual: 'revoked by a person',
  self: 'the token revoked itself',
  rotation_grace_ended: 'the grace period after a rotation ended',
  leak_report: 'its secret was reported as leaked',
};

/** Who did it, in words: an account id, or the service itself. */
function formatActor(actor: string): string {
  return actor === 'system' ? 'GraphToken (automatic)' : actor;
}

/** Opens the dialog and loads the events into it. */
export function openAuditDialog({
  token,
  listAuditEvents,
  describeError,
}: AuditDialogOptions): HTMLDialogElement {
  const body = h('div', { class: 'audit-body' }, h('p', { class: 'muted' }, 'Loading events…'));
  const close = h('button', { type: 'button', onclick: () => dialog.close() }, 'Close');
  const dialog = h(
    'dialog',
    { class: 'audit', 'aria-labelledby': 'audit-title', 'data-testid': 'audit-dialog' },
    h('h2', { id: 'audit-title' }, `History of “${token.name}”`),
    body,
    h('div', { class: 'buttons' }, close),
  );
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  close.focus();

  listAuditEvents(token.id).then(
    (events) => body.replaceChildren(renderEvents(events)),
    (err) => body.replaceChildren(h('p', { class: 'error', role: 'alert' }, describeError(err))),
  );
  return dialog;
}

function renderEvents(events: readonly AuditEvent[]): HTMLElement {
  if (events.length === 0) return h('p', { class: 'empty' }, 'No events recorded for this token.');
  return h(
    'table',
    { class: 'audit-events', 'data-testid': 'audit-events' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Event', 'When', 'Who', 'Reason'].map((label) => h('th', { scope: 'col' }, label)),
      ),
    ),
    h(
      'tbody',
      {},
      events.map((event) =>
        h(
          'tr',
          { 'data-event-type': event.type },
          h('td', { class: 'type' }, eventLabels[event.type] ?? event.type),
          h('td', { class: 'when' }, formatDate(event.occurredAt)),
          h('td', { class: 'who' }, formatActor(event.actor)),
          h(
            'td',
            { class: 'reason' },
            event.reason
              ? reasonLabels[event.reason]
              : event.successorId
                ? `successor ${event.successorId}`
                : '—',
          ),
        ),
      ),
    ),
  );
}
