/**
 * Which detectors a sentence can fire: each detector lists its trigger words (one group, or two groups
 * that must both appear, "|"-separated); a sentence runs only the detectors whose groups its tokens
 * satisfy. One pass over the tokens with map lookups, so most sentences run no regular expression at all.
 * A word ending in `*` matches by prefix (three letters at least).
 */
import type { Detector } from "./context.ts";
import { fresh, type Tokens } from "../../reference/lexicon/phrases.ts";
import { prefixId, wordId } from "../../reference/lexicon/vocab.ts";
import { analystAction, earnings, guidance } from "./detect/results.ts";
import { buyback, capitalRaise, contract, dividend, investment, mergerAcquisition, partnership, productLaunch } from "./detect/deals.ts";
import { bankruptcy, cyberIncident, investigation, lawsuit, outage, recall, regulatoryDecision, settlement } from "./detect/legal.ts";
import { executiveChange, layoffs } from "./detect/people.ts";
import { macroData, rateDecision } from "./detect/macro.ts";

const GUIDANCE_VERBS = "raised raises raising lifted lifts boosted boosts increased increases upped hiked cut cuts cutting lowered lowers lowering slashed slashes trimmed trims reduced reduces reaffirmed reaffirms reiterated reiterates maintained maintains affirmed withdrew withdraws withdrawn suspended pulled issued gave provided initiated forecast forecasts projected expects expect sees guided";
const REGULATORS = "fda food eu european commission ftc doj justice fcc cma competition sec regulator regulators antitrust cfius health mhra nhtsa faa treasury emea ema authorities won wins received receives secured secures gained gains obtained got awaits denied";

/**
 * Detectors in order of precedence, with their trigger words.
 *
 * @example
 * DETECTORS.map(([detect]) => detect.name) // ["earnings", "guidance", …]
 */
export const DETECTORS: ReadonlyArray<readonly [Detector, string]> = [
  [earnings, "estimate* expectation* expected consensus forecast* projection* reported posted eps beat* topped topping tops missed misses exceeded surpassed results earnings"],
  [guidance, `guidance outlook forecast* target targets projection* view expects expect sees guided | ${GUIDANCE_VERBS}`],
  [analystAction, "upgrade* downgrade* initiat* began starts started resumed reiterat* maintain* target objective"],
  [mergerAcquisition, "acquire acquires acquired acquiring acquisition buy buys bought purchase merge merges merger mergers takeover take tender buyout combine sold sell sells selling divest divests divested divesting divestiture"],
  [investment, "invest invests invested investing investment investments stake stakes fund funded funding financing financed commit commits committed commitment commitments pledge pledged pledges round backing pour pours poured inject injected injects infusion spending spend purchases"],
  [capitalRaise, "ipo initial listing debut public offering issue sale sold sells issued raised raises raise priced"],
  [dividend, "dividend dividends"],
  [buyback, "buyback buybacks repurchase* back"],
  [bankruptcy, "bankrupt bankruptcy chapter insolvency administration default defaulted defaults payment"],
  [settlement, "settle* pay resolve"],
  [lawsuit, "sue sued sues suing lawsuit* suit complaint class indict* charged jury verdict ruled"],
  [investigation, "investigat* probe probes probing subpoena* inquiry raided"],
  [regulatoryDecision, `approve approved approves approval cleared clears clearance grant granted grants authorized authorised authorizes authorises authorization rejected rejects rejection declined blocked blocks block denied denies response fined fines | ${REGULATORS}`],
  [layoffs, "lay laid lays layoff layoffs job jobs redundancies workforce headcount employees workers positions roles staff"],
  [executiveChange, "chief ceo cfo coo cto president chairman chairwoman chair chairperson director | named names naming appoint appoints appointed hired hires promoted promotes tapped taps elected picks picked chose chosen selected succeed succeeds succeeded replace replaces replaced replacing take takes took serve interim new step steps stepped stepping resign resigns resigned resigning resignation retire retires retired retiring retirement depart departs departed departing departure ousted fired dismissed exit exits exited leave leaves leaving left quit quits"],
  [rateDecision, "fed federal fomc ecb central bank boe boj reserve snb pboc riksbank | rate rates borrowing benchmark funds"],
  [macroData, "inflation cpi gdp payrolls unemployment jobless retail pmi ppi pce production housing confidence sentiment deficit durable consumer producer gross"],
  [partnership, "partner* team* collaborat* alliance joint distribution licensing supply multi exclusive sole"],
  [contract, "contract contracts order orders deal deals | won wins winning awarded secured secures signed signs landed lands received inked worth valued"],
  [productLaunch, "launch launched launches launching unveil* introduc* rolled rolls rolling debut* released releases selling"],
  [recall, "recall*"],
  [cyberIncident, "cyber* breach* ransomware hack* malware stolen leaked"],
  [outage, "outage* offline"],
];

/**
 * Per word id, the detectors whose first trigger group (`FIRST`) or second (`SECOND`) has the word, as
 * bit masks (bit d = detector d; there are fewer than 32); per prefix id the same.
 */
const first: number[] = [];
const second: number[] = [];
const firstPre: number[] = [];
const secondPre: number[] = [];
/** Detectors with two groups (both must appear). */
let TWO_GROUPS = 0;
if (DETECTORS.length > 31) throw new Error("events: more detectors than the trigger masks hold");

DETECTORS.forEach(([, spec], d) => {
  spec.split("|").forEach((group, g) => {
    if (g > 1) throw new Error(`events: detector ${d} has more than two trigger groups`);
    if (g === 1) TWO_GROUPS |= 1 << d;
    const [byWord, byPrefix] = g === 0 ? [first, firstPre] : [second, secondPre];
    for (const w of group.trim().split(/\s+/)) {
      if (!w.endsWith("*")) {
        const id = wordId(w);
        byWord[id] = (byWord[id] ?? 0) | (1 << d);
        continue;
      }
      const p = w.slice(0, -1);
      if (p.length < 3) throw new Error(`events: trigger prefix "${w}" is shorter than three letters`);
      const id = prefixId(p);
      byPrefix[id] = (byPrefix[id] ?? 0) | (1 << d);
    }
  });
});
/** Dense typed tables; words and prefixes added after the triggers have larger ids (read as no detector). */
const FIRST = Int32Array.from(first, (x) => x ?? 0);
const SECOND = Int32Array.from(second, (x) => x ?? 0);
const FIRST_PRE = Int32Array.from(firstPre, (x) => x ?? 0);
const SECOND_PRE = Int32Array.from(secondPre, (x) => x ?? 0);

/**
 * Marks in `fired` (one slot per detector) the detectors whose trigger groups all appear in the tokens
 * [from, to); returns whether any detector can run.
 *
 * @example
 * const fired = new Uint8Array(DETECTORS.length);
 * if (triggered(tokens, 0, 12, fired)) DETECTORS.forEach(([detect], d) => fired[d] && detect(ctx));
 */
export function triggered(tokens: Tokens, from: number, to: number, fired: Uint8Array): boolean {
  const { ids, preFrom, pre } = fresh(tokens);
  let one = 0;
  let two = 0;
  for (let k = from; k < to; k++) {
    const id = ids[k]!;
    if (id < FIRST.length) one |= FIRST[id]!;
    if (id < SECOND.length) two |= SECOND[id]!;
    for (let q = preFrom[k]!; q < preFrom[k + 1]!; q++) {
      const p = pre[q]!;
      if (p < FIRST_PRE.length) one |= FIRST_PRE[p]!;
      if (p < SECOND_PRE.length) two |= SECOND_PRE[p]!;
    }
  }
  // A detector fires with its first group, and its second when it has one.
  const all = one & (two | ~TWO_GROUPS);
  for (let d = 0; d < fired.length; d++) fired[d] = (all >>> d) & 1;
  return all !== 0;
}
