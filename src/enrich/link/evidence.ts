/**
 * Decides which candidate mentions are linked, and why. Unambiguous names link on their own;
 * word-like names (Apple, Target, Visa) need evidence — an explicit ticker, a legal suffix, another
 * unambiguous mention of the company, or corporate context in the sentence; strict names (Nasdaq, Dow)
 * need an explicit ticker, a suffix or another mention. Vetoes ("Amazon rainforest", "Harrison Ford",
 * "meta-analysis", "LinkedIn post") reject a mention whatever the evidence.
 */
import type { SecurityMaster } from "../../reference/securities/master.ts";
import type { Token } from "../../reference/securities/tokens.ts";
import type { Candidate, Scan } from "./candidates.ts";

export interface Accepted extends Candidate {
  /** Why this mention counts: "cashtag", "company name", "brand of Amazon", "corporate context"… */
  why: string;
}

/** How far (in tokens) around a mention its sentence is read for context; bounds the work on huge sentences. */
const WINDOW = 40;
const SUFFIXES = new Set(["inc", "corp", "corporation", "co", "ltd", "plc", "llc", "n.v", "ag", "sa", "se", "holdings", "incorporated", "company"]);
const KEEP_COMPOUNDS = new Set(["backed", "owned", "led", "funded", "based", "made", "designed", "built", "operated", "controlled", "branded", "sponsored", "related", "specific", "focused", "exclusive", "listed", "parent", "rival", "style", "like", "sized", "supplied"]);
const PLATFORM_USE = new Set(["post", "posts", "posted", "video", "videos", "clip", "clips", "message", "messages", "account", "accounts", "page", "pages", "channel", "channels", "profile", "profiles", "livestream", "group", "groups", "chat", "chats", "influencer", "influencers", "poll", "thread", "feed", "handle"]);
/** Platforms people post on: "on YouTube and Instagram" is where something was shared, not news about the company. */
const PLATFORMS = new Set(["youtube", "instagram", "facebook", "whatsapp", "linkedin", "threads app", "snapchat", "messenger", "twitch", "github"]);
const PLATFORM_BEFORE = new Set(["on", "via", "across", "through"]);
const COORDINATORS = new Set(["and", "&", "or", "with", "versus", "vs", "to", "from", "including", "like"]);
const BARE_CONTEXT = new Set(["shares", "stock", "stocks", "rose", "fell", "gained", "slipped", "jumped", "dropped", "climbed", "sank", "rallied", "tumbled", "up", "down", "ticker", "traded", "closed", "added", "lost"]);

function prevToken(tokens: Token[], c: Candidate): Token | undefined {
  const p = tokens[c.first - 1];
  return p && p.sentence === c.sentence ? p : undefined;
}

function veto(c: Candidate, tokens: Token[], master: SecurityMaster): string | undefined {
  const p = c.pattern;
  if (!p) return undefined;
  const prev = prevToken(tokens, c);
  const next = tokens[c.last];
  const nextSame = next && next.sentence === c.sentence ? next : undefined;
  const v = master.vetoes.get(p.key);
  if (v) {
    if (prev && v.before.has(prev.key)) return `"${prev.raw} ${c.text}"`;
    const prev2 = tokens[c.first - 2];
    if (prev && prev2 && prev2.sentence === c.sentence && v.before.has(`${prev2.key} ${prev.key}`)) return `"${prev2.raw} ${prev.raw} ${c.text}"`;
    if (nextSame && (v.after.has(nextSame.key) || v.after.has(nextSame.key.replace(/s$/, "")))) return `"${c.text} ${nextSame.raw}"`;
  }
  const single = c.last - c.first === 1;
  if (single && (p.kind === "name" || p.kind === "auto" || p.kind === "brand") && prev?.cap && master.firstNames.has(prev.key) && adjacent(prev, tokens[c.first]!)) {
    return `person name "${prev.raw} ${c.text}"`;
  }
  if (p.wordLike && prev?.cap && prev.end - prev.start === prev.raw.length && adjacent(prev, tokens[c.first]!) && !sentenceStart(tokens, c.first - 1) && !titleCase(tokens, c)) {
    return `part of a longer name "${prev.raw} ${c.text}"`;
  }
  if (p.wordLike && nextSame && (nextSame.key === "and" || nextSame.key === "or")) {
    const w1 = tokens[c.last + 1];
    const w2 = tokens[c.last + 2];
    if (w1 && w1.sentence === c.sentence && !w1.cap && !NOUN_PHRASE_OPENERS.has(w1.key) && (!w2 || w2.sentence !== c.sentence || !w2.cap)) return `common noun "${c.text} ${nextSame.raw} ${w1.raw}"`;
  }
  if ((p.wordLike || p.strict) && nextSame?.key === "-") {
    const after = tokens[c.last + 1];
    if (after && !after.cap && !KEEP_COMPOUNDS.has(after.key)) return `compound word "${c.text}-${after.raw}"`;
  }
  if (p.kind === "brand" && nextSame && PLATFORM_USE.has(nextSame.key)) return `platform use "${c.text} ${nextSame.raw}"`;
  if (PLATFORMS.has(p.key) && prev && PLATFORM_BEFORE.has(prev.key)) return `platform use "${prev.raw} ${c.text}"`;
  if (PLATFORMS.has(p.key) && prev && COORDINATORS.has(prev.key) && PLATFORM_BEFORE.has(tokens[c.first - 3]?.key ?? "") && PLATFORMS.has(tokens[c.first - 2]?.key ?? "")) return `platform use "${c.text}"`;
  return undefined;
}

/** Words after "and" that start another noun phrase about companies ("Apple and its rivals"). */
const NOUN_PHRASE_OPENERS = new Set(["its", "their", "the", "a", "an", "other", "others", "rival", "rivals", "his", "her", "partners", "peers", "several", "some", "many", "two", "three", "smaller", "larger", "big"]);

function sentenceStart(tokens: Token[], k: number): boolean {
  return k === 0 || tokens[k - 1]!.sentence !== tokens[k]!.sentence;
}

/** A headline in Title Case: capitals there say nothing about names. */
function titleCase(tokens: Token[], c: Candidate): boolean {
  let caps = 0;
  let all = 0;
  for (let k = c.first - 1; k >= Math.max(0, c.first - WINDOW) && tokens[k]!.sentence === c.sentence; k--) all++, tokens[k]!.cap && caps++;
  for (let k = c.last; k < Math.min(tokens.length, c.last + WINDOW) && tokens[k]!.sentence === c.sentence; k++) all++, tokens[k]!.cap && caps++;
  return all >= 3 && caps / all > 0.6;
}

function adjacent(a: Token, b: Token): boolean {
  return b.start - a.end <= 1;
}

function hasSuffix(c: Candidate, tokens: Token[]): boolean {
  const next = tokens[c.last];
  return !!next && next.sentence === c.sentence && next.cap && SUFFIXES.has(next.key.replace(/\.$/, ""));
}

function contextIn(c: Candidate, tokens: Token[], master: SecurityMaster, text: string): string | undefined {
  for (let k = c.first - 1; k >= Math.max(0, c.first - WINDOW) && tokens[k]!.sentence === c.sentence; k--) if (master.context.has(tokens[k]!.key)) return tokens[k]!.raw;
  for (let k = c.last; k < Math.min(tokens.length, c.last + WINDOW) && tokens[k]!.sentence === c.sentence; k++) {
    const t = tokens[k]!;
    if (master.context.has(t.key)) return t.raw;
    if (t.key === "-" && KEEP_COMPOUNDS.has(tokens[k + 1]?.key ?? "")) return `${c.text}-${tokens[k + 1]!.raw}`;
  }
  const s = tokens[c.first]!;
  // The mention's line (paragraph), if it is short: a headline or a one-line item with a dollar figure.
  const lo = Math.max(0, s.start - 400);
  const back = text.slice(lo, s.start).lastIndexOf("\n");
  if (back < 0 && lo > 0) return undefined;
  const ahead = text.slice(s.end, s.end + 400);
  const fwd = ahead.indexOf("\n");
  if (fwd < 0 && s.end + 400 < text.length) return undefined;
  const line = text.slice(lo + back + 1, fwd < 0 ? text.length : s.end + fwd);
  return line.length < 400 && /\$\d/.test(line) ? "$ figure" : undefined;
}

/** A distinct company named right beside this mention ("Amazon and Google", "Target, Walmart"). */
function coordinated(c: Candidate, tokens: Token[], firm: Map<number, string>, text: string): string | undefined {
  const before = tokens[c.first - 1];
  const after = tokens[c.last];
  const first = tokens[c.first]!;
  const last = tokens[c.last - 1]!;
  if (before && before.sentence === c.sentence) {
    const gap = text.slice(before.end, first.start).trim();
    if (firm.has(c.first - 1) && (gap === "," || gap === "/")) return firm.get(c.first - 1);
    if (COORDINATORS.has(before.key) && firm.has(c.first - 2)) return firm.get(c.first - 2);
  }
  if (after && after.sentence === c.sentence) {
    const gap = text.slice(last.end, after.start).trim();
    if (firm.has(c.last) && (gap === "," || gap === "/")) return firm.get(c.last);
    if (COORDINATORS.has(after.key) && firm.has(c.last + 1)) return firm.get(c.last + 1);
  }
  return undefined;
}

/** A one-word name of a small company stands apart from other capitalised words (not inside a longer name). */
function tailOk(c: Candidate, tokens: Token[]): boolean {
  const prev = prevToken(tokens, c);
  const next = tokens[c.last];
  if (prev?.cap) return false;
  const nextSame = next && next.sentence === c.sentence ? next : undefined;
  if (!prev && !nextSame) return false;
  return !(nextSame && nextSame.cap);
}

/** The sentence is written in capitals (a shouted headline): upper-case words there are not tickers. */
function shouting(tokens: Token[], c: Candidate): boolean {
  let upper = 0;
  let all = 0;
  for (let k = c.first - 1; k >= Math.max(0, c.first - WINDOW) && tokens[k]!.sentence === c.sentence; k--) all++, tokens[k]!.upper && upper++;
  for (let k = c.last; k < Math.min(tokens.length, c.last + WINDOW) && tokens[k]!.sentence === c.sentence; k++) all++, tokens[k]!.upper && upper++;
  return all >= 3 && upper / all > 0.5;
}

function bareOk(c: Candidate, tokens: Token[]): boolean {
  const prev = prevToken(tokens, c);
  const next = tokens[c.last];
  return (!!next && next.sentence === c.sentence && BARE_CONTEXT.has(next.key)) || (!!prev && (prev.key === "of" || BARE_CONTEXT.has(prev.key)));
}

function whyAlias(c: Candidate): string {
  const p = c.pattern!;
  const owner = p.security?.name ?? "";
  if (p.kind === "brand") return `brand/subsidiary of ${owner}`;
  if (p.kind === "former") return `former name of ${owner}`;
  if (p.kind === "person") return `executive of ${owner}`;
  return "company name";
}

/**
 * Keeps the candidates that count as mentions, each with the evidence that made it count.
 *
 * @example
 * const linked = decide(scan(doc, master), master, doc.text);
 * linked.map((a) => `${a.text}: ${a.why}`) // ["Amazon: company name (corroborated by AWS)", …]
 */
export function decide(s: Scan, master: SecurityMaster, text: string): Accepted[] {
  const { tokens, candidates } = s;
  const vetoed = new Set<Candidate>();
  const strong = new Map<string, string>();
  for (const c of candidates) {
    if (c.pattern && veto(c, tokens, master)) vetoed.add(c);
    else if (c.security && c.form !== "bare" && c.form !== "alias") strong.set(c.security.symbol, c.text);
    else if (c.security && c.pattern && !c.pattern.wordLike && !c.pattern.strict && !c.pattern.tail) strong.set(c.security.symbol, c.text);
    else if (c.security && c.pattern && hasSuffix(c, tokens)) strong.set(c.security.symbol, `${c.text} ${tokens[c.last]!.raw}`);
  }
  const firm = new Map<number, string>();
  for (const c of candidates) {
    const p = c.pattern;
    if (c.security && p && !vetoed.has(c) && !p.wordLike && !p.strict && !p.tail && p.kind !== "person") for (let k = c.first; k < c.last; k++) firm.set(k, c.text);
  }
  const senseVetoed = new Set<string>();
  for (const c of vetoed) if (c.pattern && master.vetoes.has(c.pattern.key)) senseVetoed.add(c.pattern.key);
  const out: Accepted[] = [];
  const accept = (c: Candidate, why: string) => {
    (c as Accepted).why = why;
    out.push(c as Accepted);
  };
  const viaContext = new Set<string>();
  const pending: Candidate[] = [];
  let ctx: string | undefined;
  for (const c of candidates) {
    if (vetoed.has(c)) continue;
    const sym = c.security?.symbol;
    if (!c.pattern) {
      if (c.form !== "bare") accept(c, c.form === "cashtag" ? "cashtag" : c.form === "exchange" ? "exchange-prefixed ticker" : "ticker in parentheses after the name");
      else if (sym && strong.has(sym)) accept(c, `ticker, with "${strong.get(sym)}" in the text`);
      else if (c.security && (c.security.sp500 || c.security.curated) && c.text.length >= 3 && (bareOk(c, tokens) || (c.text.length >= 4 && !shouting(tokens, c)))) accept(c, bareOk(c, tokens) ? "ticker in market context" : "ticker of a listed company");
      continue;
    }
    const p = c.pattern;
    if (!c.security) accept(c, "entity");
    else if (!p.wordLike && !p.strict && !p.tail) accept(c, whyAlias(c));
    else if (hasSuffix(c, tokens)) accept(c, `${whyAlias(c)} with legal suffix`);
    else if (sym && strong.has(sym) && strong.get(sym) !== c.text) accept(c, `${whyAlias(c)}, corroborated by "${strong.get(sym)}"`);
    else if ((p.wordLike || p.tail) && coordinated(c, tokens, firm, text)) accept(c, `${whyAlias(c)}, named alongside "${coordinated(c, tokens, firm, text)}"`);
    else if (p.tail && tailOk(c, tokens) && (ctx = contextIn(c, tokens, master, text))) {
      accept(c, `company name in corporate context ("${ctx}")`);
      viaContext.add(sym!);
    }
    else if (p.wordLike && !senseVetoed.has(p.key) && (ctx = contextIn(c, tokens, master, text))) {
      accept(c, `${whyAlias(c)} in corporate context ("${ctx}")`);
      viaContext.add(sym!);
    } else pending.push(c);
  }
  if (!viaContext.size) return out;
  for (const c of pending) {
    if ((c.pattern!.wordLike || c.pattern!.tail) && viaContext.has(c.security!.symbol)) accept(c, `${whyAlias(c)}, same company named in context elsewhere`);
  }
  return out.sort((a, b) => a.start - b.start);
}
