import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { docsProblems, linkTargets, REPOSITORY_URL } from './tarball-docs.ts';

const good = {
  name: '@graphtoken/sdk',
  repository: { type: 'git', url: `git+${REPOSITORY_URL}.git`, directory: 'packages/sdk' },
  homepage: `${REPOSITORY_URL}/tree/main/packages/sdk#readme`,
  bugs: { url: `${REPOSITORY_URL}/issues` },
};
const readme = '# sdk\n\n```sh\nnpm install @graphtoken/sdk\n```\n';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** An unpacked tarball: `<root>/package/` with a package.json, a README and any other files. */
function unpacked(pkg: object, files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'tarball-docs-'));
  mkdirSync(join(dir, 'package', 'dist'), { recursive: true });
  writeFileSync(join(dir, 'package', 'package.json'), JSON.stringify(pkg));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'package', name), text);
  return dir;
}

describe('linkTargets', () => {
  it('finds inline, reference and HTML links, but not code', () => {
    const md = [
      'See [the spec](../../spec/openapi.yaml "spec") and [docs](https://x.dev/a#b).',
      '[ref]: ./CHANGELOG.md',
      '<img src="logo.png"> <a href=\'#errors\'>errors</a>',
      '`[not](a-link.md)` and',
      '```md\n[also not](inside-code.md)\n```',
    ].join('\n');
    expect(linkTargets(md)).toEqual([
      '../../spec/openapi.yaml',
      'https://x.dev/a#b',
      './CHANGELOG.md',
      'logo.png',
      '#errors',
    ]);
  });
});

describe('docsProblems', () => {
  it('passes a package whose README and metadata travel', () => {
    const root = unpacked(good, {
      'README.md': `${readme}[dist](./dist) [home](${REPOSITORY_URL}) [top](#sdk)`,
    });
    expect(docsProblems(root, 'sdk')).toEqual([]);
  });

  it('reports a README missing from the tarball', () => {
    expect(docsProblems(unpacked(good, {}), 'sdk')).toEqual(['README.md is not in the tarball']);
  });

  it('reports missing repository, homepage and bugs fields', () => {
    const problems = docsProblems(unpacked({ name: '@graphtoken/sdk' }, { 'README.md': readme }), 'sdk');
    expect(problems.join('\n')).toMatch(/repository must be/);
    expect(problems.join('\n')).toMatch(/repository.directory must be packages\/sdk/);
    expect(problems.join('\n')).toMatch(/homepage must be/);
    expect(problems.join('\n')).toMatch(/bugs must be/);
  });

  it('reports a repository directory of another package', () => {
    const wrong = { ...good, repository: { ...good.repository, directory: 'packages/mock' } };
    expect(docsProblems(unpacked(wrong, { 'README.md': readme }), 'sdk')).toEqual([
      'repository.directory must be packages/sdk',
    ]);
  });

  it('reports relative links that leave the package or name a file it does not ship', () => {
    const md = `${readme}[spec](../../spec/openapi.yaml) [example](examples/quickstart) [ok](package.json)`;
    const problems = docsProblems(unpacked(good, { 'README.md': md }), 'sdk');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('"../../spec/openapi.yaml" leaves the package');
    expect(problems[1]).toContain('"examples/quickstart"');
  });

  it('reports a mock README that does not say it is ESM only', () => {
    const mock = {
      ...good,
      name: '@graphtoken/mock',
      repository: { ...good.repository, directory: 'packages/mock' },
      homepage: `${REPOSITORY_URL}/tree/main/packages/mock#readme`,
    };
    const install = '```sh\nnpm install --save-dev @graphtoken/mock\n```\n';
    expect(docsProblems(unpacked(mock, { 'README.md': install }), 'mock')).toEqual([
      'the mock README does not say it is ESM only',
    ]);
    expect(
      docsProblems(unpacked(mock, { 'README.md': `${install}**ESM only**, like msw.` }), 'mock'),
    ).toEqual([]);
  });

  it('reports a README without an install line', () => {
    const problems = docsProblems(unpacked(good, { 'README.md': '# sdk\n' }), 'sdk');
    expect(problems).toEqual(['the README has no `npm install @graphtoken/sdk` line']);
  });
});
