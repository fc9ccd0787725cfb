import { describe, it, expect } from "vitest";
import { parseHTML } from "linkedom";
import { extractHtmlMetadata } from "./html-metadata.js";

const doc = (html: string): Document => parseHTML(html).document as unknown as Document;

const GRAPH = `<!doctype html><html lang="es-MX"><head>
<title>Sheinbaum rechaza tropas de EU | Diario Norte</title>
<meta property="og:site_name" content="Diario Norte">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
  {"@type":"WebSite","@id":"https://norte.example/#site","name":"Diario Norte"},
  {"@type":"Organization","@id":"https://norte.example/#org","name":"Diario Norte"},
  {"@type":"NewsArticle","headline":"Sheinbaum rechaza tropas de EU","datePublished":"2025-05-03T14:05:00-06:00",
   "dateModified":"2025-05-03T18:00:00-06:00","articleSection":"Nacional","inLanguage":"es-MX",
   "author":[{"@type":"Person","name":"Ana López"},{"@type":"Person","name":"Luis Pérez"}],
   "publisher":{"@id":"https://norte.example/#org"}}
]}</script>
<link rel="canonical" href="/nacional/sheinbaum-tropas">
</head><body><h1>Sheinbaum rechaza tropas de EU</h1><p>Texto.</p></body></html>`;

describe("extractHtmlMetadata", () => {
  it("reads a JSON-LD @graph: headline, people, publisher by @id, dates with zones, section, language", () => {
    const m = extractHtmlMetadata(doc(GRAPH), { url: "https://norte.example/x?utm=1" });
    expect(m.title).toBe("Sheinbaum rechaza tropas de EU");
    expect(m.authors).toEqual(["Ana López", "Luis Pérez"]);
    expect(m.outlet).toBe("Diario Norte");
    expect(m.published).toBe("2025-05-03T14:05:00-06:00");
    expect(m.updated).toBe("2025-05-03T18:00:00-06:00");
    expect(m.section).toBe("Nacional");
    expect(m.language).toBe("es");
    expect(m.url).toBe("https://norte.example/nacional/sheinbaum-tropas");
    expect(m.provenance?.["authors"]).toEqual({ span: null, source: "json-ld" });
    expect(m.provenance?.["url"]?.source).toBe("html:canonical");
  });

  it("skips a broken JSON-LD block and still reads the good one", () => {
    const html = `<html><head>
      <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Broken", </script>
      <script type="application/ld+json">{"@type":"BlogPosting","headline":"Harbour bridge reopens","author":"Jane Roe","datePublished":"2024-02-01"}</script>
      </head><body><h1>Harbour bridge reopens</h1></body></html>`;
    const m = extractHtmlMetadata(doc(html));
    expect(m.title).toBe("Harbour bridge reopens");
    expect(m.authors).toEqual(["Jane Roe"]);
    expect(m.published).toBe("2024-02-01");
  });

  it("works from OpenGraph and article meta tags alone", () => {
    const html = `<html><head><title>Storm hits coast - The Gazette</title>
      <meta property="og:title" content="Storm hits coast">
      <meta property="og:site_name" content="The Gazette">
      <meta property="article:published_time" content="2023-10-05T08:30:00Z">
      <meta property="article:modified_time" content="2023-10-05T10:00:00+01:00">
      <meta property="article:section" content="Weather">
      <meta property="article:author" content="https://facebook.com/someone">
      <meta name="author" content="Mary Major">
      <meta property="og:url" content="https://gazette.example/storm">
      </head><body><p>No headline element.</p></body></html>`;
    const m = extractHtmlMetadata(doc(html));
    expect(m.title).toBe("Storm hits coast");
    expect(m.provenance?.["title"]?.source).toBe("meta:og:title");
    expect(m.authors).toEqual(["Mary Major"]);
    expect(m.outlet).toBe("The Gazette");
    expect(m.published).toBe("2023-10-05T08:30:00Z");
    expect(m.updated).toBe("2023-10-05T10:00:00+01:00");
    expect(m.section).toBe("Weather");
    expect(m.url).toBe("https://gazette.example/storm");
  });

  it("finds a visible byline and a header <time> when there is no markup", () => {
    const html = `<html><body><article><header><h1>Council votes on budget</h1>
      <div class="byline">By <a href="/people/jo">Jo Bloggs</a> and <span>Sam Smith</span>, Staff Writers</div>
      <time datetime="2022-07-14">July 14, 2022</time></header><p>Body.</p></article>
      <section class="comments"><div class="byline">By Troll McTroll</div><time datetime="2023-01-01">x</time></section>
      </body></html>`;
    const m = extractHtmlMetadata(doc(html));
    expect(m.title).toBe("Council votes on budget");
    expect(m.authors).toEqual(["Jo Bloggs", "Sam Smith"]);
    expect(m.published).toBe("2022-07-14");
  });

  it("finds a date written in the article header text", () => {
    const html = `<html><body><main><h1>How to plan a garden</h1>
      <div class="post-meta"><span>Published on</span> <span>March 3, 2024</span></div><p>Text.</p></main></body></html>`;
    const m = extractHtmlMetadata(doc(html));
    expect(m.published).toBe("2024-03-03");
    expect(m.provenance?.["published"]?.source).toBe("html:visible-date");
  });

  it("sets agencies apart from authors and drops the publisher", () => {
    const html = `<html><head><meta property="og:site_name" content="Daily Planet">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Quake strikes",
        "author":[{"@type":"Person","name":"Lois Lane"},{"@type":"Organization","name":"Daily Planet"}],
        "publisher":{"@type":"Organization","name":"Daily Planet"}}</script></head>
      <body><h1>Quake strikes</h1><p class="byline">By Lois Lane, with AP and Reuters</p></body></html>`;
    const m = extractHtmlMetadata(doc(html));
    expect(m.authors).toEqual(["Lois Lane"]);
    expect(m.outlet).toBe("Daily Planet");
    expect(m.agencies).toEqual(expect.arrayContaining(["AP", "Reuters"]));
  });

  it("cleans the <title> site suffix when it is the only title", () => {
    const m = extractHtmlMetadata(doc(`<html><head><title>Rates rise again | Money Desk</title>
      <meta property="og:site_name" content="Money Desk"></head><body></body></html>`));
    expect(m.title).toBe("Rates rise again");
    expect(m.provenance?.["title"]?.source).toBe("html:title");
  });

  it("never throws on garbage documents", () => {
    const inputs = ["", "<<<>>>", "\u0000\u0001binary", "<script type=application/ld+json>{{{{</script>",
      `<html><body>${"<div>".repeat(3000)}By${"</div>".repeat(3000)}</body></html>`,
      `<html><head><title>${"a".repeat(100_000)}</title></head><body>${"By ".repeat(20_000)}</body></html>`];
    for (const input of inputs) {
      const m = extractHtmlMetadata(doc(input));
      expect(m.provenance).toBeTypeOf("object");
    }
  });
});

describe("extractHtmlMetadata authors", () => {
  it("takes the outlet as author when the byline names only the outlet", () => {
    const html = `<html><head><meta property="og:site_name" content="ServiceTitan"></head><body><article>
      <h1>Best electrician tools</h1><p class="byline">By ServiceTitan</p><p>Text.</p></article></body></html>`;
    const m = extractHtmlMetadata(doc(html));
    expect(m.authors).toEqual(["ServiceTitan"]);
    expect(m.provenance?.["authors"]?.source).toBe("html:byline-class:outlet");
  });

  it("ranks a JSON-LD login handle after a visible byline", () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"BlogPosting","headline":"Breathing, explained",
      "author":{"@type":"Person","name":"andrew.keaveney"}}</script></head><body><article><h1>Breathing, explained</h1>
      <div class="author-info"><span class="author-name">Denise Everheart</span></div><p>Text.</p></article></body></html>`;
    expect(extractHtmlMetadata(doc(html)).authors).toEqual(["Denise Everheart"]);
  });
});

describe("extractHtmlMetadata visible bylines", () => {
  it("reads an author slot inside page-builder widgets and classes that merely contain a skip word", () => {
    const elementor = `<html><body><main><h1>Pros and cons of consulting</h1>
      <div class="elementor-widget elementor-widget-author-box"><div class="elementor-author-box">
      <div class="elementor-author-box__avatar"><img alt=""></div>
      <h4 class="elementor-author-box__name">Liz Kenny</h4><div class="elementor-author-box__bio">Former consultant</div>
      </div></div><p>Text.</p></main></body></html>`;
    expect(extractHtmlMetadata(doc(elementor)).authors).toEqual(["Liz Kenny"]);
    const jobber = `<html><body><article><h1>Cleaning industry trends</h1>
      <span class="wp-block-jobber-academy-post-hero__author">Lisa Pham</span><p>Text.</p></article></body></html>`;
    expect(extractHtmlMetadata(doc(jobber)).authors).toEqual(["Lisa Pham"]);
  });
});
