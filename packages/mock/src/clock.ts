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

function toMs(by: ClockAdvance): number {
  if (typeof by === 'number') return by;
  return (
    (((by.days ?? 0) * 24 + (by.hours ?? 0)) * 60 + (by.minutes ?? 0)) * 60_000 + (by.seconds ?? 0) * 1000
  );
}

function parseTime(at: Date | string): number {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a valid time: ${String(at)}`);
  return ms;
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
    advance(by) {
      const ms = toMs(by);
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError('the clock only moves forward: advance by a positive amount');
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
      offsetMs = state.offsetMs;
      if (state.frozenAt !== null) frozenMs = parseTime(state.frozenAt);
      else if (frozen) frozenMs = Date.now() + state.offsetMs;
    },
  };
}
