/**
 * Character classes by code unit, for the hand-written scanners of normalize (the regexes they replace
 * are given beside each use). Non-ASCII classes are read once from the Unicode property regexes and
 * kept in a table; an astral code point (surrogate pair) is classified on the pair.
 */

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const LETTER_OR_DOT = /^[\p{L}.]$/u;
/** 0 = not read yet, 1 = no, 2 = yes; per code unit (BMP only). */
const letterOrNumber = new Uint8Array(65_536);
const letterOrDot = new Uint8Array(65_536);

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Length in code units (1 or 2) of the code point at `i` if it is `[\p{L}\p{N}]`, else 0.
 *
 * @example
 * letterOrNumberAt("a1", 0) // 1
 */
export function letterOrNumberAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (isHigh(c) && isLow(s.charCodeAt(i + 1))) return LETTER_OR_NUMBER.test(s.slice(i, i + 2)) ? 2 : 0;
  if (letterOrNumber[c] === 0) letterOrNumber[c] = LETTER_OR_NUMBER.test(String.fromCharCode(c)) ? 2 : 1;
  return letterOrNumber[c] === 2 ? 1 : 0;
}

/**
 * Whether the code unit at `i` matches `/[\p{L}.]/u` read alone (as `/[\p{L}.]/u.test(s[i])` does:
 * half of a surrogate pair is not a letter).
 *
 * @example
 * isLetterOrDot("U.S.", 1) // true
 */
export function isLetterOrDot(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  if (letterOrDot[c] === 0) letterOrDot[c] = LETTER_OR_DOT.test(String.fromCharCode(c)) ? 2 : 1;
  return letterOrDot[c] === 2;
}
