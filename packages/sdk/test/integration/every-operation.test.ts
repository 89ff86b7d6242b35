/**
 * Every operation of the spec, called through its SDK method against @graphtoken/mock, checking
 * that the method reaches the operation its map declares and that the typed result is right.
 */
import { type OperationId, operations } from '@graphtoken/contract';
import { BOOTSTRAP_TOKEN, seedIds } from '@graphtoken/mock';
import { useGraphTokenMock } from '@graphtoken/mock/node';
import { GraphToken, methodOperations } from '@graphtoken/sdk';
import { describe, expect, it } from 'vitest';

const mock = useGraphTokenMock();
const { graphs } = seedIds;

/** A client on a fresh `write` token bound to the research graph. */
async function writer() {
  const admin = new GraphToken({ token: BOOTSTRAP_TOKEN });
  const { secret } = await admin.tokens.create({
    name: 'writer',
    scopes: ['write'],
    graphIds: [graphs.research],
  });
  return new GraphToken({ token: secret });
}

const lastOperation = () => mock.requests.last()?.operationId;

describe('every operation against the mock', () => {
  const called = new Set<OperationId>();
  const expectOperation = (op: OperationId) => {
    expect(lastOperation()).toBe(op);
    called.add(op);
  };

  it('tokens.*: introspect, list, create, get, update, rotate, revoke, revokeSelf', async () => {
    const admin = new GraphToken({ token: BOOTSTRAP_TOKEN });

    const me = await admin.tokens.introspect();
    expect(me.token.id).toBe(seedIds.tokens.bootstrap);
    expect(me.account.id).toBe(seedIds.accounts.ada);
    expectOperation(methodOperations.tokens.introspect);

    const created = await admin.tokens.create({
      name: 'search-indexer',
      description: 'reads research notes',
      scopes: ['read', 'write'],
      graphIds: [graphs.research],
    });
    expect(created.token.scopes).toEqual(['write']);
    expect(created.secret).toMatch(/^gt_/);
    expectOperation(methodOperations.tokens.create);

    const listed = [];
    for await (const token of admin.tokens.list({ status: 'active' })) listed.push(token.id);
    expect(listed).toContain(created.token.id);
    expectOperation(methodOperations.tokens.list);

    expect((await admin.tokens.get(created.token.id)).name).toBe('search-indexer');
    expectOperation(methodOperations.tokens.get);

    const renamed = await admin.tokens.update(created.token.id, {
      name: 'search-indexer (prod)',
      description: null,
    });
    expect(renamed.name).toBe('search-indexer (prod)');
    expect(renamed.description).toBeNull();
    expectOperation(methodOperations.tokens.update);

    const rotated = await admin.tokens.rotate(created.token.id, { gracePeriodSeconds: 60 });
    expect(rotated.token.rotatedFrom).toBe(created.token.id);
    expect(rotated.secret).not.toBe(created.secret);
    expectOperation(methodOperations.tokens.rotate);

    await expect(admin.tokens.revoke(rotated.token.id)).resolves.toBeUndefined();
    expectOperation(methodOperations.tokens.revoke);
    expect((await admin.tokens.get(rotated.token.id)).status).toBe('revoked');

    const self = new GraphToken({ token: created.secret });
    await expect(self.tokens.revokeSelf()).resolves.toBeUndefined();
    expectOperation(methodOperations.tokens.revokeSelf);
  });

  it('tokens.list filters, tokens.rotateSelf, tokens.revokeLeaked, auditEvents.list', async () => {
    const admin = new GraphToken({ token: BOOTSTRAP_TOKEN });
    const pipeline = await admin.tokens.create({
      name: 'Nightly Pipeline',
      description: 'stale-token hunt',
      scopes: ['write'],
      graphIds: [graphs.research],
    });

    // Never used, found by a case-insensitive search, created before a minute from now.
    const later = new Date(mock.clock.now().getTime() + 60_000);
    const found = [];
    for await (const token of admin.tokens.list({
      neverUsed: true,
      q: 'nightly pipeline',
      createdBefore: later,
      lastUsedBefore: later,
      sort: 'name',
    }))
      found.push(token.id);
    expect(found).toEqual([pipeline.token.id]);
    expectOperation(methodOperations.tokens.list);

    // The pipeline rotates itself, without manage.
    const self = new GraphToken({ token: pipeline.secret });
    const rotated = await self.tokens.rotateSelf({ gracePeriodSeconds: 60 });
    expect(rotated.token.rotatedFrom).toBe(pipeline.token.id);
    expect(rotated.token.scopes).toEqual(['write']);
    expect(rotated.secret).not.toBe(pipeline.secret);
    expectOperation(methodOperations.tokens.rotateSelf);

    // Someone without any token reports the successor's secret: it is revoked at once.
    const anyone = new GraphToken();
    await expect(anyone.tokens.revokeLeaked([rotated.secret, 'not a secret'])).resolves.toEqual({
      received: 2,
    });
    expectOperation(methodOperations.tokens.revokeLeaked);
    expect(mock.requests.last()?.headers?.authorization).toBeUndefined();
    // The mock's journal (a recorded request) keeps no reported secret.
    expect(JSON.stringify(mock.requests.last())).not.toContain(rotated.secret.slice(3, -4));
    expect((await admin.tokens.get(rotated.token.id)).status).toBe('revoked');

    const types = [];
    for await (const event of admin.auditEvents.list({ tokenId: rotated.token.id })) types.push(event);
    expect(types.map((e) => e.type)).toContain('token.revoked');
    expect(types.find((e) => e.type === 'token.revoked')).toMatchObject({
      reason: 'leak_report',
      actor: 'system',
    });
    expect(JSON.stringify(types)).not.toContain(rotated.secret);
    expectOperation(methodOperations.auditEvents.list);
  });

  it('graphs.*: list, get', async () => {
    const client = await writer();
    const reachable = [];
    for await (const graph of client.graphs.list()) reachable.push(graph);
    expect(reachable.map((g) => g.id)).toEqual([graphs.research]);
    expect(reachable[0]!.scopes).toEqual(['write']);
    expectOperation(methodOperations.graphs.list);

    const graph = await client.graphs.get(graphs.research);
    expect(graph.name).toBe('Research notes');
    expectOperation(methodOperations.graphs.get);
  });

  it('blocks.*: append, list, get, update, delete', async () => {
    const client = await writer();
    const appended = await client.blocks.append(graphs.research, {
      blocks: [{ content: 'one' }, { content: 'two' }],
    });
    expect(appended.data.map((b) => b.content)).toEqual(['one', 'two']);
    expectOperation(methodOperations.blocks.append);

    const contents = [];
    for await (const block of client.blocks.list(graphs.research, { limit: 2 })) contents.push(block.content);
    expect(contents.slice(-2)).toEqual(['one', 'two']);
    expectOperation(methodOperations.blocks.list);

    const id = appended.data[0]!.id;
    expect((await client.blocks.get(graphs.research, id)).content).toBe('one');
    expectOperation(methodOperations.blocks.get);

    expect((await client.blocks.update(graphs.research, id, { content: 'uno' })).content).toBe('uno');
    expectOperation(methodOperations.blocks.update);

    await expect(client.blocks.delete(graphs.research, id)).resolves.toBeUndefined();
    expectOperation(methodOperations.blocks.delete);
  });

  it('covered every operation in the spec', () => {
    expect([...called].sort()).toEqual(Object.keys(operations).sort());
  });
});
