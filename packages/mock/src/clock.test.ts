import { describe, expect, it } from 'vitest';
import { createClock } from './clock.js';

describe('the mock clock', () => {
  it('starts at the given time and advances by durations', () => {
    const clock = createClock({ start: '2026-01-01T00:00:00Z', frozen: true });
    clock.advance({ days: 1, hours: 2, minutes: 3, seconds: 4 });
    expect(clock.now().toISOString()).toBe('2026-01-02T02:03:04.000Z');
    clock.advance(500);
    expect(clock.now().toISOString()).toBe('2026-01-02T02:03:04.500Z');
  });

  it('can be set, and refuses to go backwards by advance', () => {
    const clock = createClock({ frozen: true });
    clock.set('2030-05-05T05:05:05Z');
    expect(clock.now().toISOString()).toBe('2030-05-05T05:05:05.000Z');
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.set('not a date')).toThrow(RangeError);
  });

  it('moves with real time unless frozen', () => {
    const clock = createClock({ start: '2026-01-01T00:00:00Z' });
    const start = clock.nowMs();
    expect(start).toBeGreaterThanOrEqual(Date.parse('2026-01-01T00:00:00Z'));
    expect(start - Date.parse('2026-01-01T00:00:00Z')).toBeLessThan(60_000);
  });

  it('saves and restores its state', () => {
    const a = createClock({ start: '2026-01-01T00:00:00Z', frozen: true });
    const b = createClock({ frozen: true });
    b.setState(a.getState());
    expect(b.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('reports every change', () => {
    let changes = 0;
    const clock = createClock({ onChange: () => changes++ });
    clock.advance({ seconds: 1 });
    clock.set(new Date());
    expect(changes).toBe(2);
  });
});
