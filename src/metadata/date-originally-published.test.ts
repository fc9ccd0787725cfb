/**
 * `metadata:originally-published` and `metadata:month-name-date`'s joined forms
 * on pages written for the test: each fails without its rule.
 */
import { describe, it, expect } from "vitest";
import { parseHTML } from "linkedom";
import { extractHtmlMetadata } from "./html-metadata.js";

const day = (html: string, url = "https://homes.example/advice/tiny-homes/"): string | undefined =>
  extractHtmlMetadata(parseHTML(html).document as unknown as Document, { url }).published?.slice(0, 10);

describe("the first publication named in a sentence", () => {
  const page = (note: string) => `<html lang="en"><body><article><h1>Living in a tiny home</h1>
    <div class="meta"><span>Jane Roe</span><span>30 Sep 2022, 11:07am</span></div>
    <p>${note}</p><p>Tiny homes cost less to heat, and less to build, than most flats in the city centre.</p></article></body></html>`;

  it("outranks the unlabelled date under the headline (the page's last update)", () => {
    expect(day(page("This article was originally published on 26 Sep 2019 at 4:12pm but has been regularly updated to keep the information accurate and current."))).toBe("2019-09-26");
    expect(day(page("This story was first published in March 3, 2021, and has been revised since then to reflect the new rules on building permits."))).toBe("2021-03-03");
  });

  it("leaves the dateline alone when the sentence names no first publication", () => {
    expect(day(page("This article was written on 26 Sep 2019 at 4:12pm and has been regularly updated to keep the information accurate and current for readers."))).toBe("2022-09-30");
  });
});

describe("a byline dated with a month abbreviation joined by hyphens", () => {
  it("reads 'on 04-ago-2021 5:11:10' on an English page", () => {
    const html = `<html lang="en-us"><body><article><h1>Choosing a plumbing material</h1>
      <div class="blog-post__author">By: <a href="/blog/author/emea">FlowGuard EMEA</a> on 04-ago-2021 5:11:10</div>
      <p>Copper, PEX and CPVC each have their place in a home.</p></article></body></html>`;
    expect(day(html, "https://www.plumbing.example/blog/choosing-plumbing-material")).toBe("2021-08-04");
  });
});
