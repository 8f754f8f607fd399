/**
 * Bytes → text for feeds. Order of evidence: byte-order mark, then the HTTP Content-Type charset, then the
 * XML declaration's encoding, then UTF-8. A body declared (or defaulted) UTF-8 that is not valid UTF-8 is
 * read as windows-1252 — the usual real-world mistake — with a warning instead of mojibake.
 */
import iconv from "iconv-lite";
import { ImpactwireError, EXIT } from "../../core/errors.ts";

export interface Decoded {
  text: string;
  /** The encoding used, lower-case (e.g. "utf-8", "windows-1252"). */
  encoding: string;
  /** Where it came from. */
  from: "bom" | "http" | "xml" | "default" | "fallback";
  warnings: string[];
}

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0xff, 0xfe], "utf-16le"],
  [[0xfe, 0xff], "utf-16be"],
];

function bomOf(bytes: Buffer): { encoding: string; length: number } | null {
  for (const [sig, encoding] of BOMS) if (sig.every((b, i) => bytes[i] === b)) return { encoding, length: sig.length };
  return null;
}

/**
 * The charset parameter of a Content-Type header, lower-cased, or null.
 *
 * @example
 * charsetOf("application/rss+xml; charset=ISO-8859-1") // "iso-8859-1"
 */
export function charsetOf(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? "");
  return m ? m[1]!.toLowerCase() : null;
}

function xmlDeclEncoding(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 1024).toString("latin1");
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a feed body. Throws FEED_ENCODING for an encoding nobody knows.
 *
 * @example
 * decodeFeed(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss/>', "latin1"), null).encoding // "iso-8859-1"
 */
export function decodeFeed(bytes: Buffer, contentType: string | null): Decoded {
  const warnings: string[] = [];
  const bom = bomOf(bytes);
  let encoding: string;
  let from: Decoded["from"];
  let body = bytes;
  if (bom) {
    ({ encoding } = bom);
    from = "bom";
    body = bytes.subarray(bom.length);
  } else {
    const http = charsetOf(contentType);
    const xml = xmlDeclEncoding(bytes);
    encoding = http ?? xml ?? "utf-8";
    from = http ? "http" : xml ? "xml" : "default";
    if (http && xml && iconv.encodingExists(xml) && normal(http) !== normal(xml))
      warnings.push(`charset ${http} from HTTP overrides the XML declaration's ${xml}`);
  }
  if (!iconv.encodingExists(encoding)) {
    throw new ImpactwireError("feed", "FEED_ENCODING", `unknown character encoding "${encoding}" (from ${from})`, { exitCode: EXIT.input });
  }
  if (normal(encoding) === "utf8" && !isValidUtf8(body)) {
    warnings.push(`body is not valid UTF-8 (declared by ${from}); read as windows-1252`);
    return { text: iconv.decode(body, "windows-1252"), encoding: "windows-1252", from: "fallback", warnings };
  }
  return { text: iconv.decode(body, encoding), encoding, from, warnings };
}

function normal(enc: string): string {
  return enc.toLowerCase().replace(/[^a-z0-9]/g, "");
}
