import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { choosePublished, readsDayFirst, urlDay } from "./html-dates.js";
import { fallbackDates } from "./html-fallback-dates.js";
import { extractHtmlMetadata } from "./html-metadata.js";

const doc = (html: string): Document => parseHTML(html).document as unknown as Document;
const vis = (text: string, score: number, updated = false) => ({ text, score, updated });

describe("day and month order from the page's own stamps (metadata:stamp-order)", () => {
  it("reads an ambiguous shown date the way a structured ISO day gives it", () => {
    // An English-tagged Irish page: the tag alone says month first.
    expect(readsDayFirst([vis("08/11/2023 | 20:26 PM", 3)], "en")).toBe(false);
    expect(readsDayFirst([vis("08/11/2023 | 20:26 PM", 3)], "en", null, ["2023-11-08"])).toBe(true);
    expect(readsDayFirst([vis("11/01/2021", 4)], "de", null, ["2021-11-01"])).toBe(false);
  });

  it("keeps the structured day when the shown date agrees with it read the other way", () => {
    const stamp = { value: "2023-11-08T20:26:28+00:00", source: "json-ld" };
    const c = choosePublished({ published: [stamp], modified: [stamp], visible: [vis("08/11/2023", 5)], lang: "en" });
    expect(c?.value.slice(0, 10)).toBe("2023-11-08");
  });
});

describe("a structured numeric date read the way the page shows it (metadata:order-by-agreement)", () => {
  it("reads a month-first meta date on a day-first page when only that reading is shown", () => {
    const c = choosePublished({
      published: [{ value: "11/01/2023 12:43:42", source: "meta:date" }], modified: [],
      visible: [vis("Erstellt am: 01.11.2023", 5)], lang: "de",
    });
    expect(c).toMatchObject({ source: "metadata:order-by-agreement" });
    expect(c?.value.slice(0, 10)).toBe("2023-11-01");
  });

  it("leaves it when nothing on the page gives the other reading", () => {
    const c = choosePublished({ published: [{ value: "11/01/2023", source: "meta:date" }], modified: [], visible: [], lang: "de" });
    expect(c).toEqual({ value: "2023-01-11", source: "meta:date" });
  });
});

describe("URL dates", () => {
  it("reads a compact day as a whole path segment (metadata:url-compact-date)", () => {
    expect(urlDay("https://example.com/news/20201123/vaccine-contract")).toBe("2020-11-23");
    expect(urlDay("https://example.com/news/202011231/vaccine")).toBeNull();
  });

  it("takes the URL's day over a structured date rewritten days later (metadata:url-earlier)", () => {
    const c = choosePublished({ published: [{ value: "2019-06-17T18:28:00+02:00", source: "json-ld" }], modified: [], visible: [], url: "https://example.com/home/2017/7/12/a-story" });
    expect(c).toEqual({ value: "2017-07-12", source: "metadata:url-earlier" });
  });
});

describe("the URL seconding a structured day (metadata:url-seconds-stamp)", () => {
  const published = [{ value: "2020-09-23T23:30:00+03:00", source: "json-ld" }];
  it("keeps the structured day against a neighbouring shown day when the URL carries it", () => {
    expect(choosePublished({ published, modified: [], visible: [vis("24 сентября 2020", 5)], url: "https://news.example/politics/2020/09/23/story.html" })?.value)
      .toBe("2020-09-23T23:30:00+03:00");
    // Without the URL's day, the shown day wins (metadata:visible-day).
    expect(choosePublished({ published, modified: [], visible: [vis("24 сентября 2020", 5)], url: "https://news.example/politics/story.html" })?.source)
      .toBe("metadata:visible-day");
  });

  it("keeps a re-saved stamp when the URL carries its day (no visible-over-stamp)", () => {
    const stamp = { value: "2015-12-12T05:00:37+00:00", source: "meta:article:published_time" };
    const c = choosePublished({ published: [stamp], modified: [stamp], visible: [vis("28. Dezember 2012", 5)], url: "https://blog.example/2015/12/12/a-post/" });
    expect(c?.value).toBe("2015-12-12T05:00:37+00:00");
  });
});

describe("a shown date over a stray <time> (metadata:shown-over-time)", () => {
  it("takes the date labelled under the headline over the only <time>, which is another's", () => {
    const published = [{ value: "2019-07-03T10:18:46Z", source: "html:time" }];
    expect(choosePublished({ published, modified: [], visible: [vis("Publié le 29 juin 2019", 7)], lang: "fr" }))
      .toEqual({ value: "2019-06-29", source: "metadata:shown-over-time" });
    // Not when a meta tag gives the published date too (other rules weigh that case).
    expect(choosePublished({ published: [{ value: "2019-07-03", source: "meta:date" }, ...published], modified: [], visible: [vis("Publié le 29 juin 2019", 7)], lang: "fr" })?.source)
      .not.toBe("metadata:shown-over-time");
    // Nor when the shown date is weakly placed.
    expect(choosePublished({ published, modified: [], visible: [vis("29 juin 2019", 3)], lang: "fr" })?.source).toBe("html:time");
  });
});

describe("last-resort dates", () => {
  it("takes the modified date when the page gives nothing else (metadata:modified-fallback)", () => {
    const c = choosePublished({ published: [], modified: [{ value: "2022-01-28T11:05:37+01:00", source: "meta:og:updated_time" }], visible: [] });
    expect(c).toEqual({ value: "2022-01-28T11:05:37+01:00", source: "metadata:modified-fallback" });
  });

  it("finds a labelled record date outside the article, but not another story's (metadata:any-text-date)", () => {
    const d = doc(`<html><body><div class="teaser-list related"><span>03.01.2022</span></div>
      <footer><div class="docData"><span class="label">Datum</span> <span class="value">25.01.2022</span></div></footer></body></html>`);
    expect(fallbackDates(d, null, true)).toEqual([{ value: "2022-01-25", source: "metadata:any-text-date" }]);
    const m = extractHtmlMetadata(d);
    expect(m.published).toBe("2022-01-25");
    expect(m.provenance?.["published"]?.source).toBe("metadata:any-text-date");
  });

  it("reads a publishing date from a script's data, not an update key (metadata:script-date)", () => {
    const d = doc(`<html><body><p>Text.</p><script>var product = {"updated_at":"2021-05-01T10:00:00Z","published_at":"2019-03-02T06:22:28+01:00"};</script></body></html>`);
    expect(fallbackDates(d, null, true)[0]).toEqual({ value: "2019-03-02T06:22:28+01:00", source: "metadata:script-date" });
    const created = doc(`<html><body><p>Text.</p><script>window.state = {"updatedAt":"2022-02-02T10:00:00Z","createdAt":"2022-01-31T15:58:43+01:00"}</script></body></html>`);
    expect(fallbackDates(created, null, true)[0]?.value).toBe("2022-01-31T15:58:43+01:00");
  });

  it("reads an RDFa date on a span (metadata:rdfa-date)", () => {
    const d = doc(`<html><body><h1>T</h1><p>Text.</p><span property="schema:dateCreated" content="2020-04-21T14:40:07+00:00"></span></body></html>`);
    expect(extractHtmlMetadata(d).published).toBe("2020-04-21T14:40:07+00:00");
  });

  it("reads a dotted date with a two-digit year (metadata:dotted-short-year)", () => {
    const m = extractHtmlMetadata(doc(`<html lang="de"><body><h1>Grab-Bote fliegt nach Singapur</h1><div class="article-meta">Von: B. J. <span>31.10.23</span></div><p>Text.</p></body></html>`));
    expect(m.published).toBe("2023-10-31");
  });

  it("can be switched off one rule at a time (offDateRules, for bench:dates)", () => {
    const d = doc(`<html><body><p>Text.</p><footer><p>Datum: 25.01.2022</p></footer></body></html>`);
    expect(extractHtmlMetadata(d).published).toBe("2022-01-25");
    expect(extractHtmlMetadata(d, { offDateRules: new Set(["metadata:any-text-date"]) }).published).toBeUndefined();
  });
});
