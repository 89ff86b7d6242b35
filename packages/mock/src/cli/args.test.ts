import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, parseCliArgs, parseRateLimit, UsageError } from './args.js';

describe('parseCliArgs', () => {
  it('defaults to port 4010 on loopback', () => {
    expect(parseCliArgs([])).toEqual({
      kind: 'serve',
      options: { port: DEFAULT_PORT, host: '127.0.0.1' },
      quiet: false,
    });
  });

  it('reads every option', () => {
    const command = parseCliArgs([
      '--port=0',
      '--host',
      '::1',
      '--seed',
      'seed.json',
      '--state-file',
      'state.json',
      '--latency',
      '25',
      '--rate-limit',
      '100/60',
      '--now',
      '2030-01-01T00:00:00Z',
      '-q',
    ]);
    expect(command).toEqual({
      kind: 'serve',
      options: {
        port: 0,
        host: '::1',
        seed: 'seed.json',
        stateFile: 'state.json',
        latency: 25,
        rateLimit: { limit: 100, windowSeconds: 60 },
        now: '2030-01-01T00:00:00Z',
      },
      quiet: true,
    });
  });

  it('reads --leak-report-limit, the per-client limit of revoke-leaked', () => {
    expect(parseCliArgs(['--leak-report-limit', '5/10'])).toMatchObject({
      options: { leakReportLimit: { limit: 5, windowSeconds: 10 } },
    });
    expect(() => parseCliArgs(['--leak-report-limit', '0/60'])).toThrow(
      /^--leak-report-limit must be N\/SECONDS/,
    );
    expect(() => parseCliArgs(['--leak-report-limit', 'lots'])).toThrow(/--leak-report-limit/);
  });

  it('reads --journal-size', () => {
    expect(parseCliArgs(['--journal-size', '500'])).toMatchObject({ options: { journalSize: 500 } });
  });

  it('reads --journal-body-bytes, refusing a negative or non-integer budget', () => {
    expect(parseCliArgs(['--journal-body-bytes', '1048576'])).toMatchObject({
      options: { journalBodyBytes: 1048576 },
    });
    expect(parseCliArgs(['--journal-body-bytes', '0'])).toMatchObject({ options: { journalBodyBytes: 0 } });
    expect(() => parseCliArgs(['--journal-body-bytes', '-1'])).toThrow(/--journal-body-bytes/);
    expect(() => parseCliArgs(['--journal-body-bytes', '1.5'])).toThrow(/--journal-body-bytes/);
  });

  it.each([
    { given: ['--help'], want: 'help' },
    { given: ['-h', '--port', 'nope'], want: 'help' },
    { given: ['--version'], want: 'version' },
    { given: ['-v'], want: 'version' },
  ])('$given → $want', ({ given, want }) => {
    expect(parseCliArgs(given).kind).toBe(want);
  });

  it.each([
    { given: ['--prot', '1'], want: /Unknown option '--prot'/ },
    { given: ['--port', 'abc'], want: /--port must be an integer from 0 to 65535 \(got "abc"\)/ },
    { given: ['--port', '70000'], want: /--port must be an integer/ },
    { given: ['--port'], want: /--port/ },
    { given: ['--latency', '-5'], want: /--latency/ },
    { given: ['--rate-limit', '10'], want: /--rate-limit must be N\/SECONDS/ },
    {
      given: ['--journal-size', '0'],
      want: /--journal-size must be an integer from 1 to 10000000 \(got "0"\)/,
    },
    { given: ['--journal-size', '1e3'], want: /--journal-size must be an integer/ },
    { given: ['--rate-limit', '0/60'], want: /--rate-limit/ },
    { given: ['--now', 'tomorrow'], want: /--now must be an RFC 3339 date-time/ },
    { given: ['serve'], want: /unexpected argument "serve"/ },
    { given: ['--host', ''], want: /--host needs an address/ },
    { given: ['--cors-origin', 'localhost:5173'], want: /--cors-origin must be \* or an origin/ },
    { given: ['--allowed-host', 'http://mock'], want: /--allowed-host must be a host name/ },
    { given: ['--admin-token', 'short'], want: /--admin-token must be 16 to 256/ },
  ])('rejects $given with a clear message', ({ given, want }) => {
    expect(() => parseCliArgs(given)).toThrowError(UsageError);
    expect(() => parseCliArgs(given)).toThrowError(want);
  });

  it('reads the admin surface options, repeatable ones as lists', () => {
    const command = parseCliArgs([
      '--cors-origin',
      'http://localhost:5173',
      '--cors-origin=https://app.example',
      '--allowed-host',
      'mock',
      '--allowed-host',
      'mock.internal:4010',
      '--admin-token',
      'an-admin-secret-0123456789',
    ]);
    expect(command).toMatchObject({
      options: {
        corsOrigins: ['http://localhost:5173', 'https://app.example'],
        allowedHosts: ['mock', 'mock.internal:4010'],
        adminToken: 'an-admin-secret-0123456789',
      },
    });
  });

  it('takes the admin token from GRAPHTOKEN_MOCK_ADMIN_TOKEN, and never echoes a bad one', () => {
    expect(parseCliArgs([], { GRAPHTOKEN_MOCK_ADMIN_TOKEN: 'from-the-environment-123' })).toMatchObject({
      options: { adminToken: 'from-the-environment-123' },
    });
    expect(() => parseCliArgs(['--admin-token', 'a secret with spaces'])).toThrowError(
      expect.objectContaining({ message: expect.not.stringContaining('a secret with spaces') }),
    );
  });
});

describe('parseRateLimit', () => {
  it('reads N/SECONDS', () => {
    expect(parseRateLimit('5/1')).toEqual({ limit: 5, windowSeconds: 1 });
    expect(parseRateLimit('10/0.5')).toEqual({ limit: 10, windowSeconds: 0.5 });
  });
});
