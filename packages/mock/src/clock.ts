/**
 * The mock's clock. Token expiry, rotation grace periods, `lastUsedAt`, block timestamps and rate
 * limit windows all read it, so a test can jump a year ahead without waiting.
 */

/** How far to move the clock: milliseconds, or a duration. */
export type ClockAdvance = number | { seconds?: number; minutes?: number; hours?: number; days?: number };

/** The controllable clock of a mock. */
export interface MockClock {
  /** The mock's current time. */
  now(): Date;
  /**
   * Moves the clock forward (`advance({ days: 31 })`, or milliseconds).
   *
   * @example
   * mock.clock.advance({ hours: 1 }) // a one-hour rotation grace period is over
   */
  advance(by: ClockAdvance): void;
  /** Sets the clock to a given time. */
  set(at: Date | string): void;
}

/** The serialisable state of a clock: its offset from real time, or the time it is frozen at. */
export interface ClockState {
  /** Milliseconds added to the real time (when not frozen). */
  offsetMs: number;
  /** When frozen: the current time, ISO 8601; the clock then moves only with `advance`/`set`. */
  frozenAt: string | null;
}

/** A clock plus the internals the mock needs (state for snapshots). @internal */
export interface InternalClock extends MockClock {
  nowMs(): number;
  getState(): ClockState;
  setState(state: ClockState): void;
}

const UNIT_MS = { days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1000 } as const;

/** Milliseconds of an advance; NaN for anything that is not a number or a duration of numbers. */
function toMs(by: ClockAdvance): number {
  if (typeof by === 'number') return by;
  if (by === null || typeof by !== 'object') return Number.NaN;
  let ms = 0;
  for (const [unit, size] of Object.entries(UNIT_MS)) {
    const value = (by as Record<string, unknown>)[unit];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return Number.NaN;
    ms += value * size;
  }
  return ms;
}

/** The earliest time the clock shows: 0001-01-01T00:00:00Z (RFC 3339 years have four digits). */
const MIN_CLOCK_MS = Date.parse('0001-01-01T00:00:00Z');
/** The latest time the clock shows: 9999-12-31T23:59:59.999Z. */
const MAX_CLOCK_MS = Date.parse('9999-12-31T23:59:59.999Z');

function checkRange(ms: number, what: string): number {
  if (!Number.isFinite(ms) || ms < MIN_CLOCK_MS || ms > MAX_CLOCK_MS) {
    throw new RangeError(
      `${what} must be from year 0001 to 9999 (RFC 3339 date-times have four-digit years)`,
    );
  }
  return ms;
}

function parseTime(at: Date | string): number {
  const ms = typeof at === 'string' ? Date.parse(at) : at instanceof Date ? at.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`not a valid time: ${String(at)}`);
  return checkRange(ms, 'the time');
}

/**
 * Creates a clock starting at `start` (default: the real time). Unless `frozen`, it moves as real time
 * passes, plus whatever `advance` and `set` add. @internal
 */
export function createClock(options: {
  start?: Date | string;
  frozen?: boolean;
  onChange?: () => void;
}): InternalClock {
  const frozen = options.frozen ?? false;
  let offsetMs = 0;
  let frozenMs = Date.now();
  const startMs = options.start === undefined ? undefined : parseTime(options.start);
  if (startMs !== undefined) {
    offsetMs = startMs - Date.now();
    frozenMs = startMs;
  }
  const nowMs = () => (frozen ? frozenMs : Date.now() + offsetMs);
  const changed = () => options.onChange?.();
  return {
    nowMs,
    now: () => new Date(nowMs()),
    // Each command is checked in full, the resulting time included, before anything changes:
    // a refused command leaves the clock as it was.
    advance(by) {
      const ms = toMs(by);
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError('the clock only moves forward: advance by a finite amount >= 0');
      checkRange(nowMs() + ms, 'the clock after this advance');
      offsetMs += ms;
      frozenMs += ms;
      changed();
    },
    set(at) {
      const ms = parseTime(at);
      offsetMs = ms - Date.now();
      frozenMs = ms;
      changed();
    },
    getState: () => ({ offsetMs, frozenAt: frozen ? new Date(frozenMs).toISOString() : null }),
    setState(state) {
      if (typeof state?.offsetMs !== 'number') throw new RangeError('a clock state needs a numeric offsetMs');
      const at =
        state.frozenAt !== null
          ? parseTime(state.frozenAt)
          : checkRange(Date.now() + state.offsetMs, 'the clock');
      offsetMs = state.offsetMs;
      if (state.frozenAt !== null) frozenMs = at;
      else if (frozen) frozenMs = at;
    },
  };
}
