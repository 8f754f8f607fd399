/**
 * Reading a response body: streaming decompression (gzip, deflate, br — also stacked, "gzip, br") and
 * a byte limit counted AFTER decompression, so a gzip bomb stops at the limit instead of filling memory.
 */
import { Readable, Transform, pipeline } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw, constants } from "node:zlib";
import { ImpactwireError, EXIT } from "../../core/errors.ts";

/**
 * Raised by `readBody` when the decoded body passes the limit (the caller adds the URL).
 *
 * @example
 * if (err instanceof BodyTooLarge) throw tooLarge(url, err.limit);
 */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`body larger than ${limit} bytes`);
  }
}

/** A zlib "deflate" body is sometimes sent raw (no zlib header): sniff the first byte. */
function inflateAuto(): Transform {
  const zlibOpts = { finishFlush: constants.Z_SYNC_FLUSH };
  let inner: Transform | null = null;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      if (!inner) {
        inner = (chunk[0]! & 0x0f) === 8 ? createInflate(zlibOpts) : createInflateRaw(zlibOpts);
        inner.on("data", (d: Buffer) => this.push(d));
        inner.on("error", (e) => this.destroy(e));
      }
      inner.write(chunk, cb);
    },
    flush(cb) {
      if (!inner) return cb();
      inner.once("end", () => cb());
      inner.end();
    },
    destroy(err, cb) {
      inner?.destroy();
      cb(err);
    },
  });
}

/**
 * The decoders for a Content-Encoding header, in the order they must be applied. Throws
 * FETCH_BAD_ENCODING for an unknown coding.
 *
 * @example
 * decodersFor("gzip").length // 1
 * decodersFor("identity").length // 0
 */
export function decodersFor(contentEncoding: string | null | undefined): Transform[] {
  if (!contentEncoding) return [];
  const codings = contentEncoding.split(",").map((c) => c.trim().toLowerCase()).filter((c) => c && c !== "identity");
  const zlibOpts = { finishFlush: constants.Z_SYNC_FLUSH };
  return codings.reverse().map((c) => {
    if (c === "gzip" || c === "x-gzip") return createGunzip(zlibOpts);
    if (c === "deflate") return inflateAuto();
    if (c === "br") return createBrotliDecompress();
    throw new ImpactwireError("fetch", "FETCH_BAD_ENCODING", `unsupported Content-Encoding "${c}"`, { exitCode: EXIT.fetch, status: 502 });
  });
}

/**
 * Reads `source` through `decoders`, keeping at most `maxBytes` decoded bytes; past the limit every
 * stream is destroyed (the socket closes) and BodyTooLarge is thrown.
 *
 * @example
 * const buf = await readBody(res.body, decodersFor(res.headers["content-encoding"]), 10 * 1024 * 1024);
 */
export async function readBody(source: Readable, decoders: Transform[], maxBytes: number): Promise<Buffer> {
  const streams = [source, ...decoders];
  const last: Readable =
    decoders.length === 0 ? source : (pipeline(streams as unknown as [Readable, Transform], () => {}) as unknown as Readable);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of last) {
      const buf = chunk as Buffer;
      total += buf.length;
      if (total > maxBytes) throw new BodyTooLarge(maxBytes);
      chunks.push(buf);
    }
  } catch (err) {
    for (const s of streams) {
      s.on("error", () => {});
      s.destroy();
    }
    throw err;
  }
  return Buffer.concat(chunks, total);
}
