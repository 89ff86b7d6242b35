/**
 * Docs travel with the packages: each packed tarball holds a README, the `repository` (with its
 * `directory`), `homepage` and `bugs` fields npm shows, and no relative link that leaves the package
 * (it would 404 on the npm page). Checked on the tarballs themselves, after `pnpm pack`.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { PackageDir } from './pack.ts';
import { runCommand } from './step.ts';

/** The repository URL every package's metadata and absolute links use. */
export const REPOSITORY_URL = 'https://github.com/graphtoken/graphtoken';

interface PackageJson {
  name?: string;
  repository?: { type?: string; url?: string; directory?: string } | string;
  homepage?: string;
  bugs?: { url?: string } | string;
}

/** Every link target in a Markdown file: `[text](target)`, `[ref]: target` and `<a href>`/`<img src>`. */
export function linkTargets(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const targets: string[] = [];
  for (const match of withoutCode.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
    targets.push(match[1] ?? '');
  for (const match of withoutCode.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm))
    targets.push(match[1] ?? '');
  for (const match of withoutCode.matchAll(/\b(?:href|src)\s*=\s*["']([^"']+)["']/g))
    targets.push(match[1] ?? '');
  return targets;
}

/**
 * The problems with one unpacked package (`root` holds its `package/` folder): an empty list when
 * its docs travel.
 */
export function docsProblems(root: string, dir: PackageDir): string[] {
  const problems: string[] = [];
  const pkgRoot = join(root, 'package');
  const pkg = JSON.parse(readFileSync(join(pkgRoot, 'package.json'), 'utf8')) as PackageJson;
  const repo = typeof pkg.repository === 'object' ? pkg.repository : undefined;
  if (repo?.type !== 'git' || repo.url !== `git+${REPOSITORY_URL}.git`) {
    problems.push(
      `repository must be { type: 'git', url: 'git+${REPOSITORY_URL}.git', directory } (got ${JSON.stringify(pkg.repository)})`,
    );
  }
  if (repo?.directory !== `packages/${dir}`) problems.push(`repository.directory must be packages/${dir}`);
  if (pkg.homepage !== `${REPOSITORY_URL}/tree/main/packages/${dir}#readme`) {
    problems.push(
      `homepage must be ${REPOSITORY_URL}/tree/main/packages/${dir}#readme (got ${pkg.homepage})`,
    );
  }
  const bugs = typeof pkg.bugs === 'object' ? pkg.bugs.url : pkg.bugs;
  if (bugs !== `${REPOSITORY_URL}/issues`)
    problems.push(`bugs must be ${REPOSITORY_URL}/issues (got ${bugs})`);

  const readmePath = join(pkgRoot, 'README.md');
  if (!existsSync(readmePath)) return [...problems, 'README.md is not in the tarball'];
  const readme = readFileSync(readmePath, 'utf8');
  const install = new RegExp(`npm install (?:-D |--save-dev )?${pkg.name}\\b`);
  if (!install.test(readme)) problems.push(`the README has no \`npm install ${pkg.name}\` line`);
  if (dir === 'mock' && !/\bESM only\b/i.test(readme))
    problems.push('the mock README does not say it is ESM only');
  for (const target of linkTargets(readme)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
    const file = normalize(join(pkgRoot, target.split('#')[0] ?? ''));
    if (!file.startsWith(`${pkgRoot}/`) || !existsSync(file)) {
      problems.push(
        `README link "${target}" leaves the package or names a file not in it: use an absolute ${REPOSITORY_URL}/… URL`,
      );
    }
  }
  return problems;
}

/** Unpacks each tarball and checks its docs; throws with every problem found. */
export async function checkTarballDocs(
  tarballs: Record<PackageDir, string>,
  workDir: string,
): Promise<string> {
  const all: string[] = [];
  for (const [dir, tarball] of Object.entries(tarballs) as [PackageDir, string][]) {
    const root = join(workDir, dir);
    mkdirSync(root, { recursive: true });
    const { code, output } = await runCommand('tar', ['-xzf', tarball, '-C', root], {
      cwd: workDir,
      timeoutMs: 60_000,
    });
    if (code !== 0) throw new Error(`tar -xzf ${tarball} failed:\n${output}`);
    all.push(...docsProblems(root, dir).map((problem) => `@graphtoken/${dir}: ${problem}`));
  }
  if (all.length > 0) throw new Error(all.join('\n'));
  return `${Object.keys(tarballs).length} tarballs: README, repository/homepage/bugs (${REPOSITORY_URL}), no relative link leaving the package`;
}
