import { describe, it, expect } from "vitest";
import { parseHTML } from "linkedom";
import { choosePublished, readsDayFirst } from "./html-dates.js";
import { extractHtmlMetadata } from "./html-metadata.js";
import { parseAuthors } from "./authors.js";
import { repairMojibake } from "./html-title.js";
import { extractHtml } from "../html/index.js";

const doc = (html: string): Document => parseHTML(html).document as unknown as Document;
const meta = (html: string, url?: string) => extractHtmlMetadata(doc(html), { url: url ?? null });
const vis = (text: string, score: number, updated = false) => ({ text, score, updated });

describe("noise containers and the headline", () => {
  it("reads the date and byline in a wrapper whose class says sidebar or newsletter but holds the headline", () => {
    const html = `<html><body><div class="story-page story-sidebar-mode-single"><main>
      <article class="node node--type-newsletter-article"><h1>Council approves the new bridge budget</h1>
      <div class="story-date"><span>May 31, 2024</span></div>
      <div class="byline">By Audrey Huang</div><p>The council voted on Tuesday.</p></article></main></div></body></html>`;
    const m = meta(html);
    expect(m.published).toBe("2024-05-31");
    expect(m.authors).toEqual(["Audrey Huang"]);
  });

  it("still skips dates in a related-stories list beside the article", () => {
    const html = `<html><body><main><article><h1>Council approves the new bridge budget</h1><p>Text.</p></article>
      <div class="related-posts"><span>Jan 3, 2020</span></div></main></body></html>`;
    expect(meta(html).published).toBeUndefined();
  });

  it("reads a time inside a share bar of the article header", () => {
    const html = `<html><body><article><header class="article-header"><h1>Five tips for writing</h1>
      <div class="meta-share-group"><p class="publish-info"><time class="published" datetime="2023-08-08T10:12:00-05:00">August 08, 2023</time></p></div>
      </header><p>Text.</p></article></body></html>`;
    expect(meta(html).published?.slice(0, 10)).toBe("2023-08-08");
  });

  it("reads a date or time labelled Published even in a sidebar", () => {
    const visible = meta(`<html><body><div class="single-post-content"><h1>The top 25 data companies</h1><p>Text.</p>
      <div class="single-post-sidebar"><div class="single-post-meta"><h4>Published</h4><div class="single-post-date">July 8, 2025</div></div></div>
      </div></body></html>`);
    expect(visible.published).toBe("2025-07-08");
    const time = meta(`<html><body><main><h1>Small business guide</h1><p>Text.</p><div class="layout-sidebar-left">
      <h4>Published</h4><time datetime="2018-11-15T12:00:00Z">15 November 2018</time></div>
      <div class="list"><time datetime="2019-01-17T12:00:00Z">17 Jan 2019</time></div></main></body></html>`);
    expect(time.published?.slice(0, 10)).toBe("2018-11-15");
  });
});

describe("more date sources", () => {
  it("reads date meta tags named by pattern", () => {
    const m = meta(`<html><head><meta name="published" content="July 17, 2025"><meta name="updated" content="2025-08-01"></head>
      <body><h1>Data analysis tools</h1></body></html>`);
    expect(m.published).toBe("2025-07-17");
    expect(m.updated).toBe("2025-08-01");
  });

  it("reads the post of a Blog node that lists a single blogPost", () => {
    const ld = { "@context": "https://schema.org", "@type": "Blog", name: "AppAddict",
      blogPost: [{ "@type": "BlogPosting", headline: "Photo frame app", datePublished: "2025-12-19T20:20:42Z" }] };
    const m = meta(`<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><p>x</p></body></html>`);
    expect(m.published).toBe("2025-12-19T20:20:42Z");
  });

  it("reads an ISO timestamp written in the page and a Posted-on label far from the headline", () => {
    expect(meta(`<html><body><main><h1>Climate hotspots</h1><p><span class="publicationTime">2022-11-23T08:10+02:00 </span></p></main></body></html>`)
      .published?.slice(0, 10)).toBe("2022-11-23");
  });

  it("keeps the published date when the page shows it beside the modified one", () => {
    const ev = { published: [{ value: "2025-04-24T16:12:49+00:00", source: "json-ld" }], modified: [{ value: "2025-05-21T14:06:47+00:00", source: "json-ld" }] };
    expect(choosePublished({ ...ev, visible: [vis("May 21, 2025", 5), vis("April 24, 2025", 5)] })?.value).toBe("2025-04-24T16:12:49+00:00");
  });

  it("takes the numeric order from a date written with its month name", () => {
    expect(readsDayFirst([vis("3 October 2023", 3), vis("03/10/2023", 3)], "en")).toBe(true);
    expect(readsDayFirst([vis("October 3, 2023", 3)], "en-GB")).toBe(false);
  });

  it("reads a page whose markup has no <html> element", () => {
    const html = `<!DOCTYPE html>\n<head><title>Vibe Coding</title></head>\n<body><h1>Vibe Coding</h1><p>Text.</p>
      <span class="posted">Posted by David Bau at December 16, 2025 11:15 AM</span></body>`;
    const direct = meta(html);
    expect(direct.published?.slice(0, 10)).toBe("2025-12-16");
    expect(direct.authors).toEqual(["David Bau"]);
  });
});

describe("bylines", () => {
  it("reads an Author label followed by the name, and an author list", () => {
    expect(meta(`<html><body><article><h1>AI for patients</h1><p>Text.</p><aside><div><h3>Author</h3><p> Lisa D. Ellis</p></div></aside></article></body></html>`)
      .authors).toEqual(["Lisa D. Ellis"]);
    expect(meta(`<html><body><h1>Technology policies</h1><div><h6>Author(s)</h6><ul><li><a href="/l?a=1">John A. Alic</a></li><li><a href="/l?a=2">Edward S. Rubin</a></li></ul></div></body></html>`)
      .authors).toEqual(["John A. Alic", "Edward S. Rubin"]);
  });

  it("reads the names after a bare By and ignores 'by' inside a sentence", () => {
    expect(meta(`<html><body><h1>Selecting DC motors</h1><p>By <a href="/c/ajn">A. J. Neal</a>&nbsp; <a href="/d">View In Digital Edition</a></p></body></html>`)
      .authors).toEqual(["A. J. Neal"]);
    expect(meta(`<html><body><h1>Notes</h1><p>See the libraries astring and uunf by <a href="https://x.example">Daniel Bünzli</a> for this.</p></body></html>`)
      .authors).toBeUndefined();
  });

  it("ends a byline at 'at <date>'", () => {
    expect(parseAuthors(["Posted by David at December 16, 2025 11:15 AM"]).authors).toEqual(["David"]);
  });
});

describe("more date placement rules", () => {
  it("reads a date just after the author link, far from the headline", () => {
    const filler = Array.from({ length: 30 }, (_, i) => `<p>Paragraph ${i} of the introduction.</p>`).join("");
    const m = meta(`<html><body><h1>How mobile apps are made</h1>${filler}${filler}<div><p><a href="/author/moses-kim">Moses Kim</a></p><p class="t600">April 8, 2024</p></div></body></html>`);
    expect(m.published).toBe("2024-04-08");
  });

  it("reads a time in the article's own aside, not in a page aside", () => {
    expect(meta(`<html><body><h1>A brief intro to git</h1><article><aside><time datetime="2021-06-06">June 6, 2021</time></aside><p>Text.</p></article></body></html>`)
      .published).toBe("2021-06-06");
    expect(meta(`<html><body><article><h1>A brief intro to git</h1><p>Text.</p></article><aside><time datetime="2021-06-06">June 6, 2021</time></aside></body></html>`)
      .published).toBeUndefined();
  });

  it("ignores a today's-date widget", () => {
    const m = meta(`<html><body><main><h1>What are taxes</h1><p id="todays-date-custom"><strong>Friday</strong>, December 19, 2025</p>
      <div class="duration">12.12.2025</div><p>Text.</p></main></body></html>`);
    expect(m.published).toBe("2025-12-12");
  });
});

describe("more byline rules", () => {
  it("ranks a Reviewed-by line after the author", () => {
    const m = meta(`<html><body><h1>Home security tips</h1><div class="byline">Reviewed by Robert Tschudi</div><p class="by">By Ryan Noonan</p></body></html>`);
    expect(m.authors).toEqual(["Ryan Noonan"]);
  });

  it("skips author links labelled Learn more", () => {
    const m = meta(`<html><body><h1>Data governance</h1><a href="/author/pg">Learn More</a><div class="author-name">Paramita Ghosh</div></body></html>`);
    expect(m.authors).toEqual(["Paramita Ghosh"]);
  });

  it("reads names after a leading date, an Oxford comma, before a role, after 'written by'", () => {
    expect(parseAuthors(["Oct 30, 2025 Alex David, Sönke Hahn, and Julian K. Arni"]).authors).toEqual(["Alex David", "Sönke Hahn", "Julian K. Arni"]);
    expect(parseAuthors(["Rachel MacDonald Writer"]).authors).toEqual(["Rachel MacDonald"]);
    expect(parseAuthors(["This post was written by Danielle Padula, Head of Marketing"]).authors).toEqual(["Danielle Padula"]);
    expect(parseAuthors(["Staff Writer"]).authors).toEqual([]);
  });
});

describe("titles", () => {
  it("repairs UTF-8 read as Latin-1 and leaves other text alone", () => {
    expect(repairMojibake("A DIY Investor\u00e2\u0080\u0099s Guide")).toBe("A DIY Investor\u2019s Guide");
    expect(repairMojibake("Café à Paris")).toBe("Café à Paris");
  });
});

describe("pipeline path", () => {
  it("gives the same metadata through extractHtml, whose page has no scripts but JSON-LD", () => {
    const html = `<html><head><meta name="published" content="July 17, 2025"><script>var x = {"publishDate":"2020-01-01"};</script></head>
      <body><div class="page sidebar-mode"><h1>Data analysis tools for 2026</h1><div class="byline">By Austin Chia</div>
      <p>${"Body text of the article. ".repeat(20)}</p></div></body></html>`;
    const viaHtml = extractHtml(html, { input: "t", url: null }).metadata;
    expect(viaHtml.published).toBe("2025-07-17");
    expect(viaHtml.authors).toEqual(["Austin Chia"]);
  });
});
