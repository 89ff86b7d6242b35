/**
 * The scope choices of the create form: the presets of the three products GraphToken models
 * (from @graphtoken/contract) and the rule that encrypted graphs accept append-only tokens.
 */
import {
  ENCRYPTED_GRAPH_SCOPES,
  normalizeScopes,
  type PresetName,
  presets,
  type Scope,
  scopeNames,
} from '@graphtoken/contract';

/** One entry of the preset picker. */
export interface PresetOption {
  readonly id: PresetName;
  readonly label: string;
  readonly help: string;
  readonly scopes: readonly Scope[];
}

/** The presets in the order the picker shows them, with the wording of the product they come from. */
export const presetOptions: readonly PresetOption[] = [
  {
    id: 'roamReadOnly',
    label: 'Roam · read-only access',
    help: 'Read the graph only (Zapier "Triggers").',
    scopes: presets.roamReadOnly,
  },
  {
    id: 'roamReadEdit',
    label: 'Roam · read & edit access',
    help: 'Read, add and edit (Zapier "Triggers" and "Actions").',
    scopes: presets.roamReadEdit,
  },
  {
    id: 'roamAppendOnly',
    label: 'Roam · append-only access',
    help: 'Only add blocks; never read. The only choice for encrypted graphs.',
    scopes: presets.roamAppendOnly,
  },
  {
    id: 'triplyRead',
    label: 'TriplyDB · Read access',
    help: 'Read-only applications.',
    scopes: presets.triplyRead,
  },
  {
    id: 'triplyWrite',
    label: 'TriplyDB · Write access',
    help: 'Enough for most pipelines and applications.',
    scopes: presets.triplyWrite,
  },
  {
    id: 'triplyManagement',
    label: 'TriplyDB · Management access',
    help: 'Also create and revoke tokens. Rarely needed.',
    scopes: presets.triplyManagement,
  },
  {
    id: 'graphorProject',
    label: 'Graphor · project token',
    help: 'Full access to one project graph.',
    scopes: presets.graphorProject,
  },
];

/** What each scope checkbox says. */
export const scopeLabels: Readonly<Record<Scope, string>> = {
  read: 'read: list and read blocks',
  append: 'append: add blocks (never read or change)',
  write: 'write: read, add, edit and delete blocks',
  manage: 'manage: create, list and revoke tokens',
};

/** The scopes a form may offer, given whether an encrypted graph is selected. */
export function allowedScopes(encryptedSelected: boolean): readonly Scope[] {
  return encryptedSelected ? ENCRYPTED_GRAPH_SCOPES : scopeNames;
}

/** Whether a preset fits the selection (only append-only presets fit encrypted graphs). */
export function presetAllowed(preset: PresetOption, encryptedSelected: boolean): boolean {
  const allowed = allowedScopes(encryptedSelected);
  return preset.scopes.every((s) => allowed.includes(s));
}

/** The preset whose scopes equal the given set (after normalising), if any. */
export function presetFor(scopes: readonly Scope[]): PresetOption | undefined {
  const key = normalizeScopes(scopes).join(',');
  return presetOptions.find((p) => normalizeScopes(p.scopes).join(',') === key);
}
