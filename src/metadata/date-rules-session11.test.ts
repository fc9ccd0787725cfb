/**
 * Fixtures for the date rules of issue 15, session 11 (each page written for
 * the test): each fails without its rule.
 */
import { describe, it, expect } from "vitest";
import { parseHTML } from "linkedom";
import { extractHtmlMetadata } from "./html-metadata.js";

const doc = (html: string): Document => parseHTML(html).document as unknown as Document;
const day = (html: string, url = "https://news.example/item/42"): string | undefined =>
  extractHtmlMetadata(doc(html), { url }).published?.slice(0, 10);

describe("date rules, session 11", () => {
  it("metadata:title-stamp: a date-classed element's title holding an ISO timestamp behind a relative text", () => {
    const html = `<html><body><div class="story"><p>Ein Text ohne Datum über den Markt.</p>
      <div class="item-time-ago" title="2020-09-20T14:20:02Z">vor 15 Minuten</div></div></body></html>`;
    expect(day(html)).toBe("2020-09-20");
  });

  it("metadata:title-stamp: a date box's title holding a date written with its month name", () => {
    const html = `<html lang="de"><body><div class="post"><p>Herbst in den Bergen.</p>
      <span class="post-datum" title="Freitag, 6. Oktober 2017 um 04:00">vor 6 Std.</span></div></body></html>`;
    expect(day(html)).toBe("2017-10-06");
  });

  it("metadata:title-stamp: an unclassed element's title is no date (a countdown widget)", () => {
    const html = `<html lang="de"><body><div class="post"><p>Herbst in den Bergen.</p>
      <ul><li>rauchfrei: <abbr title="9 Apr 2003, 0:00:00">seit langem</abbr></li></ul></div></body></html>`;
    expect(day(html)).toBeUndefined();
  });

  it("metadata:description-date: a labelled date in the meta description (Notizia del …)", () => {
    const html = `<html lang="it"><head><meta name="description" content="LUPI: UN ANNO DI OSSERVAZIONI (Notizia del 9 Marzo 2021)"></head>
      <body><h2>LUPI: UN ANNO DI OSSERVAZIONI</h2><p>Il parco comunica i risultati.</p></body></html>`;
    expect(day(html)).toBe("2021-03-09");
  });
});
