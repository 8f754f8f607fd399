/**
 * A deterministic generator of realistic-looking financial news articles (our own templates), for
 * the crash test and the import/search benchmarks. Each article draws a company, an event
 * template, figures and a handful of context sentences from a seeded PRNG, so that texts vary like
 * real news while the same seed always gives the same corpus.
 */

const COMPANIES: [string, string][] = [
  ["Apple", "AAPL"], ["Microsoft", "MSFT"], ["Amazon", "AMZN"], ["Alphabet", "GOOGL"], ["Meta Platforms", "META"],
  ["Nvidia", "NVDA"], ["Tesla", "TSLA"], ["JPMorgan Chase", "JPM"], ["Exxon Mobil", "XOM"], ["Johnson & Johnson", "JNJ"],
  ["Walmart", "WMT"], ["Procter & Gamble", "PG"], ["Visa", "V"], ["Chevron", "CVX"], ["Pfizer", "PFE"],
  ["Intel", "INTC"], ["Boeing", "BA"], ["Netflix", "NFLX"], ["Oracle", "ORCL"], ["Salesforce", "CRM"],
  ["Goldman Sachs", "GS"], ["Caterpillar", "CAT"], ["Starbucks", "SBUX"], ["Nike", "NKE"], ["Ford Motor", "F"],
  ["General Motors", "GM"], ["AMD", "AMD"], ["Qualcomm", "QCOM"], ["Merck", "MRK"], ["Costco", "COST"],
];

const EVENTS: ((c: string, o: string, n: () => string, p: () => number) => { title: string; body: string[] })[] = [
  (c, _o, n, p) => ({ title: `${c} quarterly profit beats estimates as revenue climbs ${p()}%`, body: [`${c} reported earnings of $${n()} per share for the quarter, above the $${n()} analysts had expected.`, `Revenue rose ${p()}% from a year earlier to $${n()} billion.`, `The company raised its full-year outlook, citing strong demand.`] }),
  (c, _o, n, p) => ({ title: `${c} misses profit forecasts, shares slide ${p()}%`, body: [`${c} posted quarterly earnings of $${n()} per share, short of the consensus estimate.`, `Margins narrowed as costs rose faster than sales, the company said.`, `Management cut its guidance for the rest of the year.`] }),
  (c, o, n, p) => ({ title: `${c} agrees to buy ${o} unit for $${n()} billion`, body: [`${c} said it would acquire a business from ${o} for $${n()} billion in cash, a ${p()}% premium.`, `The deal is expected to close next year, subject to regulatory approval.`, `${c} expects the acquisition to add to earnings within two years.`] }),
  (c, _o, n, p) => ({ title: `${c} to cut ${p() * 100} jobs in restructuring`, body: [`${c} plans to eliminate about ${p() * 100} positions, or ${p()}% of its workforce.`, `The company expects to record restructuring charges of $${n()} million.`, `Executives said the cuts would help fund investment in growth areas.`] }),
  (c, o, n, p) => ({ title: `${c} sued by ${o} over patent claims`, body: [`${o} filed a lawsuit accusing ${c} of infringing ${p()} patents.`, `The complaint seeks damages of at least $${n()} million.`, `${c} said it would defend itself vigorously.`] }),
  (c, _o, n, _p) => ({ title: `Analyst upgrades ${c} to buy, sets $${n()}0 price target`, body: [`A brokerage raised its rating on ${c} to buy from hold.`, `The new price target of $${n()}0 implies meaningful upside from the last close.`, `The analyst pointed to improving margins and new product demand.`] }),
  (c, _o, n, p) => ({ title: `${c} launches new product line aimed at enterprise customers`, body: [`${c} unveiled a new range of products on ${["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"][p() % 5]}.`, `The company expects the line to generate $${n()} billion in annual sales within three years.`, `Early customers include several large banks and retailers.`] }),
  (c, _o, n, p) => ({ title: `${c} raises dividend by ${p()}% and expands buyback`, body: [`${c} increased its quarterly dividend to $${n()} per share.`, `The board also authorised an additional $${n()} billion share repurchase program.`, `The company said its cash flow supports higher returns to shareholders.`] }),
  (c, _o, n, _p) => ({ title: `Regulators open probe into ${c} business practices`, body: [`Regulators said they had opened an investigation into ${c}.`, `The inquiry concerns contracts worth about $${n()} billion.`, `${c} said it was cooperating fully with the authorities.`] }),
  (c, o, n, p) => ({ title: `${c} signs $${n()} billion supply deal with ${o}`, body: [`${c} agreed a multi-year supply contract with ${o} valued at $${n()} billion.`, `Deliveries begin next quarter and run for ${p() % 9 + 2} years.`, `Shares of both companies rose in early trading.`] }),
];

const CONTEXT = [
  "Shares were up in premarket trading.", "The stock has gained this year, outpacing the broader market.", "Investors have been watching the company's margins closely.",
  "The broader market was little changed.", "Bond yields edged higher after the latest inflation data.", "The company will hold a call with analysts later in the day.",
  "Competition in the sector has intensified in recent quarters.", "Currency swings weighed on overseas results.", "Supply chain costs have eased since last year.",
  "The chief executive said the company remained disciplined on spending.", "Analysts said the guidance looked conservative.", "Options traders had priced in a large move.",
  "The company has been investing heavily in artificial intelligence.", "Demand in China remained weak, the company said.", "Inventory levels returned to normal.",
  "Several analysts raised their estimates after the report.", "Trading volume was well above average.", "The company reiterated its long-term targets.",
  "Labor costs rose for a third straight quarter.", "Management highlighted growth in its subscription business.", "The results come ahead of a busy week of earnings.",
  "Credit rating agencies have a stable outlook on the company.", "The company ended the quarter with a strong cash position.", "Some investors questioned the pace of spending.",
  "Freight rates fell for the fourth month in a row.", "The board met twice during the quarter to review strategy.", "Hedge funds added to their positions, according to filings.",
  "The company's pension plan remains fully funded.", "Retail investors have piled into the shares on trading apps.", "The outlook assumes no further interest rate cuts this year.",
  "A strike at a supplier delayed some shipments.", "Short interest in the stock has fallen to a two-year low.", "The company plans to open a new research center in Austin.",
  "Executives declined to comment on market speculation.", "The firm's credit default swaps tightened after the news.", "Energy costs at its plants rose sharply in Europe.",
  "A weaker dollar helped overseas sales.", "The company expects capital spending to peak next year.", "Several large customers renewed multi-year contracts.",
  "Analysts at three brokerages reiterated neutral ratings.", "The stock trades at a discount to its five-year average multiple.", "Unionized workers ratified a new four-year contract.",
];

/** Parts of generated context sentences (subject, what happened, why): thousands of combinations. */
const REGIONS = ["North America", "Europe", "Asia", "Latin America", "Japan", "India", "the Middle East", "Canada", "Germany", "Brazil", "Australia", "Mexico", "France", "Korea", "Africa"];
const PRODUCTS = ["cloud", "advertising", "semiconductor", "payments", "streaming", "pharmacy", "freight", "insurance", "wealth management", "battery", "software", "consumer lending", "data center", "aerospace", "medical device", "grocery", "apparel", "gaming", "robotics", "satellite", "fertilizer", "steel", "chemicals", "hotel", "airline", "mortgage", "cybersecurity", "electric vehicle", "solar", "wireless"];
const BANKS = ["Barclays", "Citi", "Jefferies", "Bernstein", "UBS", "Deutsche Bank", "Wells Fargo", "Evercore", "Raymond James", "Piper Sandler", "BMO", "Mizuho"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const COSTS = ["labor", "shipping", "energy", "component", "marketing", "interest", "legal", "raw material", "insurance", "rent"];
const PEOPLE = ["Maria Lopez", "James Chen", "Priya Natarajan", "Tom Becker", "Aisha Okafor", "Lars Nilsson", "Keiko Tanaka", "David Rosen", "Sofia Romano", "Omar Haddad", "Emily Carter", "Raj Mehta"];
const SUBJECTS = [
  "Revenue in the {region} unit", "The company's {product} business", "Sales of {product} products", "Operating margin in {region}", "Demand from {product} customers",
  "Its {product} division", "Orders from {region}", "Spending on {product} projects", "The {product} segment", "Subscription revenue", "Same-store sales in {region}",
  "Backlog for {product} equipment", "Headcount in {region}", "Free cash flow", "Gross margin", "Inventory of {product} parts",
];
const PREDICATES = [
  "rose {p}% from a year earlier", "fell {p}% in the {month} quarter", "was flat compared with {month}", "reached a record ${n} billion", "slipped to ${n} billion",
  "grew faster than analysts at {bank} had forecast", "missed the estimate compiled by {bank}", "improved for a {ord} straight quarter", "declined by ${n} million",
  "doubled since {month}", "beat internal targets, chief financial officer {person} said", "weakened late in the period", "stabilised after a difficult {month}",
];
const TAILS = [
  "as demand for {product} services picked up", "despite higher {cost} costs", "helped by a weaker dollar", "because of delays in {region}", "after a price increase in {month}",
  "while competitors cut prices", "on the back of new contracts in {region}", "as customers delayed {product} orders", "thanks to lower {cost} expenses",
  "even as rivals expanded in {region}", "according to a filing with regulators", "partly offset by {cost} inflation", "with {product} sales leading the gains",
];
const ORD = ["second", "third", "fourth", "fifth", "sixth"];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CorpusArticle {
  id: string;
  title: string;
  text: string;
  publishedAt: string;
  source: string;
  url: string;
}

/**
 * The i-th article of the corpus for a seed (stable: article i is always the same); "short" is
 * about 70 words of fixed sentences, "long" about 250 words, most of them from combined sentence parts
 * (so that unrelated articles differ as much as real ones do).
 *
 * @example
 * corpusArticle(42).title // "Nvidia agrees to buy …"
 */
export function corpusArticle(i: number, seed = 1, length: "short" | "long" = "short"): CorpusArticle {
  const rnd = mulberry32(seed * 1_000_003 + i);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const [company] = pick(COMPANIES);
  let other = pick(COMPANIES)[0];
  if (other === company) other = "a rival";
  const n = (): string => (1 + rnd() * 9).toFixed(2);
  const p = (): number => 1 + Math.floor(rnd() * 40);
  const ev = pick(EVENTS)(company, other, n, p);
  const fill = (t: string): string =>
    t.replace(/\{(\w+)\}/g, (_, k: string) =>
      k === "region" ? pick(REGIONS) : k === "product" ? pick(PRODUCTS) : k === "bank" ? pick(BANKS) : k === "month" ? pick(MONTHS) : k === "cost" ? pick(COSTS)
        : k === "person" ? pick(PEOPLE) : k === "ord" ? pick(ORD) : k === "p" ? String(p()) : n());
  const count = length === "short" ? 3 + Math.floor(rnd() * 4) : 4 + Math.floor(rnd() * 4);
  const context = [...CONTEXT].sort(() => rnd() - 0.5).slice(0, count);
  if (length === "long") for (let k = 8 + Math.floor(rnd() * 10); k > 0; k--) context.push(fill(`${pick(SUBJECTS)} ${pick(PREDICATES)} ${pick(TAILS)}.`));
  const body = [...ev.body, ...context].sort(() => rnd() - 0.5);
  const paragraphs: string[] = [];
  for (let k = 0; k < body.length; k += 3) paragraphs.push(body.slice(k, k + 3).join(" "));
  paragraphs.push(`Reference ${i}: filed by desk ${Math.floor(rnd() * 1000)}.`);
  const t = Date.UTC(2025, 0, 1) + Math.floor((i / 3) * 60_000) + Math.floor(rnd() * 60_000);
  return {
    id: `art-${seed}-${i}`,
    title: ev.title,
    text: paragraphs.join("\n\n"),
    publishedAt: new Date(t).toISOString(),
    source: pick(["Wire", "Daily Ledger", "Market Desk", "Finance Post"]),
    url: `https://news.example/${seed}/${i}`,
  };
}

/**
 * The corpus as NDJSON text (one article per line).
 *
 * @example
 * fs.writeFileSync("a.ndjson", corpusNdjson(20_000));
 */
export function corpusNdjson(count: number, seed = 1, length: "short" | "long" = "short"): string {
  let out = "";
  for (let i = 0; i < count; i++) out += `${JSON.stringify(corpusArticle(i, seed, length))}\n`;
  return out;
}
