/**
 * Bytes → string for web pages and local files, honouring the charset the way browsers do:
 * byte-order mark first, then the HTTP `Content-Type` charset, then `<meta charset>` /
 * `<meta http-equiv="Content-Type">` in the first 4 KB, then UTF-8.
 */
import iconv from "iconv-lite";
import { ImpactwireError, EXIT } from "../../core/errors.ts";

export interface Decoded {
  text: string;
  /** The charset used, lower-case (e.g. "utf-8", "windows-1252"). */
  charset: string;
  /** Where the charset came from. */
  from: "bom" | "http" | "meta" | "default";
}

/** WHATWG: these labels all mean windows-1252 in browsers. */
const ALIASES: Record<string, string> = {
  "iso-8859-1": "windows-1252",
  latin1: "windows-1252",
  "us-ascii": "windows-1252",
  ascii: "windows-1252",
  "utf8": "utf-8",
  "unicode-1-1-utf-8": "utf-8",
};

function bomCharset(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: "utf-16be", length: 2 };
  return null;
}

/**
 * The charset named in a Content-Type header value, lower-cased, or null.
 *
 * @example
 * charsetFromContentType('text/html; charset="Shift_JIS"') // "shift_jis"
 */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? "");
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * The charset declared by `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 4 KB.
 *
 * @example
 * charsetFromMeta(Buffer.from('<meta charset="windows-1252">')) // "windows-1252"
 */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return direct ? direct[1]!.toLowerCase() : null;
}

function canonical(label: string): string | null {
  const name = ALIASES[label] ?? label;
  return iconv.encodingExists(name) ? name : null;
}

/**
 * Decodes an HTML (or text) body. With `fatal`, invalid UTF-8 is an error instead of U+FFFD.
 *
 * @example
 * decodeHtml(Buffer.from([0x63, 0x61, 0x66, 0xe9]), "text/html; charset=windows-1252").text // "café"
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null, options: { fatal?: boolean } = {}): Decoded {
  const bom = bomCharset(bytes);
  let charset: string | null = null;
  let from: Decoded["from"] = "default";
  let body = bytes;
  if (bom) {
    charset = bom.charset;
    from = "bom";
    body = bytes.subarray(bom.length);
  } else {
    const http = charsetFromContentType(contentType);
    const httpCanonical = http ? canonical(http) : null;
    if (httpCanonical) [charset, from] = [httpCanonical, "http"];
    else {
      const meta = charsetFromMeta(bytes);
      const metaCanonical = meta ? canonical(meta) : null;
      // A page cannot declare UTF-16 in ASCII-compatible bytes: browsers read it as UTF-8.
      if (metaCanonical && !metaCanonical.startsWith("utf-16")) [charset, from] = [metaCanonical, "meta"];
    }
  }
  const cs = charset ?? "utf-8";
  return { text: decodeAs(body, cs, options.fatal ?? false), charset: cs, from };
}

function decodeAs(bytes: Uint8Array, charset: string, fatal: boolean): string {
  if (charset === "utf-8") {
    try {
      return new TextDecoder("utf-8", { fatal, ignoreBOM: true }).decode(bytes);
    } catch (cause) {
      throw new ImpactwireError("extract", "INVALID_UTF8", `input is not valid UTF-8 (at or before byte ${firstInvalidUtf8(bytes)})`, {
        cause,
        exitCode: EXIT.input,
        status: 422,
      });
    }
  }
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
}

/**
 * Offset of the first byte that breaks UTF-8 (for error messages), or -1 when the bytes are valid.
 *
 * @example
 * firstInvalidUtf8(Buffer.from([0x61, 0xff])) // 1
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}
