// Type-checked (tsc --noEmit) against the installed tarballs with moduleResolution node16 and bundler.
import {
  type Block,
  GraphToken,
  InsufficientScopeError,
  isInsufficientScopeError,
  isTokenRevokedError,
  type Scope,
} from '@graphtoken/sdk';

const client = new GraphToken({ token: 'gt_placeholder', baseUrl: 'http://127.0.0.1:4010' });

export async function typed(): Promise<string[]> {
  const me = await client.tokens.introspect();
  const scopes: readonly Scope[] = me.token.scopes;
  const appended = await client.blocks.append('gr_research', { blocks: [{ content: 'typed' }] });
  const first: Block | undefined = appended.data[0];
  const contents: string[] = [];
  for await (const page of client.blocks.list('gr_research', { limit: 2 }).pages()) {
    for (const block of page.data) contents.push(block.content);
  }
  try {
    await client.tokens.list().firstPage();
  } catch (error) {
    if (error instanceof InsufficientScopeError && error.code === 'insufficient_scope') {
      const status: number = error.status;
      contents.push(String(status));
    }
    if (isInsufficientScopeError(error)) {
      // @ts-expect-error: `code` is a union of the spec's error codes, not a string.
      if (error.code === 'not_an_error_code') contents.push('never');
    }
    if (isTokenRevokedError(error)) contents.push(error.message);
  }
  // @ts-expect-error: append takes { blocks }, not a bare array.
  await client.blocks.append('gr_research', [{ content: 'wrong' }]);
  return [...scopes, first?.id ?? '', ...contents];
}
