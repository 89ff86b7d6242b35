/**
 * Progress of a long scan, on stderr: on a terminal one line redrawn in place (and erased at the
 * end); elsewhere (`--progress` into a log) a line every few seconds. Counts only: never a path
 * or content.
 */
import type { CliIO } from '../io.js';

/** Formats a byte count as MB (10⁶ bytes, as throughput figures are usually given). */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Reports scan progress, throttled. */
export class Progress {
  readonly #io: CliIO;
  readonly #inPlace: boolean;
  readonly #everyMs: number;
  readonly #started = performance.now();
  #last = this.#started;
  #drawn = false;

  constructor(io: CliIO) {
    this.#io = io;
    this.#inPlace = io.stderrIsTTY && io.stderrRaw !== undefined;
    this.#everyMs = this.#inPlace ? 100 : 2000;
  }

  /** Called after each file: redraws when enough time has passed. */
  update(files: number, bytes: number): void {
    const now = performance.now();
    if (now - this.#last < this.#everyMs) return;
    this.#last = now;
    const line = `scanning: ${files} files, ${formatMegabytes(bytes)} (${this.#rate(bytes, now)})`;
    if (this.#inPlace) {
      this.#io.stderrRaw!(`\r\x1b[2K${line}`);
      this.#drawn = true;
    } else {
      this.#io.stderr(line);
    }
  }

  /** Erases the progress line (terminal) and reports the totals. */
  done(files: number, bytes: number): void {
    if (this.#drawn) this.#io.stderrRaw!('\r\x1b[2K');
    const seconds = (performance.now() - this.#started) / 1000;
    this.#io.stderr(
      `scanned ${files} file${files === 1 ? '' : 's'}, ${formatMegabytes(bytes)} in ${seconds.toFixed(1)} s (${this.#rate(bytes, performance.now())})`,
    );
  }

  #rate(bytes: number, now: number): string {
    const seconds = Math.max((now - this.#started) / 1000, 0.001);
    return `${(bytes / 1e6 / seconds).toFixed(0)} MB/s`;
  }
}
