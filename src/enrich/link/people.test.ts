import { describe, expect, it } from "vitest";
import { findPeople, matchAllFrom } from "./people.ts";

const names = new Set(["ken", "josh", "jane"]);
const none = () => false;

describe("findPeople", () => {
  it("finds people after titles, before appositives and by given name, then their surname mentions", () => {
    const text = "Texas Attorney General Ken Paxton sued the company. Paxton's office said fines could be large. Josh D'Amaro, the head of its parks division, will succeed him. Maria Lopez, 54, joins the board.";
    const found = findPeople(text, names, none);
    expect(found.map((p) => p.name)).toEqual(["Ken Paxton", "Ken Paxton", "Josh D'Amaro", "Maria Lopez"]);
    for (const p of found) expect(text.slice(p.start, p.end)).toMatch(/Paxton|D'Amaro|Lopez/);
  });

  it("does not take places, companies, days or offsets already taken for people", () => {
    expect(findPeople("Delaware Basin, the largest oil field, grew. Jane Street said on Monday.", names, none).map((p) => p.name)).toEqual([]);
    expect(findPeople("CEO Jane Doe spoke.", names, (s) => s === 4)).toEqual([]);
  });

  it("finds a name after a title that comes late in the text, and none without a hint", () => {
    const text = "Shares rose. Analysts were upbeat, and later Chief Executive Jane Doe said demand held.";
    expect(findPeople(text, new Set(), none).map((p) => [p.name, p.start])).toEqual([["Jane Doe", text.indexOf("Jane")]]);
    expect(findPeople("Maria Lopez, who. Nothing else here.", new Set(), none)).toEqual([]);
  });
});

describe("matchAllFrom", () => {
  it("starts the search at an offset and leaves the regex as it was", () => {
    const re = /\d/g;
    expect([...matchAllFrom(re, "1a2b3", 2)].map((m) => [m[0], m.index])).toEqual([["2", 2], ["3", 4]]);
    expect(re.lastIndex).toBe(0);
  });
});
