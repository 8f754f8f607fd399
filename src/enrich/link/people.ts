/**
 * People named in a story without being in a gazetteer: after a title ("CEO Satya Nadella", "Texas
 * Attorney General Ken Paxton"), before an appositive ("Josh D'Amaro, the head of…", "Jane Doe, 54,"),
 * or as a known given name plus a surname ("Ken Paxton said"). Later surname-only mentions ("Paxton's
 * office") count as mentions of the same person.
 */

export interface PersonMention {
  name: string;
  start: number;
  end: number;
}

const WORD = String.raw`(?:\p{Lu}['’]\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\p{Lu}\p{Ll}+)?)`;
const NAME = String.raw`${WORD}(?:\s+(?:\p{Lu}\.\s+)?${WORD}){1,2}`;
const TITLES = String.raw`CEO|CFO|COO|CTO|[Cc]hief [Ee]xecutive(?: [Oo]fficer)?|[Cc]hief [Ff]inancial [Oo]fficer|[Cc]hair(?:man|woman)?|[Cc]o-founder|[Ff]ounder|[Pp]resident|[Aa]nalyst|[Ss]pokes(?:person|man|woman)|[Aa]ttorney [Gg]eneral|[Gg]overnor|[Ss]enator|Sen\.|Rep\.|[Ss]ecretary|[Pp]rime [Mm]inister|[Mm]inister|[Cc]hancellor|[Cc]ommissioner|[Jj]udge|[Ee]conomist|[Ss]trategist|[Ii]nvestor|[Dd]irector`;
const AFTER_TITLE_RE = new RegExp(String.raw`\b(?:${TITLES})\s+(${NAME})`, "gu");
const ROLE = String.raw`(?:chief|head|president|founder|co-founder|chair|chairman|chairwoman|CEO|CFO|director|partner|analyst|managing|executive|senior|general counsel)\b`;
const APPOSITIVE_RE = new RegExp(String.raw`(${NAME}),\s+(?:\d{2},|who\b|(?:the|its|a|an|their)\s+(?:[\p{L}-]+\s+){0,2}?${ROLE}|${ROLE})`, "gu");
const FIRST_NAME_RE = new RegExp(String.raw`\b([A-Z][a-z]+)\s+(${WORD})\b`, "gu");
/** Hints that a title or appositive may name someone: without either, neither pattern is looked for. */
const TITLE_HINT_RE = new RegExp(String.raw`\b(?:${TITLES})\s+\p{Lu}`, "u");
const COMMA_HINT_RE = /[\p{Ll}\p{Lu}],\s+(?:\d{2},|who |the |its |a |an |their |chief |head |president |founder )/u;
const NOT_SURNAME = new Set(
  ("Inc Corp Group Bank Fund Capital Partners Management Street Day House Department Office Says Said Reserve Committee Court " +
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October " +
    "November December Securities Holdings Financial Technologies Motors Airlines Energy Health University College School Foundation " +
    "Times Journal Post News Street Island River Valley County City States Kingdom America").split(" "),
);

/** `\w` of a regular expression without the `i` flag: [A-Za-z0-9_]. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** `\b` at `i`. */
function boundary(text: string, i: number): boolean {
  return isWordChar(text.charCodeAt(i - 1)) !== isWordChar(text.charCodeAt(i));
}

/**
 * The matches of `/\b(s1|s2|…)\b/g` in `text`, by `indexOf`: leftmost first, the first surname
 * that matches at a place, and the search goes on after each match.
 */
function surnameMatches(text: string, surnames: string[]): { surname: string; start: number }[] {
  const hits: { surname: string; start: number; order: number }[] = [];
  surnames.forEach((surname, order) => {
    for (let i = text.indexOf(surname); i >= 0; i = text.indexOf(surname, i + 1)) {
      if (boundary(text, i) && boundary(text, i + surname.length)) hits.push({ surname, start: i, order });
    }
  });
  hits.sort((a, b) => a.start - b.start || a.order - b.order);
  const out: { surname: string; start: number }[] = [];
  let end = 0;
  for (const h of hits) {
    if (h.start < end) continue;
    out.push(h);
    end = h.start + h.surname.length;
  }
  return out;
}

/**
 * `text.matchAll(re)` with the search starting at `from` (`re` is global; matchAll copies its lastIndex).
 *
 * @example
 * [...matchAllFrom(/\d/g, "1a2b3", 2)].map((m) => m[0]) // ["2", "3"]
 */
export function matchAllFrom(re: RegExp, text: string, from: number): IterableIterator<RegExpExecArray> {
  re.lastIndex = from;
  const matches = text.matchAll(re);
  re.lastIndex = 0;
  return matches;
}

function plausible(name: string): boolean {
  const words = name.split(/\s+/);
  return !words.some((w) => NOT_SURNAME.has(w)) && !/^(?:The|A|An|In|On|At|But|And|For|As|If|When|While|Executive|Chief|Officer|President|Chairman|Director|Analyst|Senior|Vice|Managing)\b/.test(name);
}

/**
 * Finds people by title, appositive or given name; `taken` tells which offsets already belong to a
 * company, brand or gazetteer entity (those are not people).
 *
 * @example
 * findPeople("Texas Attorney General Ken Paxton sued Meta. Paxton's office said…", new Set(["ken"]), () => false)
 * // [{ name: "Ken Paxton", … }, { name: "Ken Paxton", start: 45, … }]
 */
export function findPeople(text: string, firstNames: Set<string>, taken: (start: number, end: number) => boolean): PersonMention[] {
  const found: PersonMention[] = [];
  const starts = new Set<number>();
  const add = (name: string, start: number) => {
    const n = name.replace(/\s+/g, " ");
    if (starts.has(start) || !plausible(n) || taken(start, start + name.length)) return;
    starts.add(start);
    found.push({ name: n, start, end: start + name.length });
  };
  // A name after a title starts where a title hint does: the first hint is where the search for one starts.
  const titled = TITLE_HINT_RE.exec(text)?.index ?? -1;
  if (titled >= 0 || COMMA_HINT_RE.test(text)) {
    if (titled >= 0) for (const m of matchAllFrom(AFTER_TITLE_RE, text, titled)) add(m[1]!, m.index + m[0].length - m[1]!.length);
    for (const m of text.matchAll(APPOSITIVE_RE)) add(m[1]!, m.index);
  }
  for (const m of text.matchAll(FIRST_NAME_RE)) if (firstNames.has(m[1]!.toLowerCase())) add(m[0], m.index);
  if (!found.length) return found;
  const bySurname = new Map(found.slice(0, 200).map((f) => [f.name.split(" ").pop()!, f.name]));
  found.sort((a, b) => a.start - b.start);
  const out = found.slice();
  let k = 0;
  for (const m of surnameMatches(text, [...bySurname.keys()])) {
    while (k < found.length && found[k]!.end <= m.start) k++;
    if ((k < found.length && found[k]!.start <= m.start) || taken(m.start, m.start + m.surname.length)) continue;
    out.push({ name: bySurname.get(m.surname)!, start: m.start, end: m.start + m.surname.length });
  }
  return out.sort((a, b) => a.start - b.start);
}
