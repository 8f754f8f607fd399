import { describe, expect, it } from "vitest";
import { findPeople } from "./people.ts";

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
});
