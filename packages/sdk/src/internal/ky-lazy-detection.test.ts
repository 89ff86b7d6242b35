/**
 * patches/ky@2.1.0.patch moves ky's `Request`/`FormData` feature detection from import time to first
 * use (so importing the SDK does not load Node's fetch: `bench/cold-import.ts --check`). These
 * tests hold ky's behaviour where that detection decides: a streamed request body with upload
 * progress, and a `FormData` body re-sent from a `Request` with its own boundary.
 */
import ky from 'ky';
import { describe, expect, it } from 'vitest';

const chunks = ['hello ', 'stream ', 'upload'];

/** A `fetch` that answers with what it received: the body as text and its content type. */
const echo = async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = input instanceof Request ? input : new Request(input, init);
  return Response.json({ body: await request.text(), type: request.headers.get('content-type') });
};

describe("ky's lazily run feature detection", () => {
  it('streams a ReadableStream body and reports upload progress (request streams detected)', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });
    const progress: number[] = [];
    const got = await ky
      .post('http://127.0.0.1:9/echo', {
        body,
        retry: 0,
        fetch: echo,
        onUploadProgress: (p) => {
          progress.push(p.transferredBytes);
        },
      })
      .json<{ body: string }>();
    expect(got.body).toBe(chunks.join(''));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(chunks.join('').length);
  });

  it('gives a FormData body re-sent from a Request its own multipart boundary (FormData detected)', async () => {
    const form = new FormData();
    form.set('field', 'value');
    const got = await ky
      .post(new Request('http://127.0.0.1:9/echo', { method: 'POST', body: 'x' }), {
        body: form,
        retry: 0,
        fetch: echo,
      })
      .json<{ body: string; type: string }>();
    const boundary = /boundary=(.+)$/.exec(got.type)?.[1];
    expect(got.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(got.body).toContain(`--${boundary}`);
    expect(got.body).toContain('value');
  });
});
