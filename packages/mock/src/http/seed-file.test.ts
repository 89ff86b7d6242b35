import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN } from '../constants.js';
import { defaultSeed } from '../seed.js';
import { checkSeed, loadSeedFile, MockFileError } from './seed-file.js';

const dir = mkdtempSync(join(tmpdir(), 'graphtoken-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const base = {
  accounts: [{ id: 'acc_a', name: 'A' }],
  graphs: [
    { id: 'gr_a', name: 'G', roles: { acc_a: 'owner' } },
    { id: 'gr_enc', name: 'E', encrypted: true, roles: { acc_a: 'owner' } },
  ],
};

describe('checkSeed', () => {
  it('accepts the default seed', () => {
    expect(checkSeed(JSON.parse(JSON.stringify(defaultSeed)))).toEqual([]);
  });

  it.each([
    { given: [], want: '(root): must be a JSON object' },
    { given: { graphs: [] }, want: 'accounts: must be an array' },
    { given: { ...base, users: [] }, want: 'users: unknown property' },
    {
      given: { ...base, accounts: [{ id: 'ada', name: 'A' }] },
      want: 'accounts[0].id: must be an id like acc_ada',
    },
    {
      given: { ...base, graphs: [{ id: 'gr_x', name: 'X', roles: { acc_a: 'boss' } }] },
      want: 'graphs[0].roles.acc_a: must be one of owner, admin, editor, viewer',
    },
    {
      given: { ...base, graphs: [{ id: 'gr_x', name: 'X', roles: { acc_zz: 'owner' } }] },
      want: 'graphs[0].roles.acc_zz: no account acc_zz in "accounts"',
    },
    {
      given: {
        ...base,
        tokens: [{ name: 't', scopes: ['admin'], createdBy: 'acc_a', secret: BOOTSTRAP_TOKEN }],
      },
      want: 'tokens[0].scopes[0]: must be one of read, append, write, manage',
    },
    {
      given: {
        ...base,
        tokens: [
          { name: 't', scopes: ['read'], createdBy: 'acc_a', secret: `${BOOTSTRAP_TOKEN.slice(0, -1)}x` },
        ],
      },
      want: 'tokens[0].secret: is not a well-formed GraphToken secret (checksum)',
    },
    {
      given: {
        ...base,
        tokens: [
          { name: 't', scopes: ['read'], graphIds: ['gr_enc'], createdBy: 'acc_a', secret: BOOTSTRAP_TOKEN },
        ],
      },
      want: 'tokens[0].graphIds[0]: graph gr_enc is encrypted: only the append scope can be bound to it',
    },
    {
      given: {
        ...base,
        tokens: [
          { name: 't', scopes: ['read'], graphIds: ['gr_no'], createdBy: 'acc_b', secret: BOOTSTRAP_TOKEN },
        ],
      },
      want: 'tokens[0].createdBy: must be the id of an account in "accounts"',
    },
    {
      given: { ...base, blocks: [{ graphId: 'gr_no', content: 'x' }] },
      want: 'blocks[0].graphId: must be the id of a graph',
    },
    {
      given: { ...base, blocks: [{ graphId: 'gr_a', content: '' }] },
      want: 'blocks[0].content: must be a string of 1 to 10000',
    },
    {
      given: { ...base, graphs: [...base.graphs, { id: 'gr_a', name: 'again', roles: {} }] },
      want: 'graphs[2].id: duplicate id gr_a',
    },
  ])('names what is wrong: $want', ({ given, want }) => {
    expect(checkSeed(given).join('\n')).toContain(want);
  });

  it('never repeats a secret in a message', () => {
    const secret = `${BOOTSTRAP_TOKEN.slice(0, -1)}x`;
    const problems = checkSeed({ ...base, tokens: [{ name: '', scopes: [], createdBy: 'acc_a', secret }] });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).not.toContain(secret.slice(3, 20));
  });
});

describe('loadSeedFile', () => {
  it('loads a valid seed', () => {
    expect(loadSeedFile(file('ok.json', JSON.stringify(base)))).toEqual(base);
  });

  it('names a missing file', () => {
    expect(() => loadSeedFile(join(dir, 'missing.json'))).toThrowError(
      /seed file .*missing\.json does not exist/,
    );
  });

  it('names a file that is not JSON', () => {
    const path = file('bad.json', '{ "accounts": [');
    expect(() => loadSeedFile(path)).toThrowError(MockFileError);
    expect(() => loadSeedFile(path)).toThrowError(/seed file .*bad\.json is not valid JSON/);
  });

  it('lists every problem with its path', () => {
    const path = file('invalid.json', JSON.stringify({ accounts: [{ id: 'x' }], graphs: {} }));
    expect(() => loadSeedFile(path)).toThrowError(
      /is invalid:\n {2}- accounts\[0\]\.id: must be an id like acc_ada\n {2}- accounts\[0\]\.name: .*\n {2}- graphs: must be an array/,
    );
  });
});
