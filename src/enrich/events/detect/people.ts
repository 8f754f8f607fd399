/**
 * People events: executive changes (appointments and departures, with who leaves and who comes) and
 * layoffs (headcount and share of the workforce).
 */
import { absolute, near, speculative, type Detector, type Draft } from "../context.ts";

const ROLE = /\b(chief executive(?: officer)?|ceo|chief financial officer|cfo|chief operating officer|coo|chief technology officer|cto|president|chairman|chairwoman|chair(?:person)?|chief [a-z]+ officer|head of [A-Z][\w ]+|managing director|executive chairman)\b/i;
const APPOINT = /\b(named|names|naming|appoint(?:s|ed|ing)?|hired|hires|hiring|promoted|promotes|tapped|taps|elected|picks|picked|chose|chosen|selected|will succeed|succeeds|succeeded|to succeed|replaces|replaced|will replace|to replace|takes over as|took over as|will take over|as (?:its |the )?new)\b/i;
const DEPART = /\b(step(?:s|ped|ping)? down|resign(?:s|ed|ing|ation)?|retir(?:e|es|ed|ing|ement)|depart(?:s|ed|ing|ure)?|ousted|fired|dismissed|exit(?:s|ed|ing)?|leav(?:e|es|ing)|left the company|will leave|to leave|quit|quits)\b/i;
const PERSON = /\b([A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+(?:de|van|von|di|da|del|le|la)\s+)?(?:\s+[A-Z][a-zA-Z'’-]+){1,2})\b/g;
const NOT_PERSON = /^(?:The|A|An|Chief|Executive|Officer|Financial|Operating|Board|Shares|Wall|Street|Inc|Corp|Group|Company|Monday|Tuesday|Wednesday|Thursday|Friday|New|North|South|East|West|United|Federal|European|Bank|Goldman|Morgan|JPMorgan)\b/;

function people(text: string, offset: number, known: ReadonlyArray<{ id: string; start: number; type?: string }>): Array<{ name: string; at: number }> {
  const linked = known.filter((p) => p.type === "person" && p.start >= offset && p.start < offset + text.length).map((p) => ({ name: p.id, at: p.start }));
  if (linked.length > 0) return linked;
  const out: Array<{ name: string; at: number }> = [];
  PERSON.lastIndex = 0;
  for (let m = PERSON.exec(text); m; m = PERSON.exec(text)) {
    if (NOT_PERSON.test(m[1]!) || /\b(?:Inc|Corp|Co|Ltd|Group|Holdings|Bank|Capital|Partners|Technologies|Motors|Airlines)\b/.test(m[1]!)) continue;
    out.push({ name: m[1]!.replace(/[’']s$/, ""), at: offset + m.index });
  }
  return out;
}

/** Executive appointments and departures. */
export const executiveChange: Detector = (ctx) => {
  const t = ctx.text;
  const role = ROLE.exec(t);
  if (!role) return [];
  const appoint = APPOINT.exec(t);
  const depart = DEPART.exec(t);
  if (!appoint && !depart) return [];
  if (depart && /\b(?:leave|leaves|leaving)\b/i.test(depart[0]) && !/\b(?:company|post|role|position|job|board|firm)\b/i.test(t) && !appoint) return [];
  const names = people(t, ctx.span.start, ctx.parties.all);
  const subtype = appoint && depart ? "succession" : appoint ? "appointment" : "departure";
  const d: Draft = { type: "executive_change", subtype, at: absolute(ctx, (appoint ?? depart)!), figures: [], polarity: /ousted|fired|dismissed|abrupt|suddenly|unexpected/i.test(t) ? "negative" : "neutral", confidence: (names.length ? 0.82 : 0.68) * (speculative(t) ? 0.8 : 1) };
  d.to = role[1]!;
  const trigger = ctx.span.start + (appoint ?? depart)!.index;
  if (subtype === "departure" && names[0]) d.from = names[0].name;
  else if (appoint) {
    // "named Jane Doe CEO": the first person after the appointment verb comes in; a person before a departure verb leaves.
    const incoming = names.find((n) => n.at >= trigger) ?? names[0];
    if (incoming) d.to = `${incoming.name} (${role[1]})`;
    const outgoing = names.find((n) => n !== incoming && (/succeed|replac/i.test(appoint[0]) ? n.at > trigger : true));
    if (outgoing && depart) d.from = outgoing.name;
    else if (outgoing && /succeed|replac/i.test(appoint[0])) d.from = outgoing.name;
  }
  // The company acts: never a person as actor.
  d.actor = ctx.parties.all.find((p) => p.start >= ctx.span.start && p.end <= ctx.span.end && p.type !== "person")?.id;
  if (d.actor === undefined) delete d.actor;
  d.target = null;
  return [d];
};

const LAYOFF = /\b(?:lay(?:ing)? off|laid off|lays off|layoffs?|job cuts|jobs? losses|redundancies|(?:cut|cuts|cutting|eliminat(?:e|es|ed|ing)|slash(?:es|ed|ing)?|shed(?:s|ding)?|reduc(?:e|es|ed|ing)|axe[sd]?|axing)\b[^.;]{0,40}?\b(?:jobs|employees|workers|positions|roles|staff|workforce|headcount))\b/i;

/** Layoffs with headcount and share of the workforce. */
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
