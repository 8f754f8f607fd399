/**
 * Reading an NDJSON file: numbered lines (1-based) in constant memory, with the bytes read so far
 * (for progress), and the file's fingerprint (what a resumable import's checkpoint is keyed by).
 */
import fs from "node:fs";
import { createHash } from "node:crypto";
import { ImpactwireError, EXIT } from "../../core/errors.ts";

export interface Line {
  number: number;
  text: string;
  /** Bytes of the file consumed once this line is read. */
  bytes: number;
}

/**
 * The fingerprint of a file's content (sha256 of the bytes): the same file, wherever it lives,
 * resumes from its checkpoint; an edited file starts over (and is imported idempotently).
 *
 * @example
 * await fileFingerprint("articles.ndjson") // "sha256:9f…"
 */
export async function fileFingerprint(file: string): Promise<string> {
  const hash = createHash("sha256");
  try {
    for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  } catch (err) {
    throw new ImpactwireError("import", "IMPORT_UNREADABLE", `cannot read ${file}: ${(err as Error).message}`, { cause: err, exitCode: EXIT.input });
  }
  return `sha256:${hash.digest("hex")}`;
}

/**
 * Yields the lines of a file with their numbers; `\r\n` and a final line without newline are handled.
 *
 * @example
 * for await (const line of readLines("a.ndjson")) console.log(line.number, line.text);
 */
export async function* readLines(file: string): AsyncGenerator<Line> {
  let number = 0;
  let bytes = 0;
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    const buf: Buffer = rest.length ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
      const end = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
      bytes += nl + 1 - start;
      yield { number: ++number, text: buf.toString("utf8", start, end), bytes };
      start = nl + 1;
    }
    rest = buf.subarray(start);
  }
  if (rest.length) {
    bytes += rest.length;
    const end = rest[rest.length - 1] === 13 ? rest.length - 1 : rest.length;
    yield { number: ++number, text: rest.toString("utf8", 0, end), bytes };
  }
}
