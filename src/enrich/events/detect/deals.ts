/**
 * Deals and capital: mergers and acquisitions (price, per-share price, premium), investments and
 * funding rounds, capital raises, dividends, buybacks, partnerships, contracts and product launches.
 */
import type { Figure } from "../../figures/figures.ts";
import { namesIn } from "../actors.ts";
import { absolute, largestMoney, near, speculative, type Detector, type Draft, type SentenceCtx } from "../context.ts";

const MA = /\b(?:(?:agreed to|to|will|plans to|is selling|agreed to sell) sell (?:its |a |the |their )?(?:majority|controlling|(?:[\d.]+% )?stake|unit|division|business|subsidiary|bottler|operations)|divest(?:s|ed|ing|iture)?|agreed to (?:buy|acquire|purchase|merge with|combine with|take over)|(?:will|to|plans to|would|offered to|offers to|bid to|seeks? to|moved to|moves to|deal to|agreement to|is set to|are set to) (?:buy|acquire|purchase|take over|merge with|combine with)|acquires|acquired|acquiring|buys|bought|takeover (?:of|bid for|offer for)|acquisition of|(?:merger|merge) (?:with|of|agreement)|to combine with|take[- ]private|buyout of|tender offer for|all-cash deal|all-stock deal)\b/i;
const MA_PASSIVE = /\b(?:(?:agreed to be|to be|will be|was|is being|being) (?:acquired|bought|purchased|taken private) by|sold (?:itself )?to)\b/i;
const MA_NOT = /\b(?:bought back|buys back|buy back|(?:bought|buy|buys|buying|acquired|purchased) (?:its |the |more |their )?(?:shares|stock|stakes?|bonds|debt|devices|products|homes|cars|tickets)|acquired (?:a |an )?(?:license|licence|rights|patent|customers|users)|acquiring customers|(?:warrants|options|the right|rights) to (?:buy|acquire|purchase)|(?:buy|acquire|purchase) (?:up to |about |more than )?[\d.,]+ (?:million |billion )?(?:[\w-]+ ){0,2}(?:shares|of its shares))\b/i;

function maStatus(t: string): string {
  if (/\b(?:sell|sells|selling|divest\w*)\b/i.test(t) && !/\b(?:buy|acquire)\b/i.test(t)) return "divestiture";
  if (/\b(?:completed|closes|closed|finali[sz]ed|completes)\b/i.test(t)) return "completed";
  if (/\b(?:bought|acquired|purchased)\b/i.test(t) && !/\b(?:agreed|agrees|will|to be|plans?|would)\b/i.test(t)) return "completed";
  if (/\b(?:terminated|called off|abandoned|walked away|scrapped|collapsed)\b/i.test(t)) return "terminated";
  if (/\b(?:blocked|block|sued to block)\b/i.test(t)) return "blocked";
  if (/\b(?:in talks|considering|exploring|weighing|approached|people familiar|reportedly)\b/i.test(t)) return "rumored";
  return "announced";
}

function dealFigures(ctx: SentenceCtx): { figures: Draft["figures"]; amount?: Figure } {
  const figures: Draft["figures"] = [];
  const text = ctx.doc.text;
  const deal = largestMoney(ctx.figures());
  for (const f of ctx.figures()) {
    if (f.kind === "money" && f.unit === "per_share") figures.push({ name: "price_per_share", figure: f });
    else if (f === deal) figures.push({ name: "deal_value", figure: f });
    else if (f.kind === "percent" && near(text, f, /\bpremium\b/i, 30, 20)) figures.push({ name: "premium", figure: f });
    else if (f.kind === "percent" && near(text, f, /\bstake\b/i, 20, 20)) figures.push({ name: "stake", figure: f });
  }
  // The terms often follow in the next sentences.
  if (!figures.some((f) => f.name === "price_per_share" || f.name === "premium")) {
    const next = ctx.nextFigures(2);
    const pps = next.find((f) => f.kind === "money" && f.unit === "per_share" && near(text, f, /\b(?:receive|pay|paying|offer|offering|price|cash|valu)/i, 60, 30));
    const premium = next.find((f) => f.kind === "percent" && near(text, f, /\bpremium\b/i, 30, 20));
    if (pps) figures.push({ name: "price_per_share", figure: pps });
    if (premium) figures.push({ name: "premium", figure: premium });
  }
  return deal ? { figures, amount: deal } : { figures };
}

const OBJECT = /^\s+(?:(?:the|a|an|its|rival|smaller|larger|[a-z]+(?:-[a-z]+)?\s+(?:maker|producer|company|firm|startup|group|business|developer|operator|chain|designer|distributor|exchange|provider|lender|bank|insurer))\s+){0,3}(?=[A-Z])/;

/** The party (linked, else capitalised words) that directly follows a deal verb. */
function objectAfter(ctx: SentenceCtx, from: number): string | null {
  const m = OBJECT.exec(ctx.doc.text.slice(from, ctx.span.end));
  if (!m) return null;
  const at = from + m[0].length;
  const linked = ctx.parties.all.find((p) => p.start === at && p.type !== "person");
  if (linked) return linked.id;
  const name = /^[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|&|of\b))*/.exec(ctx.doc.text.slice(at, ctx.span.end))?.[0];
  return name ? name.replace(/[’']s$/, "").replace(/[.,]+$/, "").replace(/\s+(?:Inc|Corp|Co|Ltd|LLC|plc|Plc|SA|AG|NV|Holdings)\.?$/, "") : null;
}

/**
 * Mergers and acquisitions.
 *
 * @example
 * mergerAcquisition(ctx("Chevron agreed to buy Hess for $53 billion, or $171 per share.")) // [{ type: "merger_acquisition", subtype: "announced", figures: [deal_value, price_per_share] }]
 */
export const mergerAcquisition: Detector = (ctx) => {
  const t = ctx.text;
  if (MA_NOT.test(t) && !/\bacquisition of\b/i.test(t)) return [];
  const passive = MA_PASSIVE.exec(t);
  const m = passive ?? MA.exec(t);
  if (!m) return [];
  // A bare verb ("bought", "acquires", "take over") needs a named object: "bought NBCUniversal", not
  // "devices bought during the pandemic" or "will take over on March 1".
  const bare = /^(?:acquires|acquired|acquiring|buys|bought|.* take over)$/i.test(m[0]) || /take over$/i.test(m[0]);
  // "upgraded Walmart to Buy": a rating, not a purchase.
  if (/\bto buy$/i.test(m[0]) && (/\bto Buy\b/.test(t) || /\b(?:upgrade|downgrade|rating|coverage)/i.test(t))) return [];
  if (!passive && bare && !/^\s+(?:(?:the|a|an|its|rival|smaller|larger|[a-z]+(?:-[a-z]+)?\s+(?:maker|producer|company|firm|startup|group|business|developer|operator|chain|designer))\s+){0,3}[A-Z]/.test(t.slice(m.index + m[0].length))) return [];
  // "its $43 billion acquisition of Seagen" looks back at a done deal.
  const past = !/\b(?:completed|completes|closed|closes|finali[sz]ed)\b/i.test(t) && /\b(?:its|their|the company's|last year's|earlier)\s+(?:\$[\d.,]+\s*(?:[bm]illion|bn|[bmk])?\s+)?(?:acquisition|purchase|takeover|merger|buyout)\s+of\b/i.test(t);
  const subtype = past ? "completed" : maStatus(t);
  const { figures, amount } = dealFigures(ctx);
  let confidence = 0.7 + (amount ? 0.12 : 0) + (figures.some((f) => f.name === "premium" || f.name === "price_per_share") ? 0.08 : 0);
  if (subtype === "rumored") confidence *= 0.75;
  if (past) confidence *= 0.75;
  const polarity = subtype === "terminated" || subtype === "blocked" ? "negative" : "positive";
  const d: Draft = { type: "merger_acquisition", subtype, at: absolute(ctx, m) + (passive ? m[0].length : 0), passive: passive !== null, figures, ...(amount ? { amount } : {}), polarity, confidence };
  // "agreed to buy Hess …", "acquisition of Hess Corp. … against Exxon": the target is the name right after.
  if (!passive) {
    const object = objectAfter(ctx, absolute(ctx, m) + m[0].length);
    if (object) d.target = object;
  }
  return [d];
};

/** "$50 billion Amazon investment plan": a money figure followed by its investor and an investment noun. */
const NOUN_FORM = /^\s+(?:(?:[A-Z][\w.&'’-]*\s+){0,3})(investment|commitment|stake|funding|financing|backing|capital injection|cash infusion)\b|^\s+(?:increase|expansion|boost|rise)\s+in\s+(?:(?:[A-Z][\w.&'’-]*\s+){0,3})(spending|spend|purchases|commitments?)\b/;
const FROM_INVESTOR = /^\s+from\s+(?:the\s+)?((?:[A-Z][\w.&'’-]*\s+)*(?:[A-Z][\w.&'’-]*|government|investors))/;
const VERB_FORM = /\b(invest(?:s|ed|ing)?|pour(?:s|ed|ing)?|inject(?:s|ed|ing)?|commit(?:s|ted|ting)?|pledg(?:e|es|ed|ing))\b[^.;]{0,50}?\bin(?:to)?\b/i;
const STAKE = /\b(?:took|takes|taking|bought|buys|buying|acquired|acquires|acquiring|raised|raises|boosted|increased|built|holds|sold|sells|selling|cut|trimmed)\s+(?:a|an|its|their|his|her)?\s*(?:[\d.]+%\s+|minority\s+|majority\s+|controlling\s+|small\s+|big\s+|large\s+)*stake\s+in\b/i;
const ROUND = /\b(?:raised|raises|raising|secured|secures|closed|closes|landed)\b[^.;]{0,40}?\b(?:funding|round|series [a-h]|seed|venture|financing|investment)\b|\b(?:led|leads|leading|co-led)\s+(?:a|an|the)\s+[^.;]{0,30}?\b(?:round|funding|financing)\b/i;
const VALUED_BEFORE = /\b(?:valu(?:e|ed|es|ing|ation)|worth)\b[^$\d;]{0,25}$/i;
const LED_BY = /\bled by\s+([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})/;

function investmentNouns(ctx: SentenceCtx): Draft[] {
  const out: Draft[] = [];
  const text = ctx.doc.text;
  for (const f of ctx.figures()) {
    if (f.kind !== "money" || f.unit === "per_share") continue;
    const m = NOUN_FORM.exec(text.slice(f.end, Math.min(ctx.span.end, f.end + 80)));
    if (!m) continue;
    const noun = (m[1] ?? m[2]!).toLowerCase();
    const between = m[0].slice(0, m[0].length - noun.length).replace(/^\s*(?:increase|expansion|boost|rise)\s+in\s*/, "").trim();
    // "X investment" / "X stake": X invests. "X commitment" / "increase in X spending": a customer's
    // spending commitment to X, its vendor: a contract for X.
    const spending = m[2] !== undefined || noun === "commitment";
    const namedIsActor = !spending;
    // "a $8.9 billion investment from the U.S. government": the party after "from" invests.
    const from = FROM_INVESTOR.exec(text.slice(f.end + m[0].length, ctx.span.end));
    const named = from ? from[1]!.trim() : between ? namedParty(ctx, f.end, f.end + m[0].length) : null;
    const subject = subjectOf(ctx, named);
    const d: Draft = spending
      ? { type: "contract", subtype: m[2] !== undefined ? "spending_increase" : "commitment", at: f.start, figures: [{ name: "value", figure: f }], amount: f, polarity: "positive", confidence: named ? 0.75 : 0.62 }
      : { type: "investment", subtype: noun === "stake" ? "stake" : "investment", at: f.start, figures: [{ name: "amount", figure: f }], amount: f, polarity: "positive", confidence: named ? 0.78 : 0.68 };
    d.actor = namedIsActor ? (named ?? subject) : subject;
    d.target = namedIsActor ? (named ? subject : null) : named;
    out.push(d);
  }
  return out;
}

/** The first party named in the sentence other than `other` (the subject of "X is expanding …, including …"). */
function subjectOf(ctx: SentenceCtx, other: string | null): string | null {
  const linked = ctx.parties.all.filter((x) => x.start >= ctx.span.start && x.end <= ctx.span.end);
  const list = linked.length > 0 ? linked : namesIn(ctx.doc.text, ctx.span);
  return list.find((x) => x.id !== other)?.id ?? null;
}

/** The ticker or entity whose mention lies in [from, to), else the capitalised words there. */
function namedParty(ctx: SentenceCtx, from: number, to: number): string | null {
  const p = ctx.parties.all.find((x) => x.start >= from && x.end <= to);
  if (p) return p.id;
  const words = /(?:[A-Z][\w.&'’-]*\s+){1,3}/.exec(ctx.doc.text.slice(from, to).trim() + " ");
  return words ? words[0].trim() : null;
}

/**
 * Investments: stakes, funding rounds, committed amounts.
 *
 * @example
 * investment(ctx("Microsoft will invest $10 billion in OpenAI.")) // [{ type: "investment", amount: $10 billion }]
 */
export const investment: Detector = (ctx) => {
  const t = ctx.text;
  if (!/\b(?:invest|stake|fund|financ|commit|pledg|round|backing|pour|inject|infusion)/i.test(t)) return [];
  const out = investmentNouns(ctx);
  if (out.length > 0) return out;
  const valuation = ctx.figures().find((f) => f.kind === "money" && VALUED_BEFORE.test(ctx.doc.text.slice(Math.max(0, f.start - 40), f.start)));
  const verbAt = VERB_FORM.exec(t)?.index;
  // "invest an additional $4 billion …, doubling its total to $8 billion": the amount right after the verb.
  const afterVerb = verbAt === undefined ? undefined : ctx.figures().find((f) => f.kind === "money" && f.unit !== "per_share" && f.start >= ctx.span.start + verbAt && f.start <= ctx.span.start + verbAt + 40);
  const amount = afterVerb ?? largestMoney(ctx.figures().filter((f) => f !== valuation));
  const stakePct = ctx.figures().find((f) => f.kind === "percent" && near(ctx.doc.text, f, /\bstake\b/i, 5, 25));
  const figures: Draft["figures"] = [];
  if (amount) figures.push({ name: "amount", figure: amount });
  if (stakePct) figures.push({ name: "stake", figure: stakePct });
  if (valuation) figures.push({ name: "valuation", figure: valuation });
  const v = VERB_FORM.exec(t) ?? STAKE.exec(t);
  // "keep investing in marketing" is spending, not an investment: an amount or a named investee is needed.
  // The investee must be another party than the investor ("PayPal is investing in its Venmo app" is spending).
  const inSentence = ctx.parties.all.filter((p) => p.start >= ctx.span.start && p.end <= ctx.span.end && p.type !== "person" && p.type !== "country");
  const investee = v && inSentence.some((p) => p.start >= ctx.span.start + v.index) && new Set(inSentence.map((p) => p.id)).size > 1;
  if (v && (amount || investee)) return [{ type: "investment", subtype: /stake/i.test(v[0]) ? "stake" : "investment", at: absolute(ctx, v), figures, ...(amount ? { amount } : {}), polarity: "positive", confidence: amount ? 0.8 : 0.6 }];
  if (v) return [];
  const r = ROUND.exec(t);
  if (!r) return [];
  const lead = LED_BY.exec(t);
  const leader = lead ? (ctx.parties.all.find((p) => p.start >= ctx.span.start + lead.index && p.end <= ctx.span.start + lead.index + lead[0].length)?.id ?? lead[1]!) : undefined;
  const d: Draft = { type: "investment", subtype: "funding_round", at: absolute(ctx, r), passive: true, figures, ...(amount ? { amount } : {}), polarity: "positive", confidence: amount ? 0.8 : 0.6 };
  if (leader) {
    d.actor = leader;
    d.passive = false;
    d.target = ctx.parties.all.find((p) => p.start >= ctx.span.start && p.end <= ctx.span.start + r.index)?.id ?? null;
  }
  return [d];
};

const IPO = /\b(?:initial public offering|ipo|went public|go public|goes public|direct listing|stock market debut|(?:nasdaq|nyse) debut)\b/i;
const OFFERING = /\b(?:(?:secondary|follow-on|public|share|stock|equity|debt|bond|notes|convertible(?: notes| bond)?|senior notes|at-the-market)\s+(?:offering|sale|issue)|rights issue|priced (?:an?|its) (?:offering|ipo)|(?:sold|sells|issued|issues|raised|raises|to raise)\s+(?:about |nearly |roughly )?\$[\d.,]+\s*(?:[bmk]n?|billion|million)?\s+(?:of|in|through|via|from)\s+(?:new\s+)?(?:bonds?|notes|debt|shares|stock|equity|convertible))\b/i;

/**
 * IPOs, share and debt offerings.
 *
 * @example
 * capitalRaise(ctx("Reddit priced its IPO at $34 a share, raising $748 million.")) // [{ type: "capital_raise", subtype: "ipo" }]
 */
export const capitalRaise: Detector = (ctx) => {
  const t = ctx.text;
  const m = IPO.exec(t) ?? OFFERING.exec(t);
  if (!m) return [];
  // "CloudShield, which went public three years ago" is background.
  if (/\b(?:which|that|who|since it|after it)\s+(?:went|has gone|had gone) public\b|\bwent public (?:in (?:\d{4}|\w+)|\w+ years? ago|years ago)/i.test(t)) return [];
  const kind = /ipo|public offering|went public|go public|goes public|listing|debut/i.test(m[0]) && !/secondary|follow-on/i.test(m[0]) ? "ipo" : /bond|notes|debt|convertible/i.test(m[0]) ? "debt" : "equity";
  // "raising $4.87 billion …, valuing the company at $54.5 billion": the raise, not the valuation.
  const text = ctx.doc.text;
  const money = ctx.figures().filter((f) => !VALUED_BEFORE.test(text.slice(Math.max(0, f.start - 40), f.start)));
  const amount = money.find((f) => f.kind === "money" && f.unit !== "per_share" && /\b(?:rais\w*|sold|sells|issued|offering of|proceeds of)\s+(?:about\s+|nearly\s+|roughly\s+)?$/i.test(text.slice(Math.max(0, f.start - 30), f.start))) ?? largestMoney(money);
  const figures: Draft["figures"] = amount ? [{ name: "amount", figure: amount }] : [];
  for (const f of ctx.figures()) if (f.kind === "money" && f.unit === "per_share") figures.push({ name: "offer_price", figure: f });
  return [{ type: "capital_raise", subtype: kind, at: absolute(ctx, m), figures, ...(amount ? { amount } : {}), polarity: "neutral", confidence: amount ? 0.82 : 0.65 }];
};

const DIVIDEND = /\bdividends?\b(?:\s+\w+){0,3}?\s+(?:will\s+)?(rise|rises|increase|increases|grow|grows|climb|climbs|fall|falls|drop|drops|be cut|be raised|be reduced)\b|\b(raised|raises|raising|increased|increases|boosted|hiked|lifted|cut|cuts|cutting|slashed|lowered|reduced|suspended|suspends|eliminated|scrapped|halted|declared|declares|announced|announces|initiated|initiates|reinstated|reinstates|maintained|paid|pays|approved)\b[^.;]{0,40}?\b(?:special\s+|quarterly\s+|annual\s+|interim\s+|final\s+)?dividends?\b|\b(?:dividend (?:increase|hike|cut|suspension)|special dividend)\b/i;

/**
 * Dividend declarations and changes.
 *
 * @example
 * dividend(ctx("Costco raised its quarterly dividend by 13% to $1.47 a share.")) // [{ type: "dividend", subtype: "increase" }]
 */
export const dividend: Detector = (ctx) => {
  const m = DIVIDEND.exec(ctx.text);
  if (!m) return [];
  const w = (m[1] ?? m[2] ?? m[0]).toLowerCase();
  const subtype = /special/.test(m[0].toLowerCase()) ? "special" : /rais|increas|boost|hik|lift|hike|rise|grow|climb/.test(w) ? "increase" : /cut|slash|lower|reduc|fall|drop/.test(w) ? "cut" : /suspend|eliminat|scrap|halt|suspension/.test(w) ? "suspend" : /initiat|reinstat/.test(w) ? "initiate" : "declare";
  const figures: Draft["figures"] = [];
  for (const f of ctx.figures()) {
    if (f.kind === "money" && (f.unit === "per_share" || f.value < 100)) figures.push({ name: "dividend_per_share", figure: { ...f, unit: "per_share" } });
    else if (f.kind === "percent" && near(ctx.doc.text, f, /\b(?:dividends?|payout|by)\b[^.;\d]{0,12}$/i, 30, 0)) figures.push({ name: "change", figure: f });
  }
  const amount = figures.find((f) => f.name === "dividend_per_share")?.figure;
  const polarity = subtype === "cut" || subtype === "suspend" ? "negative" : subtype === "declare" ? "neutral" : "positive";
  return [{ type: "dividend", subtype, at: absolute(ctx, m), figures, ...(amount ? { amount } : {}), polarity, confidence: amount ? 0.85 : 0.7 }];
};

/** "$15 billion share repurchase", "buy back up to $20 billion", "authorised an additional $15 billion for buybacks". */
const BUYBACK_AFTER = /^[^.;]{0,30}?\b(?:buybacks?|repurchases?|buy ?back)/i;
const BUYBACK_BEFORE = /\b(?:buybacks?|repurchases?|buy back|bought back|repurchased|authori[sz]\w*)\b[^.;$]{0,30}$/i;
const BUYBACK = /\b(?:buybacks?|share repurchases?|stock repurchases?|repurchase (?:program|plan|authori[sz]ation)|buy back|bought back|buys back|repurchased|repurchase)\b/i;

/**
 * Share repurchases.
 *
 * @example
 * buyback(ctx("Apple announced a $110 billion share repurchase program.")) // [{ type: "buyback", amount: $110 billion }]
 */
export const buyback: Detector = (ctx) => {
  const m = BUYBACK.exec(ctx.text);
  if (!m) return [];
  // The money of the programme, not the cash pile beside it.
  const text = ctx.doc.text;
  const amount = largestMoney(ctx.figures().filter((f) => {
    const after = BUYBACK_AFTER.exec(text.slice(f.end, f.end + 45));
    return (after !== null && !/\b(?:as|while|after|and|but|when)\b/i.test(after[0])) || BUYBACK_BEFORE.test(text.slice(Math.max(0, f.start - 45), f.start));
  }));
  const shares = ctx.figures().find((f) => f.kind === "count" && f.unit === "shares");
  const figures: Draft["figures"] = [];
  if (amount) figures.push({ name: "amount", figure: amount });
  if (shares) figures.push({ name: "shares", figure: shares });
  const subtype = /\b(?:suspend\w*|halt\w*|paus\w*|ended|ending|ends|on hold)\b/i.test(ctx.text) ? "suspend" : /\b(?:expand\w*|increas\w*|additional|boost\w*|rais\w*)\b/i.test(ctx.text) ? "increase" : "new";
  return [{ type: "buyback", subtype, at: absolute(ctx, m), figures, ...(amount ? { amount } : {}), polarity: subtype === "suspend" ? "negative" : "positive", confidence: amount || shares ? 0.85 : 0.65 }];
};

const PARTNERSHIP = /\b(?:exclusive (?:license|licence|licensing|agreement|partnership|cloud provider)|sole cloud provider|revenue[- ]shar(?:e|ing)(?: payments| agreement)?|partnership|partnered|partners with|partner with|partnering with|teamed up|teams up|team up|collaborat(?:ion|e|es|ed|ing) with|alliance with|strategic alliance|joint venture|distribution (?:deal|agreement|pact)|licensing (?:deal|agreement|pact)|supply (?:deal|agreement|pact)|multi-?year (?:deal|agreement|pact))\b/i;

/**
 * Partnerships, alliances, licensing and supply deals.
 *
 * @example
 * partnership(ctx("Uber and Nvidia announced a partnership to build robotaxis.")) // [{ type: "partnership", subtype: "new" }]
 */
export const partnership: Detector = (ctx) => {
  const m = PARTNERSHIP.exec(ctx.text);
  if (!m) return [];
  const amount = largestMoney(ctx.figures());
  const t = ctx.text;
  const subtype = /\b(?:restructur\w*|renegotiat\w*|reworked|revised)\b/i.test(t) ? "restructured" : /\b(?:ends?|ended|ending|terminat\w*|exits?|dissolv\w*|unwind\w*|removes?|scrap\w*)\b/i.test(t) ? "ended" : "new";
  const polarity = subtype === "new" ? "positive" : subtype === "ended" ? "negative" : "neutral";
  // A partnership's own value is rarely stated; a figure beside it usually belongs to an investment.
  const own = amount && near(ctx.doc.text, amount, /\b(?:worth|valued at|value of)\s*(?:about\s+|up to\s+)?$/i, 20, 0) ? amount : undefined;
  return [{ type: "partnership", subtype, at: absolute(ctx, m), figures: own ? [{ name: "value", figure: own }] : [], ...(own ? { amount: own } : {}), polarity, confidence: 0.7 }];
};

const CONTRACT = /\b(?:won|wins|winning|awarded|secured|secures|signed|signs|landed|lands|received|inked)\b[^.;]{0,50}?\b(?:contract|order|deal)\b|\bcontract (?:worth|valued at)\b/i;

/**
 * Customer contracts and orders.
 *
 * @example
 * contract(ctx("Palantir won a $480 million Army contract.")) // [{ type: "contract", subtype: "award" }]
 */
export const contract: Detector = (ctx) => {
  const m = CONTRACT.exec(ctx.text);
  if (!m || /\b(?:employment|labor|labour|futures) contract/i.test(ctx.text)) return [];
  const amount = largestMoney(ctx.figures());
  return [{ type: "contract", subtype: "award", at: absolute(ctx, m), figures: amount ? [{ name: "value", figure: amount }] : [], ...(amount ? { amount } : {}), polarity: "positive", confidence: amount ? 0.8 : 0.6 }];
};

const LAUNCH = /\b(?:launch(?:ed|es|ing)|unveil(?:ed|s|ing)?|introduc(?:ed|es|ing)|rolled out|rolls out|rolling out|debut(?:ed|s)?|(?:released|releases) (?:a|an|its|the|new)\b|began selling|started selling|announced (?:a |an |its )?new)\b/i;
const LAUNCH_NOT = /\b(?:launch(?:ed|es|ing)?|introduc(?:ed|es|ing)|unveil(?:ed|s|ing)?)\s+(?:an?\s+|its\s+|the\s+)?(?:\w+\s+)?(?:investigation|probe|inquiry|review|bid|offer|takeover|lawsuit|suit|offering|ipo|buyback|tender|campaign|legislation|bill|tariffs?|rules?|plan to cut)\b|\breleased (?:from|on bail|results|earnings|figures|data)\b|\b(?:report|data|figures|results|statement|minutes|payments?|funds|hostages?|prisoners?)\s+(?:\w+\s+)?(?:was|were|being|been)\s+released\b/i;

/**
 * Product launches.
 *
 * @example
 * productLaunch(ctx("Samsung unveiled a foldable phone on Wednesday.")) // [{ type: "product_launch" }]
 */
export const productLaunch: Detector = (ctx) => {
  const m = LAUNCH.exec(ctx.text);
  // Quotes ("We have introduced dozens of tools…") are claims, not launches.
  if (!m || LAUNCH_NOT.test(ctx.text) || /^["“]/.test(ctx.text)) return [];
  return [{ type: "product_launch", subtype: "launch", at: absolute(ctx, m), figures: [], polarity: "positive", confidence: speculative(ctx.text) ? 0.5 : 0.68 }];
};
