import { describe, it, expect } from "vitest";
import { parseHTML } from "linkedom";
import { findMarkupDates, pageKey, selfListedDay } from "./html-date-markup.js";

const doc = (html: string): Document => parseHTML(html).document as unknown as Document;

describe("findMarkupDates", () => {
  it("reads datePublished from JSON-LD in a meta content, inside @graph too", () => {
    const json = JSON.stringify({ "@graph": [{ "@type": "WebSite", name: "Site" }, { "@type": "BlogPosting", datePublished: "2024-03-01" }] })
      .replace(/"/g, "&quot;");
    const d = findMarkupDates(doc(`<html><head><meta name="script:ld+json" content="${json}"></head><body><p>x</p></body></html>`));
    expect(d).toEqual([{ text: "2024-03-01", score: -100, updated: false, source: "json-ld:attribute" }]);
  });

  it("ignores broken JSON, other meta tags, non-article types and scripts with a body", () => {
    const person = JSON.stringify({ "@type": "Person", datePublished: "2024-03-01" }).replace(/"/g, "&quot;");
    const article = JSON.stringify({ "@type": "Article", datePublished: "2024-03-01" }).replace(/"/g, "&quot;");
    const d = findMarkupDates(doc(`<html><head>
      <meta name="script:ld+json" content="{&quot;datePublished&quot;: ">
      <meta name="description" content="${article}">
      <meta name="script:ld+json" content="${person}">
      <script type="application/ld+json" children="${article}">{}</script></head><body><p>x</p></body></html>`));
    expect(d).toEqual([]);
  });

  it("keeps an ISO <time> with the one link of its box, not a list's", () => {
    const d = findMarkupDates(doc(`<html><body>
      <div class="post-item"><h4><a href="/blog/a">A</a></h4><time datetime="2025-12-02">December 02, 2025</time></div>
      <div class="list"><a href="/x">x</a><a href="/y">y</a><time datetime="2025-01-01">Jan 1</time></div>
      <div><time datetime="02-12-2025">02-12-2025</time></div></body></html>`));
    expect(d).toEqual([{ text: "2025-12-02", score: -100, updated: false, source: "html:self-listing", href: "/blog/a" }]);
  });
});

describe("selfListedDay", () => {
  const listing = (href: string, day: string) => ({ text: day, score: -100, updated: false, source: "html:self-listing", href });

  it("gives the day that listings of this page agree on", () => {
    const url = "https://tones.example/blog/a?ref=x";
    expect(selfListedDay([listing("/blog/a/", "2025-12-02"), listing("/blog/b", "2025-01-01")], url)).toBe("2025-12-02");
    expect(selfListedDay([listing("/blog/a", "2025-12-02"), listing("/blog/a", "2025-12-03")], url)).toBeNull();
    expect(selfListedDay([listing("/blog/a#comment-1", "2025-12-02")], url)).toBeNull();
    expect(selfListedDay([listing("/blog/a", "2025-12-02")], null)).toBeNull();
  });

  it("compares pages by origin and path", () => {
    expect(pageKey("/Blog/A/", "https://x.example/q")).toBe("https://x.example/blog/a");
    expect(pageKey("not a url")).toBeNull();
  });
});
