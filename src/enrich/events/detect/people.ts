/**
 * People events: executive changes (appointments and departures, with who leaves and who comes) and
 * layoffs (headcount and share of the workforce).
 */
import { absolute, near, speculative, type Detector, type Draft, type SentenceCtx } from "../context.ts";

const TOP_ROLE = /\b(chief executive(?: officer)?|ceo|chief financial officer|cfo|chief operating officer|coo|chief technology officer|cto|executive chairman|chairman|chairwoman|chair(?:person)?|president|chief [a-z]+ officer|managing director)\b/i;
const APPOINT = /\b(named|names|naming|appoint(?:s|ed|ing)?|hired|hires|promoted|promotes|tapped|taps|elected|picks|picked|chose|chosen|selected|will succeed|succeeds|succeeded|to succeed|replacing|replaces|replaced|will replace|to replace|takes over as|took over as|will take over|will serve as|to serve as|named (?:an? )?interim|as (?:its |the )?new|as interim)\b/i;
const DEPART = /\b(step(?:s|ped|ping)? down|resign(?:s|ed|ing|ation)?|retir(?:e|es|ed|ing|ement)|depart(?:s|ed|ing|ure)?|ousted|fired|dismissed|exit(?:s|ed|ing)?|leav(?:e|es|ing)|left the company|will leave|to leave|quit|quits)\b/i;
const REPLACE = /\b(?:replacing|replaces|replaced|will replace|to replace|succeeding|succeeds|succeeded|will succeed|to succeed)\s+$/i;
const PERSON = /\b([A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+(?:de|van|von|di|da|del|le|la)\s+)?(?:\s+[A-Z][a-zA-Z'’-]+){1,2})\b/g;
const NOT_PERSON = /^(?:The|A|An|Chief|Executive|Officer|Financial|Operating|Board|Shares|Wall|Street|Inc|Corp|Group|Company|Monday|Tuesday|Wednesday|Thursday|Friday|New|North|South|East|West|United|Federal|European|Bank|Goldman|Morgan|JPMorgan)\b/;
const COMPANY_WORD = /\b(?:Inc|Corp|Co|Ltd|Group|Holdings|Bank|Capital|Partners|Technologies|Motors|Airlines|Grill|Pharmaceuticals|Therapeutics|Systems|Platforms|Labs|Energy|Foods|Stores)\b/;

interface Person {
  name: string;
  start: number;
  end: number;
}

function people(ctx: SentenceCtx): Person[] {
  const { span } = ctx;
  const known = ctx.parties.all.filter((p) => p.start >= span.start && p.end <= span.end);
  const linked = known.filter((p) => p.type === "person").map((p) => ({ name: p.id, start: p.start, end: p.end }));
  if (linked.length > 0) return linked;
  const out: Person[] = [];
  PERSON.lastIndex = 0;
  for (let m = PERSON.exec(ctx.text); m; m = PERSON.exec(ctx.text)) {
    const start = span.start + m.index;
    const end = start + m[1]!.length;
    if (NOT_PERSON.test(m[1]!) || COMPANY_WORD.test(m[1]!)) continue;
    if (known.some((p) => p.start < end && start < p.end)) continue;
    out.push({ name: m[1]!.replace(/[’']s$/, ""), start, end });
  }
  return out;
}

/**
 * Executive appointments and departures, with who comes in (`to`) and who leaves (`from`).
 *
 * @example
 * executiveChange(ctx("Boeing named Kelly Ortberg as its new chief executive.")) // [{ type: "executive_change", to: "Kelly Ortberg (chief executive)" }]
 */
export const executiveChange: Detector = (ctx) => {
  const t = ctx.text;
  const role = TOP_ROLE.exec(t);
  if (!role) return [];
  const appoint = APPOINT.exec(t);
  const depart = DEPART.exec(t);
  if (!appoint && !depart) return [];
  if (depart && !appoint && /^leav/i.test(depart[1]!) && !/\b(?:company|post|role|position|job|board|firm)\b/i.test(t)) return [];
  const names = people(ctx);
  const doc = ctx.doc.text;
  const at = (m: RegExpExecArray) => ctx.span.start + m.index;
  // Who leaves: the person after "replacing" / "succeeding", else the person just before a departure verb.
  let outgoing = names.find((n) => REPLACE.test(doc.slice(Math.max(ctx.span.start, n.start - 25), n.start)));
  if (!outgoing && depart) outgoing = names.filter((n) => n.end <= at(depart)).at(-1) ?? (appoint ? undefined : names[0]);
  // Who comes: the first other person after the appointment verb, else the first other person.
  const incoming = appoint ? (names.find((n) => n !== outgoing && n.start >= at(appoint)) ?? names.find((n) => n !== outgoing)) : undefined;
  const subtype = incoming && outgoing ? "succession" : appoint ? "appointment" : "departure";
  const d: Draft = {
    type: "executive_change",
    subtype,
    at: at((appoint ?? depart)!),
    figures: [],
    polarity: /ousted|fired|dismissed|abrupt|suddenly|unexpected/i.test(t) ? "negative" : "neutral",
    confidence: (names.length ? 0.82 : 0.66) * (speculative(t) ? 0.8 : 1),
    target: null,
  };
  const roleName = role[1]!.toLowerCase();
  if (subtype === "departure") d.from = outgoing ? `${outgoing.name} (${roleName})` : roleName;
  else {
    d.to = incoming ? `${incoming.name} (${roleName})` : roleName;
    if (outgoing) d.from = outgoing.name;
  }
  // The company acts, never a person.
  const company = ctx.parties.all.find((p) => p.start >= ctx.span.start && p.end <= ctx.span.end && p.type !== "person");
  if (company) d.actor = company.id;
  return [d];
};

const LAYOFF = /\b(?:lay(?:ing)? off|laid off|lays off|layoffs?|job cuts|jobs? losses|redundancies|(?:cut|cuts|cutting|eliminat(?:e|es|ed|ing)|slash(?:es|ed|ing)?|shed(?:s|ding)?|reduc(?:e|es|ed|ing)|axe[sd]?|axing)\b[^.;]{0,40}?\b(?:jobs|employees|workers|positions|roles|staff|workforce|headcount))\b/i;

/**
 * Layoffs with headcount and share of the workforce.
 *
 * @example
 * layoffs(ctx("Google will lay off 12,000 employees, about 6% of its workforce.")) // [{ type: "layoffs", figures: [headcount, workforce_percent] }]
 */
export const layoffs: Detector = (ctx) => {
  const t = ctx.text;
  const m = LAYOFF.exec(t);
  if (!m) return [];
  const text = ctx.doc.text;
  const figures: Draft["figures"] = [];
  for (const f of ctx.figures()) {
    if (f.kind === "count" && f.unit === "people") figures.push({ name: "headcount", figure: f });
    else if (f.kind === "percent" && near(text, f, /\b(?:workforce|staff|employees|headcount|jobs)\b/i, 10, 40)) figures.push({ name: "workforce_percent", figure: f });
    else if (f.kind === "money" && near(text, f, /\b(?:charges?|costs?|savings?|save)\b/i, 40, 30)) figures.push({ name: /sav/i.test(text.slice(Math.max(0, f.start - 40), f.end + 30)) ? "savings" : "charge", figure: f });
  }
  const amount = figures.find((f) => f.name === "headcount")?.figure;
  return [{ type: "layoffs", subtype: speculative(t) ? "planned" : "announced", at: absolute(ctx, m), figures, ...(amount ? { amount } : {}), polarity: "negative", confidence: amount ? 0.88 : 0.7 }];
};
