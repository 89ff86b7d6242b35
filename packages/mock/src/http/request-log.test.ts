import { generateTokenSecret, scrubSecrets } from '@graphtoken/contract';
import { describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN } from '../constants.js';
import { describeCredential, formatLogLine } from './request-log.js';

const hint = BOOTSTRAP_TOKEN.slice(-4);

describe('formatLogLine', () => {
  it('logs method, path, status, duration, the redacted token and the request id', () => {
    const line = formatLogLine({
      method: 'GET',
      target: '/v1/tokens/self',
      status: 200,
      durationMs: 3.4,
      authorization: `Bearer ${BOOTSTRAP_TOKEN}`,
      requestId: 'req_abc',
    });
    expect(line).toBe(`GET /v1/tokens/self 200 3ms token=gt_…${hint} req_abc`);
  });

  it('never logs a secret, wherever the client put it', () => {
    const line = formatLogLine({
      method: 'GET',
      target: `/v1/${BOOTSTRAP_TOKEN}/x?access_token=${BOOTSTRAP_TOKEN}&other=gt_short`,
      status: 400,
      durationMs: 1,
      authorization: `Basic ${BOOTSTRAP_TOKEN}`,
      requestId: undefined,
    });
    expect(line).not.toContain(BOOTSTRAP_TOKEN);
    expect(line).not.toContain('access_token');
    expect(line).toBe(`GET /v1/gt_…${hint}/x 400 1ms token=[redacted] -`);
  });
});

describe('describeCredential', () => {
  it.each([
    { given: undefined, want: '-' },
    { given: '', want: '-' },
    { given: `Bearer ${BOOTSTRAP_TOKEN}`, want: `gt_…${hint}` },
    { given: `bearer   ${BOOTSTRAP_TOKEN}`, want: `gt_…${hint}` },
    { given: 'Bearer gt_truncated', want: '[redacted]' },
    { given: 'Bearer some-other-secret', want: '[redacted]' },
    { given: `Bearer ${BOOTSTRAP_TOKEN} ${BOOTSTRAP_TOKEN}`, want: '[redacted]' },
  ])('$given → $want', ({ given, want }) => {
    expect(describeCredential(given)).toBe(want);
  });
});

describe('scrubSecrets in log lines', () => {
  it('redacts two secrets pasted back to back, each to its hint', () => {
    const [a, b] = [generateTokenSecret(), generateTokenSecret()];
    const line = formatLogLine({
      method: 'GET',
      target: `/v1/tokens/${a}${b}`,
      status: 404,
      durationMs: 1,
      authorization: undefined,
      requestId: 'req_x',
    });
    expect(line).not.toContain(a.slice(3, 20));
    expect(line).not.toContain(b.slice(3, 20));
    expect(line).toContain(`gt_…${a.slice(-4)}gt_…${b.slice(-4)}`);
  });

  it('keeps text without secrets as is', () => {
    expect(scrubSecrets('/v1/graphs/gr_research/blocks')).toBe('/v1/graphs/gr_research/blocks');
  });
});
