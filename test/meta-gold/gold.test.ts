import { describe, expect, it } from "vitest";
import { loadGold, score, zero, type GoldLine } from "../../bench/meta-gold/gold.js";
import { metaGoldPages } from "../../bench/meta-gold/pages.js";

describe("title and author gold on htmldate pages", () => {
  it("holds one line for each of the 600 picked pages, each naming its page's URL", () => {
    const pages = metaGoldPages();
    expect(pages).toHaveLength(600);
    expect(new Set(pages.map((p) => p.url)).size).toBe(600);
    const blind = [...Array(100).keys()].flatMap((i) => [i + 200, i + 500]).sort((a, b) => a - b);
    expect(pages.filter((p) => p.part === "blind").map((p) => p.index)).toEqual(blind);
    expect(pages.filter((p) => p.round === 2).map((p) => p.index)).toEqual([...Array(300).keys()].map((i) => i + 300));
    const gold = loadGold(pages);
    expect([...gold.keys()].sort((a, b) => a - b)).toEqual([...Array(600).keys()]);
    for (const g of gold.values()) {
      expect(g.title === null || typeof g.title === "string").toBe(true);
      expect(Array.isArray(g.authors)).toBe(true);
    }
  });

  it("scores a title exactly, every gold author, and a name given where the page credits nobody", () => {
    const line = (title: string, authors: string[], org = ""): GoldLine => ({ index: 0, url: "u", title, authors, org });
    const s = zero();
    expect(score(s, line("Brücke eröffnet", ["Anna Müller", "Jan Ko"]), "Brücke eröffnet", ["Anna Müller", "Jan Ko"])).toEqual([]);
    expect(score(s, line("Brücke eröffnet", ["Anna Müller", "Jan Ko"]), "Brücke eröffnet | Blatt", ["Anna Müller"])).toHaveLength(2);
    score(s, line("T", [], "dpa"), "T", ["dpa"]);
    score(s, line("T", []), "T", ["Site Owner"]);
    expect(s).toEqual({ pages: 4, title: 3, authorPages: 2, author: 1, noAuthorPages: 2, gaveName: 2, uncreditedPages: 1, gaveUncredited: 1 });
  });
});
