/**
 * Event-type severity as data: how large an abnormal move an event of this kind typically causes in the
 * stock it is about, in multiples of that stock's ordinary daily abnormal move ("normal days").
 *
 * Rules are tried in order; the first whose `type` matches and whose `match` (if any) finds the event's
 * subtype or evidence words wins. The figures are priors from the event-study literature's orders of
 * magnitude (takeover targets jump by their premium, bankruptcies and FDA rejections halve single-product
 * names, routine product news barely registers) and are meant to be replaced by calibration (DESIGN §4).
 */
import type { EventType } from "../../contract/enrichment.ts";
import type { Impact } from "../../contract/enrichment.ts";

export interface SeverityRule {
  type: EventType;
  /** Tested against `subtype + " " + evidence text`; absent = any event of the type. */
  match?: RegExp;
  /** Only when the article's main ticker is the event's target (M&A) — `true` — or its actor — `false`. */
  targetIsSubject?: boolean;
  /** Typical abnormal move, in normal days. */
  days: number;
  /** How the driver's detail names the event. */
  label: string;
  /** Which analysis templates fit (src/enrich/analyze/templates). */
  family: string;
  horizon: Impact["horizon"];
}

export const SEVERITY_RULES: readonly SeverityRule[] = [
  { type: "bankruptcy", days: 12, label: "bankruptcy filing", family: "distress", horizon: "1d" },
  { type: "merger_acquisition", match: /\b(talks|consider|explor|rumou?r|approach|weigh|bid interest)/i, days: 3, label: "takeover talks", family: "takeover_talks", horizon: "1d" },
  { type: "merger_acquisition", targetIsSubject: true, match: /premium|per share|a share|all-cash/i, days: 10, label: "takeover at a premium", family: "takeover", horizon: "1d" },
  { type: "merger_acquisition", targetIsSubject: true, days: 6, label: "takeover of the company", family: "takeover", horizon: "1d" },
  { type: "merger_acquisition", days: 2, label: "acquisition by the company", family: "acquirer", horizon: "1d" },
  { type: "regulatory_decision", match: /reject|complete response|\bcrl\b|denied|declin|refus|block|halt/i, days: 9, label: "regulatory rejection", family: "rejection", horizon: "1d" },
  { type: "regulatory_decision", match: /approv|clear|authori[sz]/i, days: 3, label: "regulatory approval", family: "approval", horizon: "1d" },
  { type: "regulatory_decision", days: 2, label: "regulatory decision", family: "regulatory", horizon: "1d" },
  { type: "investigation", match: /fraud|accounting|restat|short seller|misstat|brib|criminal/i, days: 8, label: "fraud or accounting investigation", family: "legal", horizon: "1d" },
  { type: "investigation", days: 2.5, label: "investigation", family: "legal", horizon: "1w" },
  { type: "guidance", match: /cut|lower|reduc|withdraw|slash|below/i, days: 4, label: "guidance cut", family: "guidance_cut", horizon: "1d" },
  { type: "guidance", match: /rais|lift|boost|increas|above/i, days: 2.5, label: "guidance raise", family: "guidance_raise", horizon: "1d" },
  { type: "guidance", days: 1.5, label: "guidance update", family: "guidance", horizon: "1d" },
  { type: "earnings", match: /miss|below|short|disappoint/i, days: 3, label: "earnings miss", family: "earnings_miss", horizon: "1d" },
  { type: "earnings", match: /beat|above|top|exceed/i, days: 2.5, label: "earnings beat", family: "earnings_beat", horizon: "1d" },
  { type: "earnings", days: 1.2, label: "earnings report", family: "earnings", horizon: "1d" },
  { type: "executive_change", match: /resign|oust|fired|step(s|ped)? down|depart|abrupt|exit|leave|terminat/i, days: 3, label: "abrupt executive departure", family: "leadership", horizon: "1d" },
  { type: "executive_change", days: 1.5, label: "executive change", family: "leadership", horizon: "1w" },
  { type: "dividend", match: /cut|suspend|eliminat|slash|reduc/i, days: 3, label: "dividend cut", family: "dividend_cut", horizon: "1d" },
  { type: "dividend", days: 0.8, label: "dividend change", family: "payout", horizon: "1w" },
  { type: "rate_decision", match: /cut|hike|rais|lower|unexpected|surprise/i, days: 2.5, label: "central-bank rate change", family: "rates", horizon: "intraday" },
  { type: "rate_decision", days: 1.5, label: "central-bank rate decision", family: "rates", horizon: "intraday" },
  { type: "capital_raise", days: 1.8, label: "capital raise (dilution)", family: "financing", horizon: "1d" },
  { type: "recall", days: 2, label: "product recall", family: "incident", horizon: "1w" },
  { type: "cyber_incident", days: 2, label: "cyber incident", family: "incident", horizon: "1w" },
  { type: "investment", days: 1.5, label: "strategic investment", family: "investment", horizon: "1w" },
  { type: "lawsuit", days: 1.5, label: "lawsuit", family: "legal", horizon: "1w" },
  { type: "settlement", days: 1.5, label: "legal settlement", family: "settlement", horizon: "1d" },
  { type: "rating_change", days: 1.2, label: "analyst rating change", family: "rating", horizon: "1d" },
  { type: "layoffs", days: 1.2, label: "layoffs", family: "layoffs", horizon: "1w" },
  { type: "buyback", days: 1.2, label: "share buyback", family: "payout", horizon: "1w" },
  { type: "contract", days: 1.2, label: "contract award", family: "investment", horizon: "1w" },
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
