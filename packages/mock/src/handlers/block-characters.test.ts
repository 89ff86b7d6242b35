/**
 * One definition of "character" (Unicode code points, the spec's "Lengths of strings") for block
 * content, in append, update and the store alike: emoji at the 10,000 / 10,001 boundary.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { type Call, frozenMock } from '../contract-testing/api.js';
import { type GraphTokenMock, MockSetupError, seedIds } from '../index.js';

const EMOJI = '😀'; // one character, two UTF-16 units
const LIMIT = 10_000;
const { graphs } = seedIds;
let mock: GraphTokenMock;
let call: Call;
let writer: string;
beforeEach(() => {
  ({ mock, call } = frozenMock('2026-01-01T00:00:00Z'));
  writer = mock.store.createToken({ scopes: ['write'], graphIds: [graphs.research] }).secret;
});

const blocksPath = `/v1/graphs/${graphs.research}/blocks`;

describe.each([
  { unit: 'a', what: 'ASCII' },
  { unit: EMOJI, what: 'emoji' },
  { unit: 'é', what: 'combining-free accents' },
])('block content of $what', ({ unit }) => {
  it('append accepts 10,000 characters and refuses 10,001 with 422, never 500', async () => {
    const ok = await call('POST', blocksPath, {
      token: writer,
      json: { blocks: [{ content: unit.repeat(LIMIT) }] },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.data[0].content).toBe(unit.repeat(LIMIT));
    const before = mock.store.listBlocks(graphs.research).length;
    const over = await call('POST', blocksPath, {
      token: writer,
      json: { blocks: [{ content: 'x' }, { content: unit.repeat(LIMIT + 1) }] },
    });
    expect(over.status).toBe(422);
    expect(over.body.errors).toEqual([
      { field: 'blocks[1].content', message: 'must be at most 10000 characters long' },
    ]);
    expect(mock.store.listBlocks(graphs.research)).toHaveLength(before);
  });

  it('update agrees with append: 10,000 accepted, 10,001 refused', async () => {
    const id = mock.store.listBlocks(graphs.research)[0]!.id;
    const ok = await call('PATCH', `${blocksPath}/${id}`, {
      token: writer,
      json: { content: unit.repeat(LIMIT) },
    });
    expect(ok.status).toBe(200);
    const over = await call('PATCH', `${blocksPath}/${id}`, {
      token: writer,
      json: { content: unit.repeat(LIMIT + 1) },
    });
    expect(over.status).toBe(422);
    expect(mock.store.getBlock(graphs.research, id)?.content).toBe(unit.repeat(LIMIT));
  });

  it('the store agrees too, and a refused addBlocks adds nothing', () => {
    expect(mock.store.addBlocks(graphs.research, [unit.repeat(LIMIT)])[0]?.content).toBe(unit.repeat(LIMIT));
    const before = mock.store.listBlocks(graphs.research).length;
    expect(() => mock.store.addBlocks(graphs.research, ['fine', unit.repeat(LIMIT + 1)])).toThrow(
      MockSetupError,
    );
    expect(mock.store.listBlocks(graphs.research)).toHaveLength(before);
  });
});
