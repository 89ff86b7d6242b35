import { lstat, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { createGraphTokenMock } from '@graphtoken/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileTokenStore, MemoryTokenStore } from './token-store.ts';

const mock = createGraphTokenMock();
/** A real, well-formed secret (what a leak would look like). */
const generateTokenSecret = () => mock.store.createToken({ scopes: ['manage'] }).secret;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'etl-token-store-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('FileTokenStore', () => {
  it('replaces the secret in an owner-only file, even one that was wider before', async () => {
    const path = join(dir, 'token');
    await writeFile(path, 'old\n', { mode: 0o644 });
    const store = new FileTokenStore(path);
    const secret = generateTokenSecret();
    await store.write(secret);
    expect(await store.read()).toBe(secret);
    expect(await readFile(path, 'utf8')).toBe(`${secret}\n`);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('never writes through a file or symlink planted at its temporary path', async () => {
    const path = join(dir, 'planted');
    const victim = join(dir, 'victim');
    await writeFile(victim, 'not yours\n', { mode: 0o644 });
    await symlink(victim, `${path}.${process.pid}.tmp`);
    const store = new FileTokenStore(path);
    const secret = generateTokenSecret();
    await store.write(secret);
    expect(await readFile(victim, 'utf8')).toBe('not yours\n');
    expect((await stat(victim)).mode & 0o777).toBe(0o644);
    expect((await lstat(path)).isSymbolicLink()).toBe(false);
    expect(await readFile(path, 'utf8')).toBe(`${secret}\n`);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('says which file is missing or empty, never what it holds', async () => {
    await expect(new FileTokenStore(join(dir, 'absent')).read()).rejects.toThrow(/absent \(ENOENT\)/);
    const empty = join(dir, 'empty');
    await writeFile(empty, '  \n');
    await expect(new FileTokenStore(empty).read()).rejects.toThrow(/is empty/);
  });

  it.each([
    [
      'file',
      async (secret: string) => {
        const store = new FileTokenStore(join(dir, 'shown'));
        await store.write(secret);
        return store;
      },
    ],
    ['memory', async (secret: string) => new MemoryTokenStore(secret)],
  ])('never shows the secret (%s) in JSON or util.inspect', async (_, make) => {
    const secret = generateTokenSecret();
    const store = await make(secret);
    expect(JSON.stringify({ store })).not.toContain(secret);
    expect(inspect(store, { showHidden: true, depth: 5 })).not.toContain(secret);
  });
});
