import { beforeEach, describe, expect, it } from 'vitest';
import { type Call, frozenMock } from '../contract-testing/api.js';
import { type GraphTokenMock, seedIds } from '../index.js';

const { graphs, accounts } = seedIds;
let mock: GraphTokenMock;
let call: Call;
let writer: string;
beforeEach(() => {
  ({ mock, call } = frozenMock('2026-01-01T00:00:00Z'));
  writer = mock.store.createToken({ scopes: ['write'], graphIds: [graphs.research] }).secret;
});

describe('listBlocks', () => {
  it('lists oldest first and pages with cursors', async () => {
    mock.store.addBlocks(graphs.research, ['four', 'five']);
    const first = await call('GET', `/v1/graphs/${graphs.research}/blocks?limit=2`, { token: writer });
    expect(first.body.data.map((b: { id: string }) => b.id)).toEqual(['blk_research1', 'blk_research2']);
    const second = await call(
      'GET',
      `/v1/graphs/${graphs.research}/blocks?limit=2&cursor=${first.body.nextCursor}`,
      {
        token: writer,
      },
    );
    expect(second.body.data.map((b: { id: string }) => b.id)).toEqual([
      'blk_research3',
      expect.stringMatching(/^blk_/),
    ]);
    const third = await call(
      'GET',
      `/v1/graphs/${graphs.research}/blocks?limit=2&cursor=${second.body.nextCursor}`,
      {
        token: writer,
      },
    );
    expect(third.body.data.map((b: { content: string }) => b.content)).toEqual(['five']);
    expect(third.body.nextCursor).toBeNull();
  });

  it("refuses a cursor from another graph's list", async () => {
    const reader = mock.store.createToken({
      scopes: ['read'],
      graphIds: [graphs.research, graphs.team],
    }).secret;
    const team = await call('GET', `/v1/graphs/${graphs.team}/blocks?limit=1`, { token: reader });
    const res = await call('GET', `/v1/graphs/${graphs.research}/blocks?cursor=${team.body.nextCursor}`, {
      token: reader,
    });
    expect(res.body.errors[0].field).toBe('cursor');
  });

  it.each(['0', '101', 'ten', '1.5'])('refuses limit=%s', async (limit) => {
    const res = await call('GET', `/v1/graphs/${graphs.research}/blocks?limit=${limit}`, { token: writer });
    expect(res.body.errors).toEqual([{ field: 'limit', message: 'must be an integer from 1 to 100' }]);
  });
});

describe('appendBlocks', () => {
  it('appends a batch in order and answers 201 with the created blocks', async () => {
    const res = await call('POST', `/v1/graphs/${graphs.research}/blocks`, {
      token: writer,
      json: { blocks: [{ content: 'one' }, { content: 'two' }] },
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject([
      { graphId: graphs.research, content: 'one', createdAt: '2026-01-01T00:00:00.000Z' },
      { graphId: graphs.research, content: 'two' },
    ]);
    expect(
      mock.store
        .listBlocks(graphs.research)
        .map((b) => b.content)
        .slice(-2),
    ).toEqual(['one', 'two']);
  });

  it('is all or nothing: one invalid block, none appended', async () => {
    const before = mock.store.listBlocks(graphs.research).length;
    const res = await call('POST', `/v1/graphs/${graphs.research}/blocks`, {
      token: writer,
      json: { blocks: [{ content: 'ok' }, { content: 'ok' }, { content: '' }] },
    });
    expect(res.body.errors).toEqual([{ field: 'blocks[2].content', message: 'must not be empty' }]);
    expect(mock.store.listBlocks(graphs.research)).toHaveLength(before);
  });

  it('appends to an encrypted graph with an append-only token, which cannot read it back', async () => {
    const appender = mock.store.createToken({ scopes: ['append'], graphIds: [graphs.journal] }).secret;
    const res = await call('POST', `/v1/graphs/${graphs.journal}/blocks`, {
      token: appender,
      json: { blocks: [{ content: 'CI run #1 passed' }] },
    });
    expect(res.status).toBe(201);
    expect((await call('GET', `/v1/graphs/${graphs.journal}/blocks`, { token: appender })).status).toBe(403);
  });

  it('appends nothing on an Idempotency-Key replay', async () => {
    const options = {
      token: writer,
      headers: { 'Idempotency-Key': 'once' },
      json: { blocks: [{ content: 'x' }] },
    };
    const first = await call('POST', `/v1/graphs/${graphs.research}/blocks`, options);
    const replay = await call('POST', `/v1/graphs/${graphs.research}/blocks`, options);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(mock.store.listBlocks(graphs.research).filter((b) => b.content === 'x')).toHaveLength(1);
  });

  it('refuses more than 100 blocks', async () => {
    const blocks = Array.from({ length: 101 }, () => ({ content: 'x' }));
    const res = await call('POST', `/v1/graphs/${graphs.research}/blocks`, {
      token: writer,
      json: { blocks },
    });
    expect(res.body.errors).toEqual([{ field: 'blocks', message: 'must have at most 100 items' }]);
  });
});

describe('getBlock, updateBlock, deleteBlock', () => {
  it('edits a block and sets updatedAt', async () => {
    mock.clock.advance({ minutes: 1 });
    const res = await call('PATCH', `/v1/graphs/${graphs.research}/blocks/blk_research1`, {
      token: writer,
      json: { content: 'edited' },
    });
    expect(res.body).toMatchObject({ content: 'edited', updatedAt: '2026-01-01T00:01:00.000Z' });
    expect(
      (await call('GET', `/v1/graphs/${graphs.research}/blocks/blk_research1`, { token: writer })).body
        .content,
    ).toBe('edited');
  });

  it('deletes a block for good: a second delete is 404', async () => {
    const path = `/v1/graphs/${graphs.research}/blocks/blk_research2`;
    expect((await call('DELETE', path, { token: writer })).status).toBe(204);
    expect((await call('DELETE', path, { token: writer })).body.code).toBe('not_found');
    expect((await call('GET', path, { token: writer })).status).toBe(404);
  });

  it('answers 404 for a block of another graph', async () => {
    const res = await call('GET', `/v1/graphs/${graphs.research}/blocks/blk_team1`, { token: writer });
    expect(res.body.code).toBe('not_found');
  });

  it('refuses edits from a read token and from a write token whose creator became a viewer', async () => {
    const reader = mock.store.createToken({ scopes: ['read'], graphIds: [graphs.research] }).secret;
    const path = `/v1/graphs/${graphs.research}/blocks/blk_research1`;
    expect((await call('DELETE', path, { token: reader })).body.code).toBe('insufficient_scope');
    mock.store.setRole(accounts.ada, graphs.research, 'viewer');
    const res = await call('PATCH', path, { token: writer, json: { content: 'x' } });
    expect(res.body).toMatchObject({
      code: 'insufficient_scope',
      requiredScopes: ['write'],
      grantedScopes: ['read'],
    });
  });
});
