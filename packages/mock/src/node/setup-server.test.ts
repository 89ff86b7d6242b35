import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGraphTokenMock } from '../index.js';
import { failOnUnhandledApiRequest, setupGraphTokenServer } from './index.js';

describe('setupGraphTokenServer', () => {
  const { server, mock } = setupGraphTokenServer(createGraphTokenMock({ baseUrl: 'http://mock.test/api/' }));
  afterEach(() => server.close());

  it('serves the mock under a base URL with a path', async () => {
    server.listen({ onUnhandledFrame: failOnUnhandledApiRequest(mock) });
    expect(mock.baseUrl).toBe('http://mock.test/api');
    const res = await fetch('http://mock.test/api/v1/graphs');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="graphtoken"');
  });
});

describe('failOnUnhandledApiRequest', () => {
  it('makes an API request that no handler answers fail loudly', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bare = setupServer();
    bare.listen({ onUnhandledFrame: failOnUnhandledApiRequest({ baseUrl: 'http://mock.test' }) });
    try {
      await expect(fetch('http://mock.test/v1/graphs')).rejects.toThrow();
      expect(error).toHaveBeenCalled();
      expect(String(error.mock.calls[0]?.[0])).toContain('http://mock.test/v1/graphs');
    } finally {
      bare.close();
      error.mockRestore();
    }
  });
});
