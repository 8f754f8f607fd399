/**
 * Analyst-note templates per event family. Each template only re-uses names and figures that came from
 * the article (through the context), so the analysis never invents a number.
 */
import { poss, type Ctx } from "./context.ts";

export interface Template {
  takeaway: (c: Ctx) => string;
  near: (c: Ctx) => string;
  medium: (c: Ctx) => string;
  second: (c: Ctx) => string;
  risks: (c: Ctx) => string[];
  contrarian: (c: Ctx) => string;
  /** What to watch next, for the outlook. */
  watch: (c: Ctx) => string;
  /** Who gains and who loses when no listed company stands out (market-wide news). */
  sides?: (c: Ctx) => string;
}

/** " of $50 billion" when the event has an amount. */
export const of = (c: Ctx): string => (c.amount ? ` of ${c.amount}` : "");
/**
 * The main event's figures as a parenthesis: "($0.81 a share against $0.75 expected)" for results,
 * "($67 a share, 34%)" otherwise; "" without figures. Only texts read from the article.
 *
 * @example
 * figs({ figures: [{ name: "eps_actual", text: "$0.81" }, { name: "eps_estimate", text: "$0.75" }], … }) // " ($0.81 against $0.75 expected)"
 */
export function figs(c: Ctx): string {
  const actual = c.figures.find((f) => /actual|reported/.test(f.name));
  const expected = c.figures.find((f) => /estimate|consensus|expect/.test(f.name));
  if (actual && expected) return ` (${actual.text} against ${expected.text} expected)`;
  const texts = [...new Set(c.figures.map((f) => f.text).filter((t) => t !== c.amount))].slice(0, 3);
  return texts.length ? ` (${texts.join(", ")})` : "";
}

export const CORPORATE: Record<string, Template> = {
  investment: {
    takeaway: (c) =>
      `The key market takeaway is that ${c.actor} is committing capital${of(c)} to secure a strategic position with ${c.target}: the deal redraws who captures the economics of the relationship rather than just adding revenue.`,
    near: (c) => `In the near term ${c.actor} gains relevance as the partner of record, while any rival that relied on an exclusive position loses some of its premium; the headline figure${of(c)} anchors the reaction.`,
    medium: (c) => `Over the next quarters the test is conversion: whether the commitment shows up as contracted usage, capacity and revenue in ${poss(c.actor)} reported segments, or stays a strategic option with a long payback.`,
    second: (c) => `Second-order, a large commitment to ${c.target} raises the bar for competitors who must now match terms, and it signals that access to scarce inputs, not demand, is what partners are paying for.`,
    risks: (c) => [
      `Execution: commitments${of(c)} are typically paid out over years and can be resized, delayed or renegotiated.`,
      `Concentration: tying growth to ${c.target} raises exposure to its own setbacks.`,
      ...c.losers.slice(0, 1).map((l) => `For ${l.label}, the risk is less lost revenue next quarter than eroding bargaining power and margins if ${c.target} keeps spreading work across partners.`),
    ],
    contrarian: (c) => `The contrarian view is that this is less a clean shift of allegiance than a hedge: large partners rarely stay exclusive, and the market may be reading a redistribution of work between ${c.actor} and its rivals as a change of winners.`,
    watch: (c) => `disclosures on how much of the commitment is booked, and any response from ${poss(c.target)} other partners`,
  },
  contract: {
    takeaway: (c) => `The key market takeaway is that ${c.actor} has won new business${c.amount ? ` worth ${c.amount}` : ""}: a contract adds visibility on revenue more than it changes the company's growth rate.`,
    near: (c) => `In the near term the award supports ${c.actor}, more so if it was contested or larger than expected; awards that were widely anticipated move the shares little.`,
    medium: () => `Over the medium term the margin on the work and the timing of payments matter more than the headline value, which is often a ceiling spread over several years.`,
    second: () => `Second-order, suppliers and subcontractors on the program share in the work, while losing bidders may protest or cut prices next time.`,
    risks: (c) => [`Headline values${of(c)} are often ceilings, paid out over years and subject to budget decisions.`, `Cost overruns on fixed-price work can turn a large award into a loss.`],
    contrarian: () => `The contrarian view is that a large award was already in estimates, and the real question is the margin the company can earn on it.`,
    watch: () => `the payment schedule, margins on the program and any protest by losing bidders`,
  },
  takeover: {
    takeaway: (c) => `The key market takeaway is that ${c.target} now trades on the deal${c.amount ? ` (${c.amount})` : ""} rather than on its own fundamentals: the offer sets a floor and the spread to it prices the risk of completion.`,
    near: (c) => `In the near term ${c.target} should move most of the way to the offer${figs(c)}, while ${c.actor} trades on whether investors think it is overpaying.`,
    medium: (c) => `Over the medium term the spread follows the approval path: shareholder votes, financing and antitrust review decide whether the deal closes at the announced terms.`,
    second: () => `Second-order, a premium bid re-rates comparable companies in the sector as possible targets, and rival bidders may surface if the price looks low.`,
    risks: (c) => [
      `Regulatory: ${c.authorities[0] ? `review by the ${c.authorities[0]}` : "antitrust review"} can delay the deal or force remedies.`,
      `Financing and votes: a break would send the target back toward its undisturbed price.`,
    ],
    contrarian: (c) => `The contrarian view is that the acquirer's shareholders, not the target's, carry the real risk: integration costs and a full price can make ${c.actor} the loser even if the deal closes.`,
    watch: () => `the merger-arbitrage spread, the regulatory timetable and any competing bid`,
  },
  takeover_talks: {
    takeaway: (c) => `The key market takeaway is that ${c.target} is in play: talks are not a deal, but they put a takeover value on the table that the market will start to price.`,
    near: (c) => `In the near term ${c.target} tends to jump on reports of talks, with a large part of the move given back if no offer follows.`,
    medium: () => `Over the medium term everything depends on whether talks turn into a signed agreement with a price.`,
    second: () => `Second-order, talk of consolidation lifts peers that look like the next candidates.`,
    risks: () => [`Talks can end without a deal, reversing the move.`, `A leaked approach can draw regulatory scrutiny before terms exist.`],
    contrarian: () => `The contrarian view is that leaked talks are often a negotiating tactic, and the most likely outcome is no deal at all.`,
    watch: () => `confirmation from either company and any formal offer`,
  },
  acquirer: {
    takeaway: (c) => `The key market takeaway is that ${c.actor} is buying growth${of(c)}; the question for its shareholders is price and integration, not strategy.`,
    near: (c) => `In the near term ${c.actor} trades on whether investors judge the price${of(c)} fair; acquirers often dip on announcement.`,
    medium: () => `Over the medium term the deal is judged by synergies delivered and by whether the added business grows faster than the core.`,
    second: () => `Second-order, the purchase changes the competitive set and can prompt rivals to respond with deals of their own.`,
    risks: () => [`Integration: cultures, systems and customer overlap can cost more than planned.`, `Regulatory review can delay closing.`],
    contrarian: () => `The contrarian view is that the deal is defensive, a sign that organic growth is harder to find than management admits.`,
    watch: () => `synergy targets, financing terms and the closing timetable`,
  },
  earnings_beat: {
    takeaway: (c) => `The key market takeaway is that ${c.subject} delivered more than the market expected${figs(c)}; what matters now is whether the beat came from durable demand or from one-off items.`,
    near: (c) => `In the near term a beat tends to lift ${c.subject}, with the size of the move set by the guidance and the quality of the beat more than by the headline number.`,
    medium: () => `Over the medium term analysts usually raise estimates after a clean beat, which supports the shares if margins hold.`,
    second: () => `Second-order, a strong print read-through can lift suppliers and peers that share the same end demand.`,
    risks: () => [`Quality of the beat: cost cuts, tax or timing effects flatter results without changing the trend.`, `A cautious outlook can offset the beat.`],
    contrarian: () => `The contrarian view is that a beat against lowered expectations is not strength; if estimates had been cut into the print, the bar was easy to clear.`,
    watch: () => `estimate revisions and management's outlook for the next quarter`,
  },
  earnings_miss: {
    takeaway: (c) => `The key market takeaway is that ${c.subject} fell short of expectations${figs(c)}, and the market will ask whether the shortfall is a blip or the start of a slowdown.`,
    near: (c) => `In the near term a miss tends to weigh on ${c.subject}, and more so if guidance is cut at the same time.`,
    medium: () => `Over the medium term estimate cuts usually follow a miss, leaving the shares dependent on proof that the trend turns.`,
    second: () => `Second-order, peers and suppliers with the same exposure are often marked down in sympathy.`,
    risks: () => [`Further estimate cuts if the causes persist.`, `Margin pressure if the company defends volume with price.`],
    contrarian: () => `The contrarian view is that a miss from temporary causes can reset expectations low enough to make the next quarters easy to beat.`,
    watch: () => `the size of estimate cuts and any change in guidance`,
  },
  earnings: {
    takeaway: (c) => `The key market takeaway is that ${poss(c.subject)} results${figs(c)} broadly confirm the existing picture; the reaction depends on the details rather than the headline.`,
    near: () => `In the near term an in-line report usually moves the shares less than guidance and commentary on demand.`,
    medium: () => `Over the medium term the trend in margins and revenue growth matters more than one quarter.`,
    second: () => `Second-order, commentary on customers and costs is read across the sector.`,
    risks: () => [`Guidance and commentary can move the shares more than the numbers.`],
    contrarian: () => `The contrarian view is that a quiet quarter hides a shift in the mix that the market has not yet priced.`,
    watch: () => `guidance and the next quarter's demand signals`,
  },
};
