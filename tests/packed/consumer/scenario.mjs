/**
 * The calls every runtime makes against a running GraphToken API (the standalone mock, or the
 * in-process one): introspect, mint a scoped token, append, a paginated read across at least two
 * pages, a typed error checked by `instanceof`, by its guard and by its `code`, and a revoke.
 *
 * Plain JavaScript with no imports: each entry (ESM, CommonJS, Bun, Deno, a worker) passes in the
 * SDK module it loaded its own way, so this file tests how that runtime resolved the package.
 *
 * @param {typeof import('@graphtoken/sdk')} sdk
 * @param {{ baseUrl?: string, token: string, label: string }} options
 * @returns {Promise<string>} one summary line
 */
export async function runScenario(sdk, { baseUrl, token, label }) {
  let checks = 0;
  const check = (ok, what) => {
    if (!ok) throw new Error(`[${label}] check failed: ${what}`);
    checks++;
  };
  const connection = baseUrl === undefined ? {} : { baseUrl };
  const admin = new sdk.GraphToken({ ...connection, token, maxRetries: 0 });

  // 1. Introspect the bootstrap token.
  const me = await admin.tokens.introspect();
  check(
    me.token.scopes.includes('manage'),
    `introspect: the bootstrap token has manage (got ${me.token.scopes})`,
  );
  check(typeof me.account.id === 'string' && me.account.id.startsWith('acc_'), 'introspect: the account');

  // 2. Mint a read+append token for one graph (its secret stays in memory, never printed).
  const graphId = 'gr_research';
  const created = await admin.tokens.create({
    name: `runtime ${label}`,
    scopes: ['read', 'append'],
    graphIds: [graphId],
  });
  check(created.secret.startsWith('gt_') && created.token.hint.length > 0, 'create: a secret and its hint');
  const writer = new sdk.GraphToken({ ...connection, token: created.secret, maxRetries: 0 });

  // 3. Append three blocks.
  const marker = `${label} ${Date.now().toString(36)}`;
  const appended = await writer.blocks.append(graphId, {
    blocks: [1, 2, 3].map((n) => ({ content: `${marker} #${n}` })),
  });
  check(appended.data.length === 3, `append: three blocks stored (got ${appended.data.length})`);

  // 4. A paginated read, two blocks a page: at least two pages, and the three blocks among them.
  let pages = 0;
  const contents = [];
  for await (const page of writer.blocks.list(graphId, { limit: 2 }).pages()) {
    pages++;
    check(page.data.length <= 2, `list: a page holds at most the limit (got ${page.data.length})`);
    for (const block of page.data) contents.push(block.content);
  }
  check(pages >= 2, `list: walked ${pages} page(s), want at least 2`);
  const mine = contents.filter((c) => c.startsWith(marker));
  check(mine.length === 3, `list: found ${mine.length} of the 3 appended blocks`);
  const all = [];
  for await (const block of writer.blocks.list(graphId, { limit: 2 })) all.push(block.content);
  check(all.length === contents.length, 'list: for await walks the same items as pages()');

  // 5. A typed error: listing tokens needs manage, which this token lacks.
  try {
    await writer.tokens.list().firstPage();
    check(false, 'tokens.list with read+append must be refused');
  } catch (error) {
    check(
      error instanceof sdk.InsufficientScopeError,
      `error: an InsufficientScopeError (got ${error?.name}: ${error?.message})`,
    );
    check(error instanceof sdk.APIError && error instanceof sdk.GraphTokenError, 'error: its parents');
    check(sdk.isInsufficientScopeError(error), 'error: isInsufficientScopeError matches');
    check(
      error.code === 'insufficient_scope' && error.status === 403,
      `error: code and status (${error.code}, ${error.status})`,
    );
    check(/^req_/.test(error.requestId ?? ''), 'error: the request id');
    const shown = `${error.message} ${error.stack} ${JSON.stringify(error)}`;
    check(
      !shown.includes(created.secret) && !shown.includes(token),
      'error: no secret in message, stack or JSON',
    );
  }

  // 6. A not-found on a made-up token id, and the revoke of the minted token.
  try {
    await admin.tokens.get('tok_doesnotexist0000');
    check(false, 'tokens.get of an unknown id must be refused');
  } catch (error) {
    check(
      sdk.isNotFoundError(error) && error.code === 'not_found' && error.status === 404,
      'error: not_found',
    );
  }
  await admin.tokens.revoke(created.token.id);
  try {
    await writer.tokens.introspect();
    check(false, 'a revoked token must be refused');
  } catch (error) {
    check(
      error instanceof sdk.TokenRevokedError && error.code === 'token_revoked',
      `error: token_revoked (got ${error?.name})`,
    );
  }

  return `ok ${label}: ${checks} checks (introspect, create, append 3, ${pages} pages, insufficient_scope, not_found, token_revoked)`;
}
