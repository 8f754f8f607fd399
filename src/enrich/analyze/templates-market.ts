/**
 * Templates for market-wide news (rates, macro data), product news, incidents and the fallback, plus
 * one second-order line per topic of the taxonomy (by label).
 */
import type { Template } from "./templates.ts";

export const MARKET: Record<string, Template> = {
  rates: {
    takeaway: () => `The key market takeaway is that the central bank's decision resets the price of money: what matters is the path it signals, not only today's move.`,
    near: () => `In the near term rate-sensitive assets react first: bond yields, the dollar, banks, homebuilders and long-duration growth stocks.`,
    medium: () => `Over the medium term borrowing costs feed through to credit, housing and corporate investment over several quarters.`,
    second: () => `Second-order, lower rates support valuations and refinancing while squeezing bank deposit margins; higher rates do the reverse.`,
    risks: () => [`Inflation data can force a change of course.`, `Markets may already price more moves than the bank delivers.`],
    contrarian: () => `The contrarian view is that the decision was fully priced, and the reaction will be driven by the guidance and the press conference instead.`,
    watch: () => `the next inflation and jobs reports and the bank's projections`,
    sides: (c) =>
      /hike/.test(c.main?.subtype ?? "")
        ? `No single company is named; the effect runs through sectors. Higher rates help savers and bank deposit margins and weigh on borrowers, homebuilders and long-duration growth stocks.`
        : /cut/.test(c.main?.subtype ?? "")
          ? `No single company is named; the effect runs through sectors. Lower rates help borrowers, homebuilders, small caps and long-duration growth stocks, and squeeze banks' deposit margins.`
          : `No single company is named; with rates on hold, the guidance decides which sectors gain: rate-sensitive borrowers and growth stocks on a softer tone, banks and savers on a firmer one.`,
  },
  macro: {
    takeaway: () => `The key market takeaway is that the data shifts expectations for growth and policy.`,
    near: () => `In the near term yields and rate-sensitive sectors react first.`,
    medium: () => `Over the medium term one release matters only if the next ones confirm the trend.`,
    second: () => `Second-order, the data feeds into central-bank expectations.`,
    risks: () => [`Revisions can reverse the signal.`],
    contrarian: () => `The contrarian view is that a single release is noise.`,
    watch: () => `the next releases and central-bank commentary`,
    sides: () => `No single company is named; the data moves rate expectations, so rate-sensitive sectors (housing, banks, growth stocks) react most.`,
  },
  launch: {
    takeaway: (c) => `The key market takeaway is that ${c.subject} is extending its product line; launches rarely move a large company's shares unless they change its growth path.`,
    near: () => `In the near term the reaction is usually small: the launch was often expected and revenue comes later.`,
    medium: () => `Over the medium term adoption, pricing and margins decide whether the product matters.`,
    second: () => `Second-order, competitors may need to respond on price or features.`,
    risks: () => [`Slow adoption or delays.`, `Cannibalisation of existing products.`],
    contrarian: () => `The contrarian view is that the market underrates launches that open a new customer base.`,
    watch: () => `early adoption and pricing data`,
  },
  incident: {
    takeaway: (c) => `The key market takeaway is that an operational failure at ${c.subject} creates costs and reputational damage whose size is not yet known.`,
    near: (c) => `In the near term ${c.subject} can trade lower until the scope is clear.`,
    medium: () => `Over the medium term the cost of remediation, fines and lost customers decides the damage.`,
    second: () => `Second-order, regulators and customers may raise standards across the industry.`,
    risks: () => [`The scope can widen as investigations proceed.`, `Regulatory fines and lawsuits.`],
    contrarian: () => `The contrarian view is that incidents of this kind rarely change long-term value once contained.`,
    watch: () => `the company's updates on scope and cost`,
  },
  private: {
    takeaway: (c) => `The key market takeaway is that ${c.subject} is private: the news moves no listed price directly, but it resets how private markets value the company and its peers.`,
    near: () => `In the near term no listed security is directly affected; any reaction shows up in listed partners, suppliers or competitors.`,
    medium: (c) => `Over the medium term the terms set a reference for future funding rounds, secondary sales and any eventual listing of ${c.subject}.`,
    second: () => `Second-order, higher private valuations lift the marks of venture and growth funds and can pull listed peers' multiples with them.`,
    risks: () => [`Private valuations are set in thin markets and can reset sharply in the next round.`],
    contrarian: () => `The contrarian view is that private valuations reflect scarce access rather than fundamentals, and say little about what public investors would pay.`,
    watch: (c) => `the next funding round or secondary sale of ${c.subject} and any listing plans`,
    sides: (c) => `No listed company is named: ${c.subject} is private, so its gains or losses reach public markets only through its listed partners, suppliers and competitors.`,
  },
  none: {
    takeaway: (c) =>
      c.listed
        ? `The key market takeaway is that the article adds context on ${c.subject} rather than a discrete event that forces a re-pricing.`
        : `The key market takeaway is that there is none: the article names no listed company and no market-wide event, so it should not move prices.`,
    near: () => `In the near term little abnormal move is expected: no earnings, deal, ruling or other hard catalyst is reported.`,
    medium: (c) =>
      c.listed
        ? `Over the medium term the themes in the article matter only if they show up in reported numbers.`
        : `Over the medium term nothing in the article feeds into a listed company's fundamentals.`,
    second: (c) =>
      c.listed
        ? `Second-order effects are limited until a concrete event follows.`
        : `Second-order effects on markets are limited to companies exposed to the story that the article does not name (sponsors, broadcasters, insurers, utilities).`,
    risks: (c) => (c.listed ? [`The story may be a precursor to a harder catalyst that is not yet public.`] : []),
    contrarian: (c) =>
      c.listed
        ? `The contrarian view is that narrative pieces can shift sentiment before the numbers do.`
        : `The contrarian view is that even non-financial news can matter at the margin for companies exposed to it, but the article names none.`,
    watch: (c) => (c.listed ? `concrete announcements that would confirm the story` : ""),
    sides: (c) =>
      c.listed
        ? `No listed company stands out as a clear winner or loser: the article's tone is balanced and its events do not favour one side.`
        : `No listed company is involved, so there is no winner or loser among listed securities.`,
  },
};

/** One second-order line per taxonomy topic, keyed by label. */
export const TOPIC_LINES: Record<string, string> = {
  "Artificial Intelligence": "In AI, compute capacity and model distribution are the scarce inputs, so shifts like this ripple to chip suppliers, data-center builders and cloud pricing.",
  "Private Markets & Venture": "For private markets, the terms set a reference for how strategic investors value late-stage companies before any listing.",
  "M&A & Restructuring": "Deals and restructurings tend to reopen negotiations across a sector, as peers test whether their own terms and valuations still hold.",
  "Legal & Litigation": "Legal terms that change exclusivity or licensing can matter more to long-run economics than the headline figures.",
  "Central Banks & Rates": "The rate path feeds into equity valuations through the discount rate and into credit through refinancing costs.",
  "Energy & Commodities": "Commodity prices pass through to input costs for airlines, chemicals and transport.",
  "Supply Chain": "Supply-chain effects tend to show up a quarter later in suppliers' and customers' results.",
  "Labor & Workforce": "Workforce changes at large employers feed into wage pressure and the labor data the Fed watches.",
  "Healthcare & Biotech": "In biotech, one regulatory outcome can re-price every company developing a similar therapy.",
  "Cybersecurity & Outages": "Operational incidents raise spending on security and resilience across the industry.",
  "Regulation & Policy": "Regulatory outcomes set precedents that reach beyond the parties named.",
  "Trade & Geopolitics": "Trade measures shift costs along supply chains and invite retaliation.",
  "Bankruptcy & Distress": "Distress at one company tightens credit for weaker peers in the same industry.",
};
