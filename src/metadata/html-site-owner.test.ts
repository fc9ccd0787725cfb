import { describe, it, expect } from "vitest";
import { parseHTML } from "linkedom";
import { extractHtmlMetadata } from "./html-metadata.js";

const doc = (html: string): Document => parseHTML(html).document as unknown as Document;

const I_TEXT = "I have been living this way for years. My kitchen is small, and I cook every day. I think you can too, and I will show you how. ";
const WE_TEXT = "We help our clients every day. Our team knows what we do, and we do it well. Call us today. ";

const page = (o: { site?: string; title?: string; feed?: string; home?: string; footer?: string; text: string; byline?: string }): string =>
  `<html><head><title>${o.title ?? "A post"}</title>${o.site ? `<meta property="og:site_name" content="${o.site}">` : ""}` +
  `${o.feed ? `<link rel="alternate" type="application/rss+xml" title="${o.feed}" href="/feed">` : ""}</head><body>` +
  `<header>${o.home ? `<a href="/">${o.home}</a>` : ""}</header><main><article><h1>A post</h1>${o.byline ?? ""}<p>${o.text}</p></article></main>` +
  `${o.footer ? `<footer>${o.footer}</footer>` : ""}</body></html>`;

describe("site owner as the author of a personal site", () => {
  it("takes the owner named by the site name and confirmed by the host, on a page written in the first person", () => {
    const m = extractHtmlMetadata(doc(page({ site: "Polly Barks", title: "Zero waste — Polly Barks", text: I_TEXT })),
      { url: "https://pollybarks.com/blog/zero-waste" });
    expect(m.authors).toEqual(["Polly Barks"]);
    expect(m.provenance?.["authors"]?.source).toBe("html:site-owner");
  });

  it("takes the owner named in two places (feed title, footer copyright) when the host does not spell it", () => {
    const m = extractHtmlMetadata(doc(page({ feed: "Cassidy Williams", footer: "© 2025 Cassidy Williams. This site is open source!", text: I_TEXT })),
      { url: "https://cassidoo.co/post/dot-github" });
    expect(m.authors).toEqual(["Cassidy Williams"]);
  });

  it("reads the owner from a German or Ukrainian personal blog the same way", () => {
    const de = "Ich habe lange gewartet. Mein Garten ist klein, und ich pflanze jedes Jahr. Ich zeige dir, wie ich es mache. Mir gefällt das. ";
    const deOnce = page({ title: "Mein Garten | Jörg Müller", text: de });
    expect(extractHtmlMetadata(doc(deOnce), { url: "https://example.de/garten" }).authors).toBeUndefined(); // one place, host silent
    expect(extractHtmlMetadata(doc(deOnce), { url: "https://jorgmuller.de/garten" }).authors).toEqual(["Jörg Müller"]);
    const uk = "Я давно хотів це написати. Мій сад малий, і я саджу щороку. Мені це подобається, я покажу. ";
    const ukPage = page({ site: "Олена Петренко", feed: "Олена Петренко", text: uk });
    expect(extractHtmlMetadata(doc(ukPage), { url: "https://blog.example.ua/sad" }).authors).toEqual(["Олена Петренко"]);
  });

  it("takes no company named like a person: common words in its prose, 'we' speech, or one place only", () => {
    const coaching = page({ site: "Menlo Coaching", title: "Top MBA programs | Menlo Coaching", text: `${I_TEXT} Our coaching works.` });
    expect(extractHtmlMetadata(doc(coaching), { url: "https://menlocoaching.com/top-mba" }).authors).toBeUndefined();
    const we = page({ site: "Thomson Reuters", title: "Legal work | Thomson Reuters", text: WE_TEXT.repeat(3) });
    expect(extractHtmlMetadata(doc(we), { url: "https://legal.thomsonreuters.com/x" }).authors).toBeUndefined();
    const once = page({ home: "Rad Devon", text: I_TEXT });
    expect(extractHtmlMetadata(doc(once), { url: "https://example.com/articles/x" }).authors).toBeUndefined();
  });

  it("never outranks a byline", () => {
    const m = extractHtmlMetadata(doc(page({ site: "Polly Barks", title: "Zero waste — Polly Barks", text: I_TEXT, byline: "<p>By Jane Roe</p>" })),
      { url: "https://pollybarks.com/blog/zero-waste" });
    expect(m.authors).toEqual(["Jane Roe"]);
  });
});
