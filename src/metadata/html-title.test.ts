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

describe("title choice: which source is the page's own headline", () => {
  const og = (t: string): string => `<meta property="og:title" content="${t}">`;
  const title = (head: string, body: string): string | null | undefined => extractHtmlMetadata(page(head, body)).title;

  it("drops a short tagline, section or site name after a pipe in the h1", () => {
    expect(title(og("x"), `<h1>Best Residential Movers in NYC 2025 | Top 19 Companies</h1>`)).toBe("Best Residential Movers in NYC 2025");
    expect(title("", `<h1>How to help babies sleep through the night | Patient Education | UC Davis Children's Hospital</h1>`))
      .toBe("How to help babies sleep through the night");
    expect(title("", `<h1>Top 10 Cameras of 2025 Under $2500 | The Best Mirrorless Cameras on the Market Today</h1>`))
      .toBe("Top 10 Cameras of 2025 Under $2500 | The Best Mirrorless Cameras on the Market Today");
  });

  it("takes the meta title's casing when it capitalizes more content words than the h1", () => {
    expect(title(og("How Much Should I Pay For Cleaning in San Diego?"), `<h1>How much should I pay for cleaning in San Diego?</h1>`))
      .toBe("How Much Should I Pay For Cleaning in San Diego?");
    expect(title(`<title>History of coffee | Origin, Spread, Ethiopia, Arabia, Facts, & Timeline</title>`, `<article><h1>history of coffee</h1></article>`))
      .toBe("History of coffee");
    // Only minor words differ: the h1 stays.
    expect(title(og("Video Post-Production Review And Approval Process"), `<h1>Video Post-Production Review and Approval Process</h1>`))
      .toBe("Video Post-Production Review and Approval Process");
  });

  it("takes a meta title that only adds a count or a year to the h1", () => {
    expect(title(`<meta property="og:site_name" content="Flatworld Solutions">${og("8 Recent Trends in Photography - Flatworld Solutions")}`,
      `<h1>Recent Trends in Photography</h1>`)).toBe("8 Recent Trends in Photography");
    // Added words, not just a number: the h1 stays.
    expect(title(og("Best Camping Hammocks of 2026, Tested & Reviewed"), `<h1>Best Camping Hammocks of 2026</h1>`)).toBe("Best Camping Hammocks of 2026");
    expect(title(`<meta property="og:site_name" content="Brighterly">${og("15 Best Online Tutoring Platforms 2025 | Brighterly")}`, `<h1>15 Best Online Tutoring Platforms</h1>`))
      .toBe("15 Best Online Tutoring Platforms 2025");
  });

  it("passes over an h1 set on several lines, a section heading with its own anchor, and a paragraph in an h1", () => {
    const head = og("Top MBA Programs of 2025: Business School Rankings & Guides");
    expect(title(head, `<h1>Top MBA Programs of 2025 (US)<br>Your Guide to the Best Business Schools</h1>`))
      .toBe("Top MBA Programs of 2025: Business School Rankings & Guides");
    expect(title(og("What do people love about Rust? | Rust Blog"), `<h2>What do people love about Rust?</h2><p>Intro</p>
      <h1 id="but-what"><a class="anchor" href="#but-what"></a>But what they love is the sense of empowerment</h1>`))
      .toBe("What do people love about Rust?");
    const long = "Learn which home renovations have the best ROI (return on investment)? Get expert tips on how to understand and calculate home improvement ROI. We'll help you learn everything.";
    expect(title(og("The 10 Best Home Improvement ROI Projects of 2023"), `<h1>${long}</h1>`)).toBe("The 10 Best Home Improvement ROI Projects of 2023");
  });

  it("keeps a multi-line capitals h1 in the meta title's casing", () => {
    expect(title(`<title>Weekend Coding Agent | TheFocus Labs</title>`, `<h1> WEEKEND<br>CODING<br> <span>AGENT</span> </h1>`)).toBe("Weekend Coding Agent");
  });

  it("repairs an h1 whose '?' stood for one or two characters, and keeps a separator the h1's styling dropped", () => {
    expect(title(og("What Are The Basics Of Event Planning: Beginner's Guide"), `<h1>What Are The Basics Of Event Planning? Beginner? Guide</h1>`))
      .toBe("What Are The Basics Of Event Planning: Beginner's Guide");
    expect(title(og("What Tutoring is not. - Defining a good tutor"), `<h1><span>What Tutoring is not.</span> <span>Defining a good tutor</span></h1>`))
      .toBe("What Tutoring is not. - Defining a good tutor");
  });

  it("treats a short h1 naming a blog as the site name, and an h1 heading a separated <title> as the headline", () => {
    expect(title(`<title>rustc_codegen_gcc: Progress Report #39</title>`, `<h1>Antoyo's Blog</h1>`)).toBe("rustc_codegen_gcc: Progress Report #39");
    expect(title(`<title>Defer, Panic, and Recover - The Go Programming Language</title>`,
      `<h1 class="small"><a href="/blog/">The Go</a></h1><h1>Defer, Panic, and Recover</h1>`)).toBe("Defer, Panic, and Recover");
    // What follows a colon is the headline's subtitle: the fuller meta title stays.
    expect(title(og("Index Funds: How to Invest | Vanguard"), `<h1>Index funds</h1>`)).toBe("Index Funds: How to Invest");
  });

  it("drops a domain name standing before the headline in the <title>", () => {
    const m = extractHtmlMetadata(page(`<title>davidbau.com Vibe Coding</title>`, `<h1><a href="/">davidbau.com</a></h1>`), { url: "https://davidbau.com/archives/vibe.html" });
    expect(m.title).toBe("Vibe Coding");
  });
});
