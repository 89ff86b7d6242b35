import { describe, expect, it } from 'vitest';
import { toBlockContent, WebhookPayloadSchema } from './payload.ts';

const parse = (data: object) => WebhookPayloadSchema.parse({ event: 'entry.created', data });

describe('toBlockContent', () => {
  it.each([
    { given: { text: 'Plain' }, want: 'Plain' },
    { given: { text: '  Trimmed  ', tags: ['a', 'b-c'] }, want: 'Trimmed #a #b-c' },
    {
      given: { text: 'Linked', url: 'https://example.com/x', source: 'Typeform' },
      want: 'Linked [Typeform](https://example.com/x)',
    },
    { given: { text: 'Linked', url: 'https://example.com/x' }, want: 'Linked [link](https://example.com/x)' },
    { given: { text: 'Sourced', source: 'Zapier' }, want: 'Sourced (via Zapier)' },
  ])('turns $given into "$want"', ({ given, want }) => {
    expect(toBlockContent(parse(given))).toBe(want);
  });

  it('is a pure function of the payload, so a redelivery sends the same append body', () => {
    const payload = parse({ text: 'Same', tags: ['x'] });
    expect(toBlockContent(payload)).toBe(toBlockContent(structuredClone(payload)));
  });

  it('ignores fields it does not use', () => {
    expect(toBlockContent(parse({ text: 'Kept', extra: { nested: true } }))).toBe('Kept');
  });
});
