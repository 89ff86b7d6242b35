/**
 * ky clones a request before each attempt that may be retried, so every attempt starts from a
 * pristine copy (patches/ky@2.1.0.patch keeps that clone; it only copies the caller's headers into
 * a `Headers` to look for a content type where that is read: see README "Per call: ky's retry
 * clone (kept) and header copy"). These tests hold what is sent on each attempt.
 */
import ky from 'ky';
import { describe, expect, it } from 'vitest';

/** A `fetch` that records each request (and its body) and fails the first attempt with a 503. */
function flaky() {
  const sent: { request: Request; body: string }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    sent.push({ request, body: await request.text() });
    return sent.length === 1 ? new Response('busy', { status: 503 }) : Response.json({ ok: true });
  };
  return { sent, fetch };
}

const retry = { limit: 1, delay: () => 0, methods: ['get', 'delete', 'post'] };

describe("ky's retries after the patch", () => {
  it('sends a body-less request again with the same URL, method and headers', async () => {
    for (const method of ['get', 'delete'] as const) {
      const { sent, fetch } = flaky();
      await ky(`http://127.0.0.1:9/v1/tokens/tok_AAAAAAAAAAAAAAAA?x=1`, {
        method,
        fetch,
        retry,
        headers: { authorization: 'Bearer t', 'x-custom': 'y' },
      }).json();
      expect(sent).toHaveLength(2);
      for (const { request } of sent) {
        expect(request.method).toBe(method.toUpperCase());
        expect(request.url).toBe('http://127.0.0.1:9/v1/tokens/tok_AAAAAAAAAAAAAAAA?x=1');
        expect(request.headers.get('authorization')).toBe('Bearer t');
        expect(request.headers.get('x-custom')).toBe('y');
      }
    }
  });

  it("gives each attempt of a body-less request a pristine copy: the caller's fetch changing one does not reach the next", async () => {
    for (const method of ['get', 'delete'] as const) {
      const seen: { traceparent: string | null; authorization: string | null }[] = [];
      const requests: Request[] = [];
      // A caller's fetch that adds its own tracing header, then redacts the credential after sending (for a log).
      const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = input instanceof Request ? input : new Request(input, init);
        requests.push(request);
        request.headers.append('traceparent', `span-${requests.length}`);
        seen.push({
          traceparent: request.headers.get('traceparent'),
          authorization: request.headers.get('authorization'),
        });
        request.headers.set('authorization', 'Bearer [redacted]');
        return requests.length === 1 ? new Response('busy', { status: 503 }) : Response.json({ ok: true });
      };
      await ky(`http://127.0.0.1:9/v1/tokens/tok_AAAAAAAAAAAAAAAA`, {
        method,
        fetch,
        retry,
        headers: { authorization: 'Bearer gt_secret' },
      }).json();
      expect(seen).toEqual([
        { traceparent: 'span-1', authorization: 'Bearer gt_secret' },
        { traceparent: 'span-2', authorization: 'Bearer gt_secret' },
      ]);
      expect(requests[1]).not.toBe(requests[0]);
    }
  });

  it('still clones a request with a body, so the retry sends the whole body again', async () => {
    const { sent, fetch } = flaky();
    await ky.post('http://127.0.0.1:9/v1/tokens', { json: { name: 'ci' }, fetch, retry }).json();
    expect(sent).toHaveLength(2);
    const [first, second] = sent as [(typeof sent)[0], (typeof sent)[0]];
    expect(second.request).not.toBe(first.request);
    expect(second.body).toBe('{"name":"ci"}');
    expect(first.body).toBe('{"name":"ci"}');
    expect(second.request.headers.get('content-type')).toBe('application/json');
  });

  it('keeps a caller-given content type of a URLSearchParams body re-sent from a Request', async () => {
    const { sent, fetch } = flaky();
    await ky
      .post(new Request('http://127.0.0.1:9/form', { method: 'POST', body: 'x' }), {
        body: new URLSearchParams({ a: '1' }),
        headers: { 'content-type': 'text/plain' },
        fetch,
        retry,
      })
      .json();
    expect(sent.map((s) => s.request.headers.get('content-type'))).toEqual(['text/plain', 'text/plain']);
    expect(sent.map((s) => s.body)).toEqual(['a=1', 'a=1']);
  });
});
