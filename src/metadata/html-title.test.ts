import { describe, it, expect } from "vitest";
import { parseHTML } from "linkedom";
import { extractHtmlMetadata } from "./html-metadata.js";
import { indexElements } from "./html-index.js";

const doc = (html: string): Document => parseHTML(html).document as unknown as Document;
const page = (head: string, body: string): Document => doc(`<html><head>${head}</head><body>${body}</body></html>`);

describe("title choice", () => {
  it("drops a date or a 'Posted on … by' line run into the h1", () => {
    const og = `<meta property="og:title" content="Top Strategies to Optimize Blockchain Security">`;
    expect(extractHtmlMetadata(page(og, `<h1>Top Strategies to Optimize Blockchain Security <span>Posted on July 1, 2024 by infuy</span></h1>`)).title)
      .toBe("Top Strategies to Optimize Blockchain Security");
    const og2 = `<meta property="og:title" content="Preparing a transition in Debusine">`;
    const m = extractHtmlMetadata(page(og2, `<h1><small>Dec 18 2025</small> Preparing a transition in Debusine</h1>`));
    expect(m.title).toBe("Preparing a transition in Debusine");
    expect(m.provenance?.["title"]?.source).toBe("metadata:h1-extra");
  });

  it("keeps the h1's own apostrophes when it drops the site name from it", () => {
    const head = `<meta property="og:site_name" content="Artlyst"><meta property="og:title" content="Critics' Choice: Best UK Art Exhibitions 2025 - Artlyst">`;
    expect(extractHtmlMetadata(page(head, `<h1>Critics’ Choice: Best UK Art Exhibitions 2025 – Artlyst</h1>`)).title)
      .toBe("Critics’ Choice: Best UK Art Exhibitions 2025");
  });

  it("passes over a logo h1 and a capitals banner h1", () => {
    const og = `<meta property="og:title" content="Defer, Panic, and Recover">`;
    expect(extractHtmlMetadata(page(og, `<h1><a href="/">The Go Blog</a></h1><h1>Defer, Panic, and Recover</h1>`)).title)
      .toBe("Defer, Panic, and Recover");
    const og2 = `<meta property="og:title" content="GAAP Compliance: Applying Best Practices">`;
    expect(extractHtmlMetadata(page(og2, `<h1>SUPPORTING GAAP COMPLIANCE</h1>`)).title).toBe("GAAP Compliance: Applying Best Practices");
  });

  it("treats an h1 that heads the <title> before the headline as the site name", () => {
    const head = `<title>Engora Data Blog: Small adventures with small language models</title>
      <meta property="og:title" content="Small adventures with small language models">`;
    expect(extractHtmlMetadata(page(head, `<h1>Engora Data Blog</h1>`)).title).toBe("Small adventures with small language models");
  });

  it("keeps an ordinary h1 that differs from the meta title", () => {
    const head = `<title>Houston's Hottest New Restaurants | Houstonia</title><meta property="og:title" content="The Best New Restaurants and Bars">`;
    expect(extractHtmlMetadata(page(head, `<h1>Houston's Hottest New Restaurants to Visit This Month</h1>`)).title)
      .toBe("Houston's Hottest New Restaurants to Visit This Month");
  });
});

describe("indexElements", () => {
  it("walks every top-level element, including a stray script before <html>", () => {
    const d = doc(`<script>var x = 1;</script><html><head><title>T</title><meta name="author" content="Jo Roe">
      <script type="application/ld+json">{}</script></head><body><article><h1>A</h1></article><h1>B</h1>
      <time datetime="2024-01-01">x</time><span class="byline">By Jo Roe</span></body></html>`);
    const ix = indexElements(d);
    expect(ix.metas.length).toBe(1);
    expect(ix.ldScripts.length).toBe(1);
    expect(ix.h1s.map((h) => h.textContent)).toEqual(["A", "B"]);
    expect(ix.articleH1s.map((h) => h.textContent)).toEqual(["A"]);
    expect(ix.times.length).toBe(1);
    expect(ix.authorClassed.length).toBe(1);
  });
});
