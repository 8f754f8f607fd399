/**
 * Event-type severity as data: how large an abnormal move an event of this kind typically causes in the
 * stock it is about, in multiples of that stock's ordinary daily abnormal move ("normal days").
 *
 * Rules are tried in order; the first whose `type` matches and whose conditions hold wins: `subtype`
 * is tested on the event's subtype (set by the events stage: "beat", "cut", "rejection", "rumored"…),
 * `words` on its evidence sentence, `polarity` on its polarity, `targetIsSubject` on whether the
 * event's target is a central linked ticker. The figures are priors from the event-study literature's
 * orders of magnitude (takeover targets jump by their premium, bankruptcies and FDA rejections halve
 * single-product names, routine product news barely registers), to be replaced by calibration (DESIGN §4).
 */
import type { EventType, Impact } from "../../contract/enrichment.ts";

export interface SeverityRule {
  type: EventType;
  subtype?: RegExp;
  words?: RegExp;
  polarity?: "positive" | "negative" | "neutral";
  /** Only when the event's target is a linked ticker central to the article (relevance ≥ 0.3). */
  targetIsSubject?: boolean;
  /** Typical abnormal move, in normal days. */
  days: number;
  /** How the driver's detail names the event. */
  label: string;
  /** Which analysis templates fit (src/enrich/analyze/templates*). */
  family: string;
  horizon: Impact["horizon"];
}

export const SEVERITY_RULES: readonly SeverityRule[] = [
  { type: "bankruptcy", subtype: /emerg/, days: 2, label: "emergence from bankruptcy", family: "distress", horizon: "1d" },
  { type: "bankruptcy", subtype: /warn/, days: 5, label: "bankruptcy warning", family: "distress", horizon: "1d" },
  { type: "bankruptcy", days: 12, label: "bankruptcy filing", family: "distress", horizon: "1d" },
  { type: "merger_acquisition", subtype: /terminat|block/, days: 4, label: "deal collapse", family: "takeover", horizon: "1d" },
  { type: "merger_acquisition", subtype: /rumou?r|talks/, days: 3, label: "takeover talks", family: "takeover_talks", horizon: "1d" },
  { type: "merger_acquisition", subtype: /complet/, days: 0.3, label: "deal completion", family: "acquirer", horizon: "1w" },
  { type: "merger_acquisition", words: /\b(talks|consider|explor|rumou?r|approach|weigh)/i, days: 3, label: "takeover talks", family: "takeover_talks", horizon: "1d" },
  { type: "merger_acquisition", targetIsSubject: true, words: /premium|per share|a share|all-cash|in cash/i, days: 10, label: "takeover at a premium", family: "takeover", horizon: "1d" },
  { type: "merger_acquisition", targetIsSubject: true, days: 6, label: "takeover of the company", family: "takeover", horizon: "1d" },
  { type: "merger_acquisition", days: 2, label: "acquisition by the company", family: "acquirer", horizon: "1d" },
  { type: "regulatory_decision", subtype: /reject|block|denied/, days: 9, label: "regulatory rejection", family: "rejection", horizon: "1d" },
  { type: "regulatory_decision", subtype: /fine/, days: 2, label: "regulatory fine", family: "settlement", horizon: "1d" },
  { type: "regulatory_decision", subtype: /pending/, days: 0.8, label: "pending regulatory review", family: "regulatory", horizon: "1w" },
  { type: "regulatory_decision", subtype: /approv|clear/, days: 3, label: "regulatory approval", family: "approval", horizon: "1d" },
  { type: "regulatory_decision", words: /reject|complete response|denied|declin|refus/i, days: 9, label: "regulatory rejection", family: "rejection", horizon: "1d" },
  { type: "regulatory_decision", days: 2, label: "regulatory decision", family: "regulatory", horizon: "1d" },
  { type: "investigation", subtype: /clos/, days: 1.5, label: "investigation closed", family: "legal", horizon: "1d" },
  { type: "investigation", words: /fraud|accounting|restat|short seller|misstat|brib|criminal/i, days: 5, label: "fraud or criminal investigation", family: "legal", horizon: "1d" },
  { type: "investigation", days: 2.5, label: "investigation", family: "legal", horizon: "1w" },
  { type: "guidance", subtype: /cut|withdraw|lower/, days: 4, label: "guidance cut", family: "guidance_cut", horizon: "1d" },
  { type: "guidance", subtype: /rais/, days: 2.5, label: "guidance raise", family: "guidance_raise", horizon: "1d" },
  { type: "guidance", subtype: /reaffirm|maintain/, days: 0.8, label: "guidance reaffirmed", family: "guidance", horizon: "1d" },
  { type: "guidance", days: 1.5, label: "guidance update", family: "guidance", horizon: "1d" },
  { type: "earnings", subtype: /miss/, days: 3, label: "earnings miss", family: "earnings_miss", horizon: "1d" },
  { type: "earnings", subtype: /beat/, days: 2.5, label: "earnings beat", family: "earnings_beat", horizon: "1d" },
  { type: "earnings", days: 1.2, label: "earnings report", family: "earnings", horizon: "1d" },
  { type: "executive_change", polarity: "negative", days: 3, label: "abrupt executive departure", family: "leadership", horizon: "1d" },
  { type: "executive_change", words: /abrupt|immediate effect|effective immediately|ousted|fired|unexpected/i, days: 3, label: "abrupt executive departure", family: "leadership", horizon: "1d" },
  { type: "executive_change", words: /\binterim\b|\bacting (?:chief|ceo|head)/i, days: 2.5, label: "unplanned succession (interim leader)", family: "leadership", horizon: "1d" },
  { type: "executive_change", subtype: /depart/, days: 2, label: "executive departure", family: "leadership", horizon: "1d" },
  { type: "executive_change", days: 1.2, label: "planned executive change", family: "leadership", horizon: "1w" },
  { type: "dividend", subtype: /cut|suspend/, days: 3, label: "dividend cut", family: "dividend_cut", horizon: "1d" },
  { type: "dividend", subtype: /declare/, days: 0.3, label: "regular dividend", family: "payout", horizon: "1w" },
  { type: "dividend", days: 0.8, label: "dividend increase", family: "payout", horizon: "1w" },
  { type: "buyback", subtype: /suspend/, days: 1.5, label: "buyback suspended", family: "dividend_cut", horizon: "1d" },
  { type: "buyback", days: 1.2, label: "share buyback", family: "payout", horizon: "1w" },
  { type: "rate_decision", subtype: /cut|hike/, days: 2.5, label: "central-bank rate change", family: "rates", horizon: "intraday" },
  { type: "rate_decision", days: 1.5, label: "central-bank rate decision", family: "rates", horizon: "intraday" },
  { type: "capital_raise", days: 1.8, label: "capital raise (dilution)", family: "financing", horizon: "1d" },
  { type: "recall", days: 1.5, label: "product recall", family: "incident", horizon: "1w" },
  { type: "cyber_incident", days: 2, label: "cyber incident", family: "incident", horizon: "1w" },
  { type: "investment", days: 1.5, label: "strategic investment", family: "investment", horizon: "1w" },
  { type: "lawsuit", subtype: /verdict|criminal/, days: 3, label: "verdict or criminal charge", family: "legal", horizon: "1d" },
  { type: "lawsuit", days: 1.2, label: "lawsuit", family: "legal", horizon: "1w" },
  { type: "settlement", days: 1.2, label: "legal settlement", family: "settlement", horizon: "1d" },
  { type: "rating_change", subtype: /upgrade|downgrade/, days: 1.2, label: "analyst rating change", family: "rating", horizon: "1d" },
  { type: "rating_change", days: 0.5, label: "analyst rating reiterated", family: "rating", horizon: "1d" },
  { type: "layoffs", days: 1.2, label: "layoffs", family: "layoffs", horizon: "1w" },
  { type: "contract", subtype: /award/, days: 1.2, label: "contract award", family: "contract", horizon: "1w" },
  { type: "contract", days: 1.2, label: "contract or commitment", family: "investment", horizon: "1w" },
  { type: "macro_data", days: 1.2, label: "macro data release", family: "macro", horizon: "intraday" },
  { type: "outage", days: 1, label: "service outage", family: "incident", horizon: "1d" },
  { type: "partnership", days: 1, label: "partnership", family: "investment", horizon: "1w" },
  { type: "price_target", days: 0.6, label: "price-target change", family: "rating", horizon: "1d" },
  { type: "product_launch", days: 0.5, label: "routine product news", family: "launch", horizon: "1w" },
];

/** Event types that move the whole market rather than one company (no ticker needed to matter). */
export const MARKET_WIDE: ReadonlySet<EventType> = new Set(["rate_decision", "macro_data"]);

/** When an article has linked tickers but no recognised event: ordinary company news. */
export const NO_EVENT_DAYS = 0.4;
/** When an article has neither a ticker nor a market-wide event. */
export const NOTHING_DAYS = 0.1;
