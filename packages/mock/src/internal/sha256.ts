/**
 * SHA-256, synchronous in every runtime msw runs in, so the store can hash secrets without making
 * every store call async the way `crypto.subtle.digest` would: Node's own `node:crypto` where the
 * runtime has it (Node, Bun, Deno, reached through `process.getBuiltinModule`, so no bundler sees a
 * Node import), and the audited pure-JS `@noble/hashes` elsewhere (browsers, service workers).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

type NodeCrypto = typeof import('node:crypto');

const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;

/** The SHA-256 digest of the UTF-8 bytes of `text`, as 64 lowercase hex characters. */
export const sha256Hex: (text: string) => string =
  nodeCrypto !== undefined
    ? (text) => nodeCrypto.createHash('sha256').update(text, 'utf8').digest('hex')
    : (text) => bytesToHex(sha256(utf8ToBytes(text)));

/** The pure-JS implementation, whichever runtime this is (so tests can compare both). @internal */
export const sha256HexPortable = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));
