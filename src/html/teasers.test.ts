import { describe, it, expect } from "vitest";
import { extractHtml } from "./index.js";

/** Body paragraphs of a page, as text. */
function body(html: string): string {
  const { layout } = extractHtml(html, { input: "fixture.html" });
  return layout.paragraphs.map((p) => layout.text.slice(p.span.start, p.span.end)).join("\n");
}

const para = (i: number): string =>
  `<p>Paragraph ${i} of the story: the regional council agreed on Monday to fund the new ferry line, which will link the two islands from next spring, after a debate that lasted most of the night.</p>`;
const page = (inner: string): string =>
  `<!DOCTYPE html><html><head><title>Ferry line funded</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div id="main"><div class="story"><h1>Ferry line funded</h1>${inner}</div></div></body></html>`;

describe("related content inside the article container", () => {
  it("drops a grid of repeated teaser cards (linked headline, summary, kicker)", () => {
    const card = (i: number): string =>
      `<div class="story-card story-card--${i}"><h3><a href="/story-${i}">Island school wins national prize number ${i}</a></h3><p>Pupils from the island built a small boat that sails itself across the bay.</p><span class="kicker">Education</span></div>`;
    const b = body(page(`${[1, 2, 3, 4, 5, 6].map(para).join("")}<div class="story-more">${[1, 2, 3, 4].map(card).join("")}</div>`));
    expect(b).toContain("Paragraph 6 of the story");
    expect(b).not.toMatch(/small boat that sails|Island school wins/);
  });

  it("drops short linked lines announced by a related heading, in other languages too", () => {
    const line = (i: number): string => `<p>Politik: <a href="/a${i}">Minister tritt nach der Abstimmung zurück</a> – vor ${i} Stunden aktualisiert</p>`;
    const b = body(page(`${[1, 2, 3, 4, 5, 6].map(para).join("")}<h4>Lesen Sie auch</h4>${[1, 2, 3].map(line).join("")}`));
    expect(b).toContain("Paragraph 6 of the story");
    expect(b).not.toMatch(/Lesen Sie auch|Minister tritt/);
  });

  it("keeps the article's own repeated items that lead with plain text", () => {
    const item = (i: number): string =>
      `<div class="story-item"><h3>Deck chair model ${i}</h3><p>A sturdy chair for the ferry deck, sold at <a href="/shop/${i}">the harbour shop</a>.</p></div>`;
    const b = body(page(`${[1, 2, 3, 4, 5, 6].map(para).join("")}${[1, 2, 3].map(item).join("")}`));
    expect(b).toContain("Deck chair model 3");
    expect(b).toContain("A sturdy chair for the ferry deck");
  });
});

describe("other stories' headlines at the article's end", () => {
  it("drops a run of linked headlines with short summaries that ends the article", () => {
    const teaser = (i: number): string =>
      `<h3><a href="/story-${i}">Harbour festival returns for summer number ${i}</a></h3><p>Boats, music and a fish market on the quay for three days.</p><p>June ${i}, 2026</p>`;
    const b = body(page(`${[1, 2, 3, 4, 5, 6].map(para).join("")}${[1, 2, 3].map(teaser).join("")}`));
    expect(b).toContain("Paragraph 6 of the story");
    expect(b).not.toMatch(/Harbour festival returns|Boats, music/);
  });

  it("keeps the article's own linked section headings when they hold much of the article", () => {
    const section = (i: number): string => `<h3><a href="/guide-${i}">Ferry stop ${i}</a></h3>${para(10 + i)}`;
    const b = body(page(`${[1, 2, 3].map(para).join("")}${[1, 2, 3].map(section).join("")}`));
    expect(b).toContain("Paragraph 13 of the story");
  });
});
