/**
 * Legal, regulatory and incident events: lawsuits and verdicts, settlements, investigations,
 * regulatory decisions (FDA approvals and rejections, antitrust clearances and blocks), bankruptcies,
 * recalls, cyber incidents and outages.
 */
import { canonicalBody, nameBefore } from "../actors.ts";
import { absolute, largestMoney, near, speculative, type Detector, type Draft } from "../context.ts";

const SETTLE = /\b(?:agreed to pay|will pay|to pay|settled|settles|settling|settle|settlement|to resolve (?:claims|allegations|charges|a lawsuit|the lawsuit))\b/i;
const LAWSUIT = /\b(?:ordered to pay|sued|sues|suing|filed (?:a |an )?(?:lawsuit|suit|complaint|class[- ]action)|lawsuits?|class[- ]action|antitrust suit|patent (?:infringement )?suit|brought (?:a )?suit|indicted|charged (?:with|by)|jury (?:ordered|found|awarded)|verdict|ruled against)\b/i;
const AGAINST = /\bagainst\b/i;

/**
 * Lawsuits, indictments and verdicts.
 *
 * @example
 * lawsuit(ctx("Epic Games sued Apple over its App Store fees.")) // [{ type: "lawsuit", subtype: "filed" }]
 */
export const lawsuit: Detector = (ctx) => {
  const t = ctx.text;
  const m = LAWSUIT.exec(t);
  const ordered = /\bordered to pay\b/i.test(t);
  if (!m || (SETTLE.test(t) && !ordered)) return [];
  const w = m[0].toLowerCase();
  const subtype = ordered || /jury|verdict|ruled/.test(w) ? "verdict" : /indicted|charged/.test(w) ? "criminal" : /class/.test(w) ? "class_action" : "filed";
  // Only money the case is about (damages, penalties, an award), not the defendant's revenue.
  const amount = largestMoney(ctx.figures().filter((f) => near(ctx.doc.text, f, /\b(?:seek\w*|damages|penalt\w*|fines?|award\w*|verdict|judgment|pay|restitution|lawsuit|suit|claims?)\b/i, 50, 30)));
  const figures: Draft["figures"] = amount ? [{ name: /seek|damages/i.test(t) && subtype !== "verdict" ? "damages_sought" : "amount", figure: amount }] : [];
  // "X sued Y": X acts. "a lawsuit against Y": Y is the target. "Y was sued by X": passive.
  // "Y was sued by X", "a lawsuit from X", and "Y ordered to pay": the party named first is the defendant.
  const passive = ordered || (/\b(?:was|were|is|been|being) (?:sued|charged|indicted)\b/i.test(t) && /\bby\b/i.test(t)) || /\b(?:lawsuit|suit|complaint|case)\s+(?:from|by|brought by|filed by)\b/i.test(t);
  const against = AGAINST.exec(t);
  const at = against && against.index > m.index ? absolute(ctx, against) : absolute(ctx, m) + (passive ? m[0].length : 0);
  const d: Draft = { type: "lawsuit", subtype, at, passive, figures, ...(amount ? { amount } : {}), polarity: "negative", confidence: (amount ? 0.82 : 0.7) * (speculative(t) ? 0.8 : 1) };
  // A verdict, an appeal or "faces lawsuits": the company named is the defendant; who sued is not said.
  const plaintiffNamed = /\b(?:lawsuit|suit|complaint|case)\s+(?:from|by|brought by|filed by)\b/i.test(t);
  if (!plaintiffNamed && (subtype === "verdict" || (!/^su(?:ed|es|ing)$/i.test(m[0]) && /\b(?:faces?|facing|appeal\w*|defend\w*|accused|alleging)\b/i.test(t)))) {
    d.actor = null;
    d.passive = false;
    const company = ctx.parties.all.find((p) => p.start >= ctx.span.start && p.end <= ctx.span.end && p.type !== "person" && p.type !== "regulator" && p.type !== "government");
    if (company) d.target = company.id;
  } else if (!passive && /^su(?:ed|es|ing)$/i.test(m[0])) {
    // "Texas Attorney General Ken Paxton sued Meta": the plaintiff may be a person or an unlinked name.
    const plaintiff = nameBefore(ctx.doc, ctx.parties, ctx.span, absolute(ctx, m));
    if (plaintiff) d.actor = plaintiff;
  }
  return [d];
};


/**
 * Settlements of lawsuits and regulatory cases.
 *
 * @example
 * settlement(ctx("Boeing agreed to pay $200 million to settle SEC charges.")) // [{ type: "settlement", subtype: "regulatory" }]
 */
export const settlement: Detector = (ctx) => {
  const t = ctx.text;
  const m = SETTLE.exec(t);
  // "ordered to pay" by a court is a verdict (see lawsuit), not a settlement.
  if (!m || /\bordered to pay\b/i.test(t)) return [];
  if (/\bpay\b/i.test(m[0]) && !/\b(?:settle|resolve|claims|allegations|charges|penalt|fine|lawsuit|suit|case)/i.test(t)) return [];
  const amount = largestMoney(ctx.figures());
  return [{ type: "settlement", subtype: /\b(?:sec|ftc|doj|regulator|commission|department|authority|penalt|fine)/i.test(t) ? "regulatory" : "civil", at: absolute(ctx, m), figures: amount ? [{ name: "amount", figure: amount }] : [], ...(amount ? { amount } : {}), polarity: "negative", confidence: amount ? 0.85 : 0.65 }];
};

const INVESTIGATION = /\b(?:investigat(?:ion|ions|ing|es|ed)|probe|probes|probing|subpoena(?:ed|s)?|inquiry|raided|opened an? (?:inquiry|investigation|probe))\b/i;

/**
 * Investigations by regulators or prosecutors.
 *
 * @example
 * investigation(ctx("The SEC opened an investigation into the trading firm.")) // [{ type: "investigation", actor: "Securities and Exchange Commission" }]
 */
export const investigation: Detector = (ctx) => {
  const t = ctx.text;
  const m = INVESTIGATION.exec(t);
  if (!m || /\b(?:internal|independent) (?:review|investigation)\b/i.test(t) && !/\b(?:sec|doj|ftc|regulator)/i.test(t)) return [];
  const who = /\b(SEC|Securities and Exchange Commission|DOJ|Justice Department|Department of Justice|FTC|Federal Trade Commission|European Commission|CMA|FCA|prosecutors|regulators|attorneys? general)\b/.exec(t);
  const d: Draft = { type: "investigation", subtype: /subpoena/i.test(m[0]) ? "subpoena" : /clos|end|drop/i.test(t) && /\b(?:closed|ended|dropped)\b/i.test(t) ? "closed" : "opened", at: absolute(ctx, m), figures: [], polarity: "negative", confidence: who ? 0.8 : 0.6 };
  if (who) d.actor = canonicalBody(who[1]!, ctx.parties, ctx.span.start + who.index);
  if (d.subtype === "closed") d.polarity = "positive";
  return [d];
};

const REGULATOR = String.raw`FDA|Food and Drug Administration|EMA|European Medicines Agency|European Commission|EU|FTC|Federal Trade Commission|DOJ|Justice Department|FCC|CMA|Competition and Markets Authority|SEC|regulators?|antitrust (?:authorities|regulators|enforcers)|CFIUS|Health Canada|MHRA|NHTSA|FAA|Treasury`;
const REG_DECISION = new RegExp(String.raw`\b(${REGULATOR})\b[^.;]{0,80}?\b(approved|approves|approval|cleared|clears|granted|grants|authori[sz]ed|authori[sz]es|rejected|rejects|declined to approve|blocked|blocks|sued to block|denied|denies|complete response letter|fined|fines)\b`, "i");
const REG_PASSIVE = new RegExp(String.raw`\b(won|wins|received|receives|secured|secures|gained|gains|obtained|got|awaits|failed to win|failed to get|was denied)\s+(?:(?:an?|the|its|full|conditional|accelerated|regulatory|U\.S\.|US|EU|European|(${REGULATOR}))\s+){0,3}?(approval|clearance|authori[sz]ation|complete response letter)\b(?:[^.;]{0,40}?\b(${REGULATOR})\b)?`, "i");

/**
 * Regulatory decisions: approvals, rejections, blocks, fines.
 *
 * @example
 * regulatoryDecision(ctx("Eli Lilly won FDA approval for its drug.")) // [{ type: "regulatory_decision", subtype: "approval" }]
 */
export const regulatoryDecision: Detector = (ctx) => {
  const t = ctx.text;
  const p = REG_PASSIVE.exec(t);
  const a = p ? null : REG_DECISION.exec(t);
  if (!a && !p) return [];
  const word = (a ? a[2]! : `${p![1]} ${p![3]}`).toLowerCase();
  const negative = /reject|declined|block|denied|denies|complete response|fine|failed|was denied/.test(word);
  const pending = /awaits/.test(word);
  const subtype = /fine/.test(word) ? "fine" : /block/.test(word) ? "block" : negative ? "rejection" : pending ? "pending" : "approval";
  const named = a ? a[1] : (p![2] ?? p![4]);
  const regulator = named ? canonicalBody(named, ctx.parties, ctx.span.start + t.indexOf(named)) : /\bFDA\b/.test(t) ? canonicalBody("FDA") : undefined;
  const amount = subtype === "fine" ? largestMoney(ctx.figures()) : undefined;
  const d: Draft = { type: "regulatory_decision", subtype, at: absolute(ctx, (a ?? p)!), figures: amount ? [{ name: "fine", figure: amount }] : [], ...(amount ? { amount } : {}), polarity: pending ? "neutral" : negative ? "negative" : "positive", confidence: regulator ? 0.85 : 0.65 };
  // A generic "regulator" is named by the words before it ("Britain's competition regulator").
  if (a && regulator && /^regulators?$/i.test(regulator)) {
    const lead = t.slice(0, a.index + a[1]!.length);
    d.actor = lead.split(/\s+/).length <= 4 ? lead : regulator;
    d.at = absolute(ctx, a) + a[0].length;
  } else if (a && regulator) {
    d.actor = regulator;
    d.at = absolute(ctx, a) + a[0].length;
  } else if (p) {
    // "Moderna won FDA approval": the regulator acts; the company, named before the trigger, is the target.
    if (regulator) d.actor = regulator;
    d.at = absolute(ctx, p);
    d.passive = true;
  }
  return [d];
};

const BANKRUPTCY = /\b(?:filed for (?:chapter (?:11|7|15) )?(?:bankruptcy|insolvency)|files for (?:chapter (?:11|7|15) )?bankruptcy|(?:filing|file) for (?:chapter (?:11|7|15) )?bankruptcy|chapter (?:11|7|15)|bankruptcy (?:protection|filing|proceedings)|insolvency proceedings|entered administration|into administration|went bankrupt|declared bankruptcy|emerged from bankruptcy|missed (?:a |an )?(?:interest |coupon |bond )?payment|defaulted on)\b/i;

/**
 * Bankruptcy filings, defaults and exits from bankruptcy.
 *
 * @example
 * bankruptcy(ctx("WeWork filed for Chapter 11 bankruptcy protection.")) // [{ type: "bankruptcy", subtype: "filed" }]
 */
export const bankruptcy: Detector = (ctx) => {
  const t = ctx.text;
  const m = BANKRUPTCY.exec(t);
  if (!m) return [];
  const w = m[0].toLowerCase();
  const subtype = /emerged/.test(w) ? "emerged" : /missed|default/.test(w) ? "default" : speculative(t) || /\b(?:preparing|prepares|plans|warned)\b/i.test(t) ? "warning" : "filed";
  const amount = largestMoney(ctx.figures());
  const figures: Draft["figures"] = amount ? [{ name: /liabilit|debt|owes/i.test(t) ? "liabilities" : "amount", figure: amount }] : [];
  return [{ type: "bankruptcy", subtype, at: absolute(ctx, m), figures, ...(amount ? { amount } : {}), polarity: subtype === "emerged" ? "positive" : "negative", confidence: subtype === "warning" ? 0.6 : 0.88 }];
};

const RECALL = /\brecall(?:s|ed|ing)?\b/i;

/**
 * Product recalls.
 *
 * @example
 * recall(ctx("Tesla is recalling 2 million vehicles.")) // [{ type: "recall", amount: 2,000,000 vehicles }]
 */
export const recall: Detector = (ctx) => {
  const m = RECALL.exec(ctx.text);
  if (!m || /\b(?:recalled that|recalls that|to recall|I recall|he recalled|she recalled)\b/i.test(ctx.text)) return [];
  const count = ctx.figures().find((f) => f.kind === "count");
  return [{ type: "recall", subtype: "product", at: absolute(ctx, m), figures: count ? [{ name: "units", figure: count }] : [], ...(count ? { amount: count } : {}), polarity: "negative", confidence: count ? 0.85 : 0.65 }];
};

const CYBER = /\b(?:cyber-?attacks?|cyber attacks?|data breach(?:es)?|ransomware|hack(?:ed|ers|ing)?|breach(?:ed)? (?:of )?(?:its |their )?(?:systems?|networks?|servers?)|malware|stolen data|leaked data)\b/i;

/**
 * Hacks, breaches and ransomware.
 *
 * @example
 * cyberIncident(ctx("A ransomware attack hit Change Healthcare.")) // [{ type: "cyber_incident", subtype: "ransomware" }]
 */
export const cyberIncident: Detector = (ctx) => {
  const m = CYBER.exec(ctx.text);
  if (!m) return [];
  const count = ctx.figures().find((f) => f.kind === "count");
  return [{ type: "cyber_incident", subtype: /ransomware/i.test(ctx.text) ? "ransomware" : /breach|stolen|leak/i.test(ctx.text) ? "breach" : "attack", at: absolute(ctx, m), figures: count ? [{ name: "affected", figure: count }] : [], polarity: "negative", confidence: 0.78 }];
};

const OUTAGE = /\b(?:outages?|went down|went offline|service disruptions?|were down|was down|knocked (?:\w+ )?offline)\b/i;

/**
 * Service outages.
 *
 * @example
 * outage(ctx("A global outage hit Microsoft's cloud services.")) // [{ type: "outage" }]
 */
export const outage: Detector = (ctx) => {
  const m = OUTAGE.exec(ctx.text);
  // A power cut in a storm is not a company's service outage.
  if (!m || (/\b(?:power|electricity|utility|blackout|storm)\b/i.test(ctx.text) && !/\b(?:cloud|services?|website|app|network|platform|systems)\b/i.test(ctx.text))) return [];
  return [{ type: "outage", subtype: "service", at: absolute(ctx, m), figures: [], polarity: "negative", confidence: 0.72 }];
};
