/**
 * Templates for the remaining event families (guidance, ratings, regulation, legal, management, workforce,
 * payouts, distress, financing, rates, products, incidents) and the fallback without an event.
 */
import { poss, type Ctx } from "./context.ts";
import { of, type Template } from "./templates.ts";

const simple = (t: Template): Template => t;

const RATING_VERBS: Record<string, string> = { upgrade: "upgraded", downgrade: "downgraded", initiate: "started coverage of", reiterate: "reiterated its view on", raise: "raised its price target on", cut: "cut its price target on", set: "set a price target on" };

/**
 * "Needham & Co. downgraded Tesla (TSLA) to underperform from hold, with a price target of $280" —
 * only words read from the article's event.
 *
 * @example
 * ratingCall(ctx) // "Wedbush Securities upgraded Advanced Micro Devices (AMD) to outperform from neutral, with a price target of $250"
 */
export function ratingCall(c: Ctx): string {
  const e = c.main;
  const broker = e?.actor && e.actor !== c.subject && !c.subject.includes(`(${e.actor})`) && !/^[A-Z.]{1,6}$/.test(e.actor) ? e.actor : "a broker";
  const verb = RATING_VERBS[e?.subtype ?? ""] ?? "changed its view on";
  const move = e?.type === "rating_change" ? `${e.to ? ` to ${e.to}` : ""}${e.from ? ` from ${e.from}` : ""}` : "";
  const target = c.priceTarget && e?.type === "rating_change" ? `, with a price target of ${c.priceTarget}` : e?.type === "price_target" && c.priceTarget ? ` to ${c.priceTarget}` : "";
  return `${broker} ${verb} ${c.subject}${move}${target}`;
}

export const MORE: Record<string, Template> = {
  guidance_cut: simple({
    takeaway: (c) => `The key market takeaway is that ${c.subject} has lowered the bar for the year: a guidance cut resets estimates and usually matters more than the quarter just reported.`,
    near: (c) => `In the near term ${c.subject} is likely to trade down as analysts cut their numbers toward the new range.`,
    medium: () => `Over the medium term credibility is the issue: a second cut would be read as a trend, while meeting the lower bar can stabilise the shares.`,
    second: () => `Second-order, a cut tied to demand is read across to suppliers, customers and peers with the same exposure.`,
    risks: () => [`Further cuts if the causes are structural.`, `Cost measures that protect margins but weaken growth.`],
    contrarian: () => `The contrarian view is that a decisive cut clears the deck: once expectations are reset, the risk of further disappointment is lower.`,
    watch: () => `estimate revisions and management's explanation of the causes`,
  }),
  guidance_raise: simple({
    takeaway: (c) => `The key market takeaway is that ${c.subject} sees a better year than the market modeled, which pushes estimates up.`,
    near: (c) => `In the near term a raise tends to lift ${c.subject} as analysts move their numbers toward the new range.`,
    medium: () => `Over the medium term the question is whether the raise reflects demand or one-off items.`,
    second: () => `Second-order, a raise signals strength in the end market that peers may share.`,
    risks: () => [`A raised bar is harder to beat in later quarters.`],
    contrarian: () => `The contrarian view is that management may be raising guidance at the peak of the cycle.`,
    watch: () => `estimate revisions and the next quarter's delivery against the new range`,
  }),
  guidance: simple({
    takeaway: (c) => `The key market takeaway is that ${c.subject} updated its outlook, and the market will compare it with consensus.`,
    near: () => `In the near term the reaction depends on where the range sits against estimates.`,
    medium: () => `Over the medium term delivery against the range matters most.`,
    second: () => `Second-order, outlook commentary is read across the sector.`,
    risks: () => [`The range may embed assumptions that do not hold.`],
    contrarian: () => `The contrarian view is that guidance is conservative by habit and says little about the real trend.`,
    watch: () => `delivery against the outlook`,
  }),
  rating: simple({
    takeaway: (c) => `The key market takeaway is that ${ratingCall(c)}; rating changes move shares briefly unless they bring new information.`,
    near: (c) => `In the near term ${c.subject} may move with the call, more if the analyst is influential or the price target${of(c)} implies a large gap to the current price.`,
    medium: () => `Over the medium term a rating change matters only if fundamentals follow the thesis behind it.`,
    second: () => `Second-order, other brokers may follow or push back, which shapes how long the move lasts.`,
    risks: () => [`Rating-driven moves often fade within days.`, `The thesis may already be priced in.`],
    contrarian: () => `The contrarian view is that a rating change after a large move is following the price, not leading it.`,
    watch: () => `whether other analysts follow and whether results confirm the thesis`,
  }),
  approval: simple({
    takeaway: (c) => `The key market takeaway is that the approval removes the binary risk hanging over ${c.subject}; the debate moves from whether the product can be sold to how fast it will sell.`,
    near: (c) => `In the near term ${c.subject} gains as the probability-weighted value of the product moves toward full value.`,
    medium: () => `Over the medium term launch execution, pricing and reimbursement decide whether sales meet forecasts.`,
    second: () => `Second-order, competitors with rival products face a tougher market, and the decision sets a precedent for similar applications.`,
    risks: () => [`Label restrictions or safety warnings can limit the market.`, `Slow uptake after launch.`],
    contrarian: () => `The contrarian view is that approval was widely expected and priced in, so the launch itself is the real test.`,
    watch: () => `launch timing, pricing and early prescription or sales data`,
  }),
  rejection: simple({
    takeaway: (c) => `The key market takeaway is that the rejection hits ${poss(c.subject)} value directly: a product the market counted on is delayed or gone.`,
    near: (c) => `In the near term ${c.subject} is likely to fall sharply, more so if the product was a large part of its value.`,
    medium: () => `Over the medium term the question is whether the issues can be fixed with new data or a new filing, and at what cost and delay.`,
    second: () => `Second-order, partners and competitors with similar products are re-priced, and funding needs may rise.`,
    risks: () => [`A resubmission can take years and may need new trials.`, `Cash needs may force dilutive financing.`],
    contrarian: () => `The contrarian view is that rejections over fixable issues are often overdone, and the product's value returns if a resubmission succeeds.`,
    watch: () => `the regulator's stated reasons and the company's resubmission plan`,
  }),
  regulatory: simple({
    takeaway: (c) => `The key market takeaway is that a regulatory decision changes the rules ${c.subject} operates under.`,
    near: () => `In the near term the reaction depends on how far the decision differs from expectations.`,
    medium: () => `Over the medium term compliance costs and appeals decide the real effect.`,
    second: () => `Second-order, the decision sets a precedent for the rest of the industry.`,
    risks: () => [`Appeals and follow-up rules can change the outcome.`],
    contrarian: () => `The contrarian view is that regulatory headlines overstate the financial effect.`,
    watch: () => `follow-up rules, appeals and company guidance on costs`,
  }),
  legal: simple({
    takeaway: (c) => `The key market takeaway is that legal risk has become part of the ${c.subject} story; the amount at stake${of(c)} and the time to resolution matter more than the headline.`,
    near: (c) => `In the near term ${c.subject} can trade lower on the uncertainty, even before any finding.`,
    medium: () => `Over the medium term most cases settle, and the market prices the expected cost, not the maximum claim.`,
    second: () => `Second-order, a case can open the door to similar claims and regulatory attention across the industry.`,
    risks: (c) => [
      ...(c.authorities[0] ? [`Escalation: the ${c.authorities[0]} can widen the case or seek larger penalties.`] : []),
      `Discovery can surface damaging facts.`,
      `Copycat claims can follow.`,
    ],
    contrarian: () => `The contrarian view is that headline claims are routinely far larger than what is eventually paid.`,
    watch: () => `court rulings on early motions and any settlement talks`,
  }),
  settlement: simple({
    takeaway: (c) => `The key market takeaway is that the settlement${of(c)} puts a number on a risk that was open-ended for ${c.subject}.`,
    near: (c) => `In the near term removing uncertainty can support ${c.subject} even though the payment is a cost.`,
    medium: () => `Over the medium term the focus returns to operations, unless the settlement imposes changes to the business.`,
    second: () => `Second-order, the amount becomes a benchmark for similar claims against peers.`,
    risks: () => [`Conditions attached to the settlement can constrain the business.`, `Other plaintiffs may pursue separate claims.`],
    contrarian: () => `The contrarian view is that a settlement can signal that the underlying problem was larger than disclosed.`,
    watch: () => `court approval and any business changes required`,
  }),
  leadership: simple({
    takeaway: (c) => {
      const name = /^([A-Z][\p{L}'’.-]+(?: [A-Z][\p{L}'’.-]+)+)/u.exec(c.main?.to ?? "")?.[1];
      const who = name ? `, with ${name} taking over` : "";
      return `The key market takeaway is that leadership at ${c.subject} is changing${who}, and the market will price the successor's strategy and the reason for the change.`;
    },
    near: (c) => `In the near term an unexpected departure raises uncertainty at ${c.subject}; a planned succession moves the shares little.`,
    medium: () => `Over the medium term a new chief executive often resets targets, reviews assets and may take charges.`,
    second: () => `Second-order, strategy shifts under new leadership can affect partners, suppliers and competitors.`,
    risks: () => [`A leadership gap during the search.`, `A strategy reset that includes write-downs.`],
    contrarian: () => `The contrarian view is that a change at the top is what investors wanted, and the uncertainty is a buying opportunity.`,
    watch: () => `the successor's first statements on strategy and targets`,
  }),
  layoffs: simple({
    takeaway: (c) => `The key market takeaway is that ${c.subject} is cutting costs through its workforce, which supports margins but signals slower growth.`,
    near: (c) => `In the near term investors often welcome cost cuts at ${c.subject}, as long as they are not read as a sign of falling demand.`,
    medium: () => `Over the medium term restructuring charges come first and savings later; execution and morale decide the balance.`,
    second: () => `Second-order, layoffs in a large employer feed into the labor market and local economies, and peers may follow.`,
    risks: () => [`Cuts can hurt execution and product quality.`, `Restructuring charges can exceed plans.`],
    contrarian: () => `The contrarian view is that cost cuts mask a revenue problem that cutting will not solve.`,
    watch: () => `the size of charges, expected savings and revenue guidance`,
  }),
  dividend_cut: simple({
    takeaway: (c) => `The key market takeaway is that ${c.subject} is preserving cash: a dividend cut signals that management sees pressure ahead.`,
    near: (c) => `In the near term income investors tend to sell ${c.subject} after a cut.`,
    medium: () => `Over the medium term the cash saved can repair the balance sheet if the business stabilises.`,
    second: () => `Second-order, a cut prompts investors to question the payouts of peers.`,
    risks: () => [`Further cuts if cash flow keeps falling.`],
    contrarian: () => `The contrarian view is that cutting early is prudent and may mark the low point.`,
    watch: () => `cash flow and debt levels over the next quarters`,
  }),
  payout: simple({
    takeaway: (c) => `The key market takeaway is that ${c.subject} is returning capital to shareholders${c.amount ? ` (${c.amount})` : ""}, a signal of confidence in its cash flow.`,
    near: (c) => `In the near term returning capital supports ${c.subject}, though the effect is usually modest.`,
    medium: () => `Over the medium term buybacks raise earnings per share and dividends support valuation, provided cash flow holds.`,
    second: () => `Second-order, capital spent on payouts is capital not spent on growth.`,
    risks: () => [`Payouts can be cut if conditions deteriorate.`],
    contrarian: () => `The contrarian view is that large buybacks can signal a lack of investment opportunities.`,
    watch: () => `the pace of buybacks and free cash flow`,
  }),
  distress: simple({
    takeaway: (c) => `The key market takeaway is that ${c.subject} is in restructuring: equity holders stand last in line and usually lose most of their value.`,
    near: (c) => `In the near term ${poss(c.subject)} shares typically collapse while its debt trades on expected recovery.`,
    medium: () => `Over the medium term the court process decides who owns the company and what survives.`,
    second: () => `Second-order, suppliers, landlords and lenders take losses, and competitors may win customers.`,
    risks: () => [`Equity can be wiped out entirely.`, `Liquidation if no plan is agreed.`],
    contrarian: () => `The contrarian view is that a filing can preserve the business and clean the balance sheet, even if today's shareholders do not benefit.`,
    watch: () => `financing for the process and the restructuring plan`,
  }),
  financing: simple({
    takeaway: (c) => `The key market takeaway is that ${c.subject} is raising ${c.amount || "money"}, which funds the business but dilutes existing holders or adds debt.`,
    near: (c) => `In the near term ${c.subject} often trades down toward the offering price.`,
    medium: () => `Over the medium term the use of proceeds decides whether the raise creates value.`,
    second: () => `Second-order, the terms signal how the market values similar issuers.`,
    risks: () => [`Dilution and a higher cost of capital.`],
    contrarian: () => `The contrarian view is that raising money from strength removes a funding overhang.`,
    watch: () => `the pricing of the offering and the use of proceeds`,
  }),
};
