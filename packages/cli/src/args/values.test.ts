import { describe, expect, it } from 'vitest';
import { UsageError } from '../usage-error.ts';
import {
  PRESETS,
  parseByteSize,
  parseDuration,
  parseGraphIds,
  parseScopes,
  parseTokenId,
  presetScopes,
} from './values.ts';

describe('parseDuration', () => {
  it.each([
    { given: '30s', want: 30 },
    { given: '90m', want: 5400 },
    { given: '1h', want: 3600 },
    { given: '1h30m', want: 5400 },
    { given: '30d', want: 2_592_000 },
    { given: '1w', want: 604_800 },
  ])('reads $given as $want seconds', ({ given, want }) => {
    expect(parseDuration(given, '--grace')).toBe(want);
  });

  it.each(['', '30', 'd30', '30 days', '1h 30m', '-1h', '1.5h', '1y'])(
    'refuses "%s" with an example',
    (given) => {
      expect(() => parseDuration(given, '--expires-in')).toThrow(
        new UsageError(
          `--expires-in takes a duration like 30d, 12h, 90m or 1h30m (units: s, m, h, d, w), not "${given}"`,
        ),
      );
    },
  );
});

describe('parseByteSize', () => {
  it.each([
    { given: '1', want: 1 },
    { given: '512K', want: 524_288 },
    { given: '10M', want: 10_485_760 },
    { given: '10MiB', want: 10_485_760 },
    { given: '1g', want: 1_073_741_824 },
  ])('reads $given as $want bytes', ({ given, want }) => {
    expect(parseByteSize(given, '--max-file-size')).toBe(want);
  });

  it.each(['', '0', '10 MB', '-1M', '1.5M', '10T', 'M'])('refuses "%s" with an example', (given) => {
    expect(() => parseByteSize(given, '--max-file-size')).toThrow(
      `--max-file-size takes a size like 10M, 512K or 1G (bytes, KiB, MiB, GiB), not "${given}"`,
    );
  });
});

describe('parseScopes', () => {
  it.each([
    { given: 'read', want: ['read'] },
    { given: 'read,append', want: ['read', 'append'] },
    { given: ' write , manage ', want: ['write', 'manage'] },
  ])('reads "$given"', ({ given, want }) => {
    expect(parseScopes(given)).toEqual(want);
  });

  it('names the valid scopes when one is unknown', () => {
    expect(() => parseScopes('read,admin')).toThrow('unknown scope "admin": use read, append, write, manage');
  });

  it('refuses an empty list', () => {
    expect(() => parseScopes(',')).toThrow(UsageError);
  });
});

describe('presets', () => {
  it('offers every SDK preset under a kebab-case name', () => {
    expect([...PRESETS.keys()]).toEqual([
      'roam-read-only',
      'roam-read-edit',
      'roam-append-only',
      'triply-read',
      'triply-write',
      'triply-management',
      'graphor-project',
    ]);
  });

  it.each([
    { given: 'roam-append-only', want: ['append'] },
    { given: 'roam-read-only', want: ['read'] },
    { given: 'triply-management', want: ['manage', 'write'] },
  ])('maps $given to $want', ({ given, want }) => {
    expect(presetScopes(given)).toEqual(want);
  });

  it('lists the presets when the name is unknown', () => {
    expect(() => presetScopes('roam-append')).toThrow(
      /unknown preset "roam-append": use one of roam-read-only, /,
    );
  });
});

describe('parseGraphIds', () => {
  it('accepts repeated and comma-separated flags', () => {
    expect(parseGraphIds(['gr_research, gr_team', 'gr_journal'])).toEqual([
      'gr_research',
      'gr_team',
      'gr_journal',
    ]);
  });

  it('refuses something that is not a graph id', () => {
    expect(() => parseGraphIds(['Research notes'])).toThrow(
      '"Research notes" is not a graph id (they look like gr_…)',
    );
  });
});

describe('parseTokenId', () => {
  it('accepts a token id', () => {
    expect(parseTokenId('tok_bootstrap0000000', 'revoke')).toBe('tok_bootstrap0000000');
  });

  it('asks for the id when it is missing', () => {
    expect(() => parseTokenId(undefined, 'rotate')).toThrow(
      'rotate needs a token id: graphtoken tokens rotate tok_…',
    );
  });

  it.each([
    'tok_short',
    'tok_abc123',
    'tok_../../tokens/self',
    'self',
    '.',
    '..',
    'tok_abcdefghijklmnop/rotate',
    'tok_G5KdR5pNKRaVTet6/..',
    'tok_G5KdR5pNKRaVTet6%2F',
  ])('refuses "%s", which breaks the id pattern (it could reach another operation)', (given) => {
    expect(() => parseTokenId(given, 'get')).toThrow('is not a token id');
  });

  it('quotes at most 80 characters of a long wrong id', () => {
    let message = '';
    try {
      parseTokenId(`tok_${'x'.repeat(10_000)}!`, 'get');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('is not a token id');
    expect(message.length).toBeLessThan(250);
  });

  it('refuses a secret without repeating it', () => {
    const secret = 'gt_0123456789abcdefghijABCDEFGHIJ012345';
    let message = '';
    try {
      parseTokenId(secret, 'revoke');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('that is a token secret, not a token id');
    expect(message).not.toContain(secret.slice(3));
  });
});
