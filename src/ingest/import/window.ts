/**
 * The look-ahead of a parallel import: lines are submitted to the workers (prepare, place, enrich)
 * at most `size` lines ahead of the line being written. Enough to keep every worker busy while the
 * writer waits for the next line in order or commits a batch; bounded, so that the documents, writes
 * and enrichments in flight stay a few MB whatever the file's size.
 */
import type { Line } from "./lines.ts";

/**
 * Lines submitted ahead of the writer by default (per import, whatever the number of workers). On 2 cores
 * (20,000 articles, three interleaved rounds): 256 → 880/s, 1,024 → 896–938/s, 3,000 → 862–870/s.
 */
export const IMPORT_WINDOW_LINES = 1024;

/**
 * A FIFO of submitted lines, refilled from the file as the writer takes them.
 *
 * @example
 * const window = new LineWindow(readLines(file), { skipThrough: 1200, submit: (l) => runner.submit(l) });
 * for (let slot = await window.next(); slot; slot = await window.next()) await write(slot);
 */
export class LineWindow<S> {
  private readonly queue: S[] = [];
  private head = 0;
  private done = false;
  /** Number and end offset (bytes) of the last line read from the file (including skipped ones). */
  lastRead = 0;
  lastReadBytes = 0;

  constructor(
    private readonly lines: AsyncIterator<Line>,
    private readonly options: { submit: (line: Line) => S; skipThrough?: number; size?: number },
  ) {}

  /** The next submitted line in order (after topping the window up), or null at the end of the file. */
  async next(): Promise<S | null> {
    await this.fill();
    if (this.head === this.queue.length) return null;
    const slot = this.queue[this.head]!;
    this.queue[this.head++] = undefined as S;
    if (this.head > 4096 && this.head * 2 > this.queue.length) this.queue.splice(0, this.head), (this.head = 0);
    return slot;
  }

  private async fill(): Promise<void> {
    const size = this.options.size ?? IMPORT_WINDOW_LINES;
    while (!this.done && this.queue.length - this.head < size) {
      const r = await this.lines.next();
      if (r.done) {
        this.done = true;
        break;
      }
      this.lastRead = r.value.number;
      this.lastReadBytes = r.value.bytes;
      if (r.value.number <= (this.options.skipThrough ?? 0)) continue;
      this.queue.push(this.options.submit(r.value));
    }
  }
}
