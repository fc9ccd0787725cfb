import { describe, it, expect } from "vitest";
import { parseHTML } from "linkedom";
import { choosePublished, readsDayFirst, urlDay } from "./html-dates.js";
import { normalizeDate } from "./dates.js";
import { extractHtmlMetadata } from "./html-metadata.js";

const doc = (html: string): Document => parseHTML(html).document as unknown as Document;
const vis = (text: string, score: number, updated = false) => ({ text, score, updated });

describe("numeric dates", () => {
  it("reads day and month in the order the page uses", () => {
    expect(normalizeDate("02-12-2025", { dayFirst: true })).toBe("2025-12-02");
    expect(normalizeDate("02-12-2025", { dayFirst: false })).toBe("2025-02-12");
    expect(normalizeDate("Posted on the 15/12/2025 at 19:00", { dayFirst: false })).toBe("2025-12-15T19:00:00");
    expect(normalizeDate("4/24/2000 12:00:00 AM", { dayFirst: true })).toBe("2000-04-24T00:00:00");
    expect(normalizeDate("2025-12-02T10:00:00Z", { dayFirst: true })).toBe("2025-12-02T10:00:00Z");
  });

  it("decides the order from an unambiguous date on the page, else the language", () => {
    expect(readsDayFirst([vis("15.12.2025", 1)], "en-US")).toBe(true);
    expect(readsDayFirst([vis("12/15/2025", 1)], "de")).toBe(false);
    expect(readsDayFirst([], "en")).toBe(false);
    expect(readsDayFirst([], "en-GB")).toBe(true);
  });

  it("reads the day in a URL path", () => {
    expect(urlDay("https://blog.example/2025/12/18/some-post/")).toBe("2025-12-18");
    expect(urlDay("https://blog.example/archives/2025/12/16/vibe.html")).toBe("2025-12-16");
    expect(urlDay("https://blog.example/2025/12/post")).toBeNull();
    expect(urlDay("https://www.school.example/blog/2023/october/03/wine-styles/")).toBe("2023-10-03");
  });

  it("reads an ambiguous numeric date the way the URL's day does", () => {
    expect(readsDayFirst([vis("03/10/2023", 5)], "en", "https://x.example/blog/2023/october/03/post/")).toBe(true);
    expect(readsDayFirst([vis("10/03/2023", 5)], "en-GB", "https://x.example/2023/10/03/post/")).toBe(false);
    expect(choosePublished({ published: [], modified: [], visible: [vis("03/10/2023", 5)], url: "https://x.example/2023/october/03/a/", lang: "en" })?.value)
      .toBe("2023-10-03");
  });
});

describe("choosePublished", () => {
  it("keeps the structured date when nothing contradicts it", () => {
    const c = choosePublished({ published: [{ value: "2024-02-01T15:46:14+00:00", source: "json-ld" }], modified: [], visible: [] });
    expect(c).toEqual({ value: "2024-02-01T15:46:14+00:00", source: "json-ld" });
  });

  it("takes the modified date when the page shows it as its date", () => {
    const ev = {
      published: [{ value: "2024-02-01T15:46:14+00:00", source: "json-ld" }],
      modified: [{ value: "2025-04-19T23:02:46+00:00", source: "json-ld" }],
    };
    expect(choosePublished({ ...ev, visible: [vis("April 19, 2025", 5)] })?.source).toBe("metadata:visible-updated");
    // Labelled "Updated": the published date stays.
    expect(choosePublished({ ...ev, visible: [vis("Updated April 19, 2025", 5, true)] })?.value).toBe("2024-02-01T15:46:14+00:00");
  });

  it("takes the local day when a UTC stamp crossed midnight and the URL shows it", () => {
    const published = [{ value: "2025-12-19T02:41:41+00:00", source: "meta:article:published_time" }];
    expect(choosePublished({ published, modified: [], visible: [vis("December 18, 2025", 6)], url: "https://x.example/2025/12/18/post/" }))
      .toEqual({ value: "2025-12-18", source: "metadata:visible-day" });
    expect(choosePublished({ published, modified: [], visible: [], url: "https://x.example/2025/12/18/post/" }))
      .toEqual({ value: "2025-12-18", source: "metadata:url-date" });
  });

  it("keeps a UTC stamp's own day against a neighbouring shown day (metadata:utc-stamp-day)", () => {
    const published = [{ value: "2021-12-10T02:17:00+00:00", source: "meta:article:published_time" }];
    expect(choosePublished({ published, modified: [], visible: [vis("December 9, 2021", 6)] })?.value).toBe("2021-12-10T02:17:00+00:00");
    // A second source giving the local day does not change that; only the URL does.
    const two = [...published, { value: "2021-12-09T21:17:00-05:00", source: "html:itemprop-datePublished" }];
    expect(choosePublished({ published: two, modified: [], visible: [vis("December 9, 2021", 6)] })?.value).toBe("2021-12-10T02:17:00+00:00");
    // A local time (no zone) or an offset time: the shown day.
    expect(choosePublished({ published: [{ value: "2025-11-13T09:21:40", source: "json-ld" }], modified: [], visible: [vis("12 November 2025", 6)] }))
      .toEqual({ value: "2025-11-12", source: "metadata:visible-day" });
    // A regenerated stamp ("modified" before "published") is no publishing time: the shown day.
    expect(choosePublished({
      published: [{ value: "2025-12-19T22:02:58.705Z", source: "json-ld" }], modified: [{ value: "2025-12-19T22:02:45.351Z", source: "json-ld" }],
      visible: [vis("Dec 18, 2025", 5)],
    })).toEqual({ value: "2025-12-18", source: "metadata:visible-day" });
  });

  it("does not take a shown day next to the published stamp's for an update", () => {
    const c = choosePublished({
      published: [{ value: "2025-12-02T23:00:55+00:00", source: "meta:article:published_time" }],
      modified: [{ value: "2025-12-03T21:31:05+00:00", source: "meta:article:modified_time" }],
      visible: [vis("Published: 03 Dec 2025", 9)],
    });
    expect(c).toEqual({ value: "2025-12-02T23:00:55+00:00", source: "meta:article:published_time" });
  });

  it("reads JSON-LD held in an attribute only when no published source exists (metadata:ld-attribute)", () => {
    const ld = { text: "2025-11-17T09:00:00-05:00", score: -100, updated: false, source: "json-ld:attribute" };
    expect(choosePublished({ published: [], modified: [], visible: [ld] }))
      .toEqual({ value: "2025-11-17T09:00:00-05:00", source: "json-ld:attribute" });
    expect(choosePublished({ published: [{ value: "2025-11-20", source: "meta:date" }], modified: [], visible: [ld] })?.value).toBe("2025-11-20");
  });

  it("prefers an earlier shown date over a regeneration stamp", () => {
    const stamp = { value: "2025-11-20T16:02:46Z", source: "json-ld" };
    const c = choosePublished({ published: [stamp], modified: [stamp], visible: [vis("May 14, 2025", 5)] });
    expect(c).toEqual({ value: "2025-05-14", source: "metadata:visible-over-stamp" });
  });

  it("takes a second published source that gives the day shown under the headline", () => {
    const published = [{ value: "2022-10-24T12:40:59+00:00", source: "json-ld" }, { value: "On 8 Oct 2022", source: "html:itemprop-datePublished" }];
    const modified = [{ value: "2022-12-02T08:16:16+00:00", source: "json-ld" }];
    expect(choosePublished({ published, modified, visible: [vis("8 Oct 2022", 5)] }))
      .toEqual({ value: "2022-10-08", source: "metadata:seconded-visible" });
    // Nobody seconds the shown day: the first source stays.
    expect(choosePublished({ published: published.slice(0, 1), modified, visible: [vis("8 Oct 2022", 5)] })?.source).toBe("json-ld");
  });

  it("treats a modified date before the published one as a regeneration stamp", () => {
    const c = choosePublished({
      published: [{ value: "Jun 12, 2025", source: "json-ld" }], modified: [{ value: "Jun 10, 2025", source: "json-ld" }],
      visible: [vis("November 2, 2022", 3)],
    });
    expect(c).toEqual({ value: "2022-11-02", source: "metadata:visible-over-stamp" });
  });

  it("keeps a <time>'s datetime over its differing text when nothing else dates the page", () => {
    const c = choosePublished({ published: [{ value: "2024-12-20", source: "html:time" }], modified: [], visible: [vis("August 28, 2024", 3)] });
    expect(c).toEqual({ value: "2024-12-20", source: "html:time" });
  });

  it("without structured dates: a published visible date before an updated one, then the URL", () => {
    const visible = [vis("- Updated July 9, 2025", 3.5, true), vis("August 16, 2019", 3)];
    expect(choosePublished({ published: [], modified: [], visible })?.value).toBe("2019-08-16");
    expect(choosePublished({ published: [], modified: [], visible: [], url: "https://x.example/2021/06/06/a" })?.value).toBe("2021-06-06");
  });
});

describe("extractHtmlMetadata dates", () => {
  it("reads a day-first numeric date on a British page", () => {
    const m = extractHtmlMetadata(doc(`<html lang="en-GB"><body><article><h1>Bridge repairs finish early</h1>
      <div class="post-meta"><time>03/04/2024</time></div><p>Text.</p></article></body></html>`));
    expect(m.published).toBe("2024-04-03");
  });

  it("reads ordinal and year-first dates under the headline", () => {
    const m = extractHtmlMetadata(doc(`<html lang="en"><body><main><h1>The best tutoring franchises</h1>
      <div class="post-detail__meta">September 1st, 2023 <span>by Ann Lee</span></div><p>Text.</p></main></body></html>`));
    expect(m.published).toBe("2023-09-01");
    const n = extractHtmlMetadata(doc(`<html lang="en"><body><main><h1>Language death spiral</h1>
      <p class="pt-3"><span>Essay - Published: 2025.12.17 | </span><a href="/tags/ai">ai</a></p><p>Text.</p></main></body></html>`));
    expect(n.published).toBe("2025-12-17");
  });

  it("reads a date right under the headline whatever its box is called", () => {
    const m = extractHtmlMetadata(doc(`<html lang="en"><body><main><section class="section-hero cc-newsletter">
      <div><h1>Foundational Fitness Protocol</h1></div><div class="newsletter-details-wrapper"><p>November 2, 2022</p></div>
      </section><p>Text.</p></main></body></html>`));
    expect(m.published).toBe("2022-11-02");
  });

  it("reads the date in an article's meta footer", () => {
    const m = extractHtmlMetadata(doc(`<html lang="en"><body><main><article><h1>Remote work: 5 tips</h1>
      <p>One.</p><p>Two.</p><p>Three.</p><p>Four.</p><p>Five.</p>
      <footer class="author__meta"><div class="author__submitted"><span class="author__meta-date">March 30, 2023 <span>|</span></span>
      <a href="/user/ann">Ann Lee</a></div></footer><p>Body text.</p></article></main><footer class="site-footer">© 2026</footer></body></html>`));
    expect(m.published).toBe("2023-03-30");
  });

  it("reads a date classed 'updated' as the updated date, not the published one", () => {
    const m = extractHtmlMetadata(doc(`<html lang="en"><head>
      <meta property="article:published_time" content="2020-03-10T15:30:00+00:00">
      <meta property="article:modified_time" content="2025-02-12T13:28:34+00:00"></head><body><article><header><h1>Travelling to Japan</h1>
      <div class="entry-meta"><span class="updated-on"><time class="entry-date published updated">12th February 2025</time></span></div>
      </header><p>Body.</p></article></body></html>`));
    expect(m.published).toBe("2020-03-10T15:30:00+00:00");
  });

  it("reads an ambiguous numeric date the way a listing of the page itself does (metadata:self-listing-order)", () => {
    const page = (href: string): string => `<html lang="en"><body><main><article><h1>Pixel-perfect pipelines</h1>
      <ul class="post-meta"><li>Ann Lee</li><li><time datetime="02-12-2025">02-12-2025</time></li></ul><p>Text.</p></article>
      <aside class="sidebar"><div class="post-item"><h4><a href="${href}">Pixel-perfect pipelines</a></h4>
      <time datetime="2025-12-02">December 02, 2025</time></div>
      <div class="post-item"><h4><a href="/blog/older">Older post</a></h4><time datetime="2024-06-03">June 03, 2024</time></div></aside>
      </main></body></html>`;
    const url = "https://tones.example/blog/pixel-perfect";
    expect(extractHtmlMetadata(doc(page("https://tones.example/blog/pixel-perfect")), { url }).published).toBe("2025-12-02");
    expect(extractHtmlMetadata(doc(page("/blog/pixel-perfect/")), { url }).published).toBe("2025-12-02");
    // A comment's permalink is no listing: the language decides (month first).
    expect(extractHtmlMetadata(doc(page("https://tones.example/blog/pixel-perfect#comment-4")), { url }).published).toBe("2025-02-12");
  });

  it("reads JSON-LD written into a meta tag or a script's children attribute", () => {
    const json = JSON.stringify({ "@context": "https://schema.org", "@type": "Article", headline: "Full EV guide", datePublished: "2025-11-17T09:00:00-05:00" })
      .replace(/"/g, "&quot;");
    const m = extractHtmlMetadata(doc(`<html lang="en"><head><meta name="script:ld+json" content="${json}"></head>
      <body><h1>Full EV guide</h1><p>Text.</p></body></html>`));
    expect(m.published).toBe("2025-11-17T09:00:00-05:00");
    const n = extractHtmlMetadata(doc(`<html lang="en"><head><script type="application/ld+json" children="${json}"></script></head>
      <body><h1>Full EV guide</h1><p>Text.</p></body></html>`));
    expect(n.published).toBe("2025-11-17T09:00:00-05:00");
  });

  it("prefers og:published_time over a bare 'date' meta", () => {
    const m = extractHtmlMetadata(doc(`<html lang="en"><head><meta name="date" content="01/07/16">
      <meta property="og:published_time" content="2024-10-08T00:00:00-04:00">
      <meta property="og:modified_time" content="2024-10-14T16:46:33-04:00"></head><body><h1>Pricing chart</h1><p>Text.</p></body></html>`));
    expect(m.published).toBe("2024-10-08T00:00:00-04:00");
    expect(m.updated).toBe("2024-10-14T16:46:33-04:00");
  });
});
