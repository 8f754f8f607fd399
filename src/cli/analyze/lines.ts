/**
 * Splits a byte stream into lines in constant memory: a line longer than `maxBytes` is not buffered
 * (its bytes are skipped up to the next newline) and is reported as too long, so one 20 GB line
 * cannot exhaust memory.
 */

export interface Line {
  /** 1-based line number. */
  n: number;
  /** The line's bytes without "\n" / "\r\n"; null when it was longer than maxBytes. */
  bytes: Buffer | null;
  /** The line's length in bytes (counted even when skipped). */
  size: number;
}

/**
 * Yields the lines of a stream of Buffers.
 *
 * @example
 * for await (const line of readLines(process.stdin, 10 * 1024 * 1024)) console.log(line.n, line.bytes?.length);
 */
export async function* readLines(stream: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let n = 0;
  const take = (chunk: Buffer, from: number, to: number): void => {
    const len = to - from;
    if (len === 0) return;
    if (size <= maxBytes && size + len <= maxBytes) parts.push(chunk.subarray(from, to));
    else parts = [];
    size += len;
  };
  const emit = (): Line => {
    n++;
    let bytes = size > maxBytes ? null : parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    if (bytes && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    const line = { n, bytes, size };
    parts = [];
    size = 0;
    return line;
  };
  for await (const raw of stream) {
    const chunk = typeof raw === "string" ? Buffer.from(raw) : raw;
    let from = 0;
    for (let nl = chunk.indexOf(0x0a, from); nl !== -1; nl = chunk.indexOf(0x0a, from)) {
      take(chunk, from, nl);
      yield emit();
      from = nl + 1;
    }
    take(chunk, from, chunk.length);
  }
  if (size > 0) yield emit();
}
