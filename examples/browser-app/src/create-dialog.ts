/**
 * The "New API token" dialog: name, expected usage, graphs, access scope (presets of Roam, TriplyDB
 * and Graphor, or individual scopes) and expiry. Selecting an encrypted graph leaves append-only as
 * the only choice, as Roam does.
 */
import {
  type CreateTokenRequest,
  canMintTokens,
  type Graph,
  needsGraphs,
  normalizeScopes,
  type Scope,
  scopeNames,
  type TokenWithSecret,
} from '@graphtoken/contract';
import { h } from './dom.js';
import { allowedScopes, presetAllowed, presetFor, presetOptions, scopeLabels } from './scope-options.js';

/** What the dialog needs: the graphs to offer, how to create, and what to do with the result. */
export interface CreateDialogOptions {
  graphs: readonly Graph[];
  create(request: CreateTokenRequest): Promise<TokenWithSecret>;
  /** Receives the new token and its secret; the dialog is already closed and removed. */
  onCreated(result: TokenWithSecret): void;
  /** Turns a failure into a sentence for the user (never containing a secret). */
  describeError(error: unknown): string;
}

const EXPIRY_CHOICES = [
  { value: '', label: 'No expiry' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year (the longest allowed)' },
] as const;

/** Opens the dialog (modal) and resolves nothing: results go to `onCreated`. */
export function openCreateDialog(options: CreateDialogOptions): HTMLDialogElement {
  const mintable = options.graphs.filter((g) => canMintTokens(g.role));
  const encryptedIds = new Set(mintable.filter((g) => g.encrypted).map((g) => g.id));

  const name = h('input', {
    id: 'token-name',
    name: 'name',
    required: true,
    maxlength: 100,
    autocomplete: 'off',
    placeholder: 'e.g. Zapier integration, Production REST API',
  });
  const description = h('textarea', {
    id: 'token-description',
    name: 'description',
    maxlength: 500,
    rows: 2,
    placeholder: 'e.g. Nightly TriplyETL pipeline that loads the research notes',
  });
  const graphBoxes = mintable.map((graph) => ({
    graph,
    box: h('input', { type: 'checkbox', name: 'graph', value: graph.id, onchange: () => sync() }),
  }));
  const preset = h(
    'select',
    { id: 'token-preset', name: 'preset', onchange: () => applyPreset() },
    h('option', { value: '' }, 'Custom (choose scopes below)'),
    presetOptions.map((p) => h('option', { value: p.id }, p.label)),
  );
  const presetHelp = h('p', { class: 'help', id: 'preset-help' });
  const scopeBoxes = new Map<Scope, HTMLInputElement>(
    scopeNames.map((s) => [
      s,
      h('input', { type: 'checkbox', name: 'scope', value: s, onchange: () => onScopeToggle() }),
    ]),
  );
  const encryptedNote = h(
    'p',
    { class: 'note', hidden: true, 'data-testid': 'encrypted-note' },
    'An encrypted graph is selected: append-only access is the only option for encrypted graphs.',
  );
  const expiry = h(
    'select',
    { id: 'token-expiry', name: 'expiry' },
    EXPIRY_CHOICES.map((c) => h('option', { value: c.value }, c.label)),
  );
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Create token');

  const form = h(
    'form',
    { method: 'dialog', novalidate: true },
    h('h2', {}, 'New API token'),
    h('label', { for: 'token-name' }, 'Name'),
    name,
    h('p', { class: 'help' }, 'The application or pipeline that will use it. One token per application.'),
    h('label', { for: 'token-description' }, 'Expected usage'),
    description,
    h(
      'fieldset',
      { class: 'graphs' },
      h('legend', {}, 'Graphs'),
      mintable.length === 0
        ? h('p', { class: 'help' }, 'You own or administer no graph, so you cannot create graph tokens.')
        : graphBoxes.map(({ graph, box }) =>
            h(
              'label',
              { class: 'choice' },
              box,
              ` ${graph.name} `,
              h('span', { class: 'muted' }, `(${graph.role})`),
              graph.encrypted ? h('span', { class: 'badge encrypted' }, 'encrypted') : null,
            ),
          ),
      h(
        'p',
        { class: 'help' },
        'Only graphs you own or administer; tokens cannot be created for graphs shared with you.',
      ),
    ),
    h(
      'fieldset',
      { class: 'scopes' },
      h('legend', {}, 'Access scope'),
      h('label', { for: 'token-preset' }, 'Preset'),
      preset,
      presetHelp,
      [...scopeBoxes].map(([scope, box]) => h('label', { class: 'choice' }, box, ` ${scopeLabels[scope]}`)),
      encryptedNote,
    ),
    h('label', { for: 'token-expiry' }, 'Expires'),
    expiry,
    error,
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'),
      submit,
    ),
  );
  const dialog = h('dialog', { class: 'create', 'aria-labelledby': 'create-title' }, form);
  form.querySelector('h2')!.id = 'create-title';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void onSubmit();
  });
  dialog.addEventListener('close', () => dialog.remove());

  function selectedScopes(): Scope[] {
    return [...scopeBoxes].filter(([, box]) => box.checked && !box.disabled).map(([s]) => s);
  }
  function encryptedSelected(): boolean {
    return graphBoxes.some(({ graph, box }) => box.checked && encryptedIds.has(graph.id));
  }
  function applyPreset(): void {
    const chosen = presetOptions.find((p) => p.id === preset.value);
    if (chosen) for (const [s, box] of scopeBoxes) box.checked = chosen.scopes.includes(s);
    sync();
  }
  function onScopeToggle(): void {
    preset.value = presetFor(selectedScopes())?.id ?? '';
    sync();
  }
  /** Re-applies the encrypted-graph rule and the preset help after any change. */
  function sync(): void {
    const encrypted = encryptedSelected();
    const allowed = allowedScopes(encrypted);
    for (const [scope, box] of scopeBoxes) {
      box.disabled = !allowed.includes(scope);
      if (box.disabled) box.checked = false;
    }
    for (const option of preset.options) {
      const p = presetOptions.find((candidate) => candidate.id === option.value);
      option.disabled = p !== undefined && !presetAllowed(p, encrypted);
    }
    if (encrypted && selectedScopes().length === 0) scopeBoxes.get('append')!.checked = true;
    preset.value = presetFor(selectedScopes())?.id ?? '';
    presetHelp.textContent = presetOptions.find((p) => p.id === preset.value)?.help ?? '';
    encryptedNote.hidden = !encrypted;
  }

  async function onSubmit(): Promise<void> {
    const scopes = normalizeScopes(selectedScopes());
    const graphIds = graphBoxes.filter(({ box }) => box.checked).map(({ graph }) => graph.id);
    const problem =
      name.value.trim() === ''
        ? 'Give the token a name: the application or pipeline that will use it.'
        : scopes.length === 0
          ? 'Choose an access scope.'
          : needsGraphs(scopes) && graphIds.length === 0
            ? 'Choose at least one graph for this token.'
            : null;
    if (problem) return showError(problem);

    const request: CreateTokenRequest = { name: name.value.trim(), scopes, graphIds };
    if (description.value.trim()) request.description = description.value.trim();
    if (expiry.value)
      request.expiresAt = new Date(Date.now() + Number(expiry.value) * 86_400_000).toISOString();

    submit.disabled = true;
    submit.textContent = 'Creating…';
    try {
      const result = await options.create(request);
      dialog.close();
      options.onCreated(result);
    } catch (err) {
      showError(options.describeError(err));
    } finally {
      submit.disabled = false;
      submit.textContent = 'Create token';
    }
  }
  function showError(message: string): void {
    error.textContent = message;
    error.hidden = false;
  }

  document.body.append(dialog);
  sync();
  dialog.showModal();
  name.focus();
  return dialog;
}
