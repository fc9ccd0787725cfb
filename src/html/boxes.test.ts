import { describe, it, expect } from "vitest";
import { extractHtml } from "./index.js";

/** Body paragraphs of a page, as text. */
function body(html: string): string {
  const { layout } = extractHtml(html, { input: "fixture.html" });
  return layout.paragraphs.map((p) => layout.text.slice(p.span.start, p.span.end)).join("\n");
}

const para = (i: number): string =>
  `<p>Paragraph ${i} of the story: the harbour board agreed on Tuesday to rebuild the old fish market as a covered hall for traders, after two winters in which storms flooded the quay and closed the stalls.</p>`;
const page = (inner: string, wrapClass = "story"): string =>
  `<!DOCTYPE html><html><head><title>Fish market rebuilt</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div id="main"><div class="${wrapClass}"><h1>Fish market rebuilt</h1>${inner}</div></div></body></html>`;

const NEWSLETTER = "Every Friday we send the week's harbour news, the new ferry timetables and one long read to your inbox, free of charge.";
const CARD = "The island's last boatyard has found a buyer who promises to keep the slipway and its four builders working.";

describe("boxes of other content inside the article container", () => {
  it("drops a newsletter box marked by its class", () => {
    const b = body(page(`${[1, 2, 3, 4].map(para).join("")}<div class="newsletter-signup"><h3>Get the Harbour Letter</h3><p>${NEWSLETTER}</p></div>${[5, 6].map(para).join("")}`));
    expect(b).toContain("Paragraph 6 of the story");
    expect(b).not.toContain(NEWSLETTER);
  });

  it("drops related posts whose cards carry no links (the page makes them with scripts)", () => {
    const card = (i: number): string => `<div class="card"><h3>Boatyard sold, part ${i}</h3><p>${CARD}</p></div>`;
    const b = body(page(`${[1, 2, 3].map(para).join("")}<div class="related-content">${[1, 2].map(card).join("")}</div>${[4, 5, 6].map(para).join("")}`));
    expect(b).toContain("Paragraph 6 of the story");
    expect(b).not.toContain(CARD);
  });

  it("keeps the article when a wrapper around all of it carries such a class", () => {
    const b = body(page([1, 2, 3, 4, 5, 6].map(para).join(""), "story has-comments share-enabled"));
    expect(b).toContain("Paragraph 1 of the story");
    expect(b).toContain("Paragraph 6 of the story");
  });
});

describe("a related heading at the article's end", () => {
  it("drops the short unlinked cards it announces, to the end of the article", () => {
    const card = (i: number): string => `<h3>Boatyard sold, part ${i}</h3><p>${CARD}</p><p>Updated March ${i}, 2026</p>`;
    const b = body(page(`${[1, 2, 3, 4, 5, 6].map(para).join("")}<h2>Related articles that may interest you</h2>${[1, 2, 3].map(card).join("")}`));
    expect(b).toContain("Paragraph 6 of the story");
    expect(b).not.toMatch(/Related articles|Boatyard sold|last boatyard/);
  });

  it("keeps a long section after such a heading", () => {
    const b = body(page(`${[1, 2, 3].map(para).join("")}<h2>Related stories</h2>${[4, 5, 6].map(para).join("")}`));
    expect(b).toContain("Paragraph 6 of the story");
  });
});

describe("promotion lines behind an emoji or symbol", () => {
  it("drops a sign-up line that starts with an emoji", () => {
    const b = body(page(`${[1, 2, 3].map(para).join("")}<p>🚀 Sign up for the Harbour Letter</p>${[4, 5, 6].map(para).join("")}`));
    expect(b).toContain("Paragraph 6 of the story");
    expect(b).not.toContain("Sign up for the Harbour Letter");
  });
});
