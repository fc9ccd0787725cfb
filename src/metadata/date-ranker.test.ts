import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { DATE_FEATURES, dateRows, rankDate, type DateRowEvidence } from "./date-ranker.js";
import { DATE_MODEL } from "./date-model.js";
import { selfListedTextDate } from "./html-fallback-dates.js";
import { extractHtmlMetadata } from "./html-metadata.js";
import type { LinearModel } from "./linear-model.js";

const doc = (html: string): Document => parseHTML(html).document as unknown as Document;
const ev = (over: Partial<DateRowEvidence>): DateRowEvidence =>
  ({ published: [], modified: [], visible: [], urlDay: null, dayFirst: false, fallback: [], rule: null, ...over });
const feat = (x: readonly number[], name: string): number => x[DATE_FEATURES.indexOf(name)]!;

describe("date rows", () => {
  it("merges the sources of one day into one row and marks where each day comes from", () => {
    const rows = dateRows(ev({
      published: [{ value: "2023-05-02T09:00:00Z", source: "json-ld" }, { value: "2023-05-02", source: "meta:article:published_time" }],
      modified: [{ value: "2023-06-10T08:00:00Z", source: "json-ld" }],
      visible: [{ text: "Updated June 10, 2023", score: 5, updated: true, underHeadline: true }],
      urlDay: "2023-05-02",
      rule: { value: "2023-05-02T09:00:00Z", source: "json-ld" },
    }));
    expect(rows.map((r) => r.item.day).sort()).toEqual(["2023-05-02", "2023-06-10"]);
    const pub = rows.find((r) => r.item.day === "2023-05-02")!;
    const upd = rows.find((r) => r.item.day === "2023-06-10")!;
    expect(pub.item.value).toBe("2023-05-02T09:00:00Z");
    for (const f of ["rule", "ld-pub", "meta-pub", "first-pub", "url", "earliest", "agree-2"]) expect(feat(pub.x, f)).toBe(1);
    expect(feat(pub.x, "mod")).toBe(0);
    for (const f of ["mod", "first-mod", "mod-only", "vis-top", "vis-updated-only", "vis-under-headline", "latest", "after-pub", "url-other"]) expect(feat(upd.x, f)).toBe(1);
    expect(feat(upd.x, "rule")).toBe(0);
  });

  it("adds the other reading of an ambiguous numeric date as its own row", () => {
    const rows = dateRows(ev({ visible: [{ text: "03/04/2023", score: 5, updated: false }], dayFirst: false }));
    const days = Object.fromEntries(rows.map((r) => [r.item.day, feat(r.x, "swapped")]));
    expect(days).toEqual({ "2023-03-04": 0, "2023-04-03": 1 });
    // An unambiguous one has a single reading.
    expect(dateRows(ev({ visible: [{ text: "13/04/2023", score: 5, updated: false }] })).map((r) => r.item.day)).toEqual(["2023-04-13"]);
  });

  it("gives no rows when no source gives a day", () => {
    expect(dateRows(ev({ visible: [{ text: "no date here 2023", score: 5, updated: false }] }))).toEqual([]);
  });

  it("picks the row with the highest weighted sum", () => {
    const rows = dateRows(ev({
      published: [{ value: "2021-01-05", source: "json-ld" }],
      visible: [{ text: "March 3, 2021", score: 5, updated: false }],
    }));
    const model = (w: Record<string, number>): LinearModel => ({ trainedOn: "test", features: Object.keys(w), weights: Object.values(w) });
    expect(rankDate(rows, model({ "ld-pub": 1 }))?.day).toBe("2021-01-05");
    expect(rankDate(rows, model({ "ld-pub": 1, "vis-top": 2 }))?.day).toBe("2021-03-03");
    expect(rankDate([], model({ "ld-pub": 1 }))).toBeNull();
  });

  it("ships a fitted model over the current features", () => {
    expect(DATE_MODEL.features).toEqual(DATE_FEATURES);
    expect(DATE_MODEL.weights).toHaveLength(DATE_FEATURES.length);
  });
});

describe("the date model in extractHtmlMetadata", () => {
  const page = `<html lang="en"><head>
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2022-09-14T10:00:00+02:00","dateModified":"2022-09-15T08:00:00+02:00"}</script>
    </head><body><article><h1>H</h1><p class="byline">Published September 14, 2022</p><p>Body text.</p></article>
    <aside class="related"><ul><li><a href="/other">Other story</a> <span>January 2, 2020</span></li></ul></aside></body></html>`;

  it("keeps the published day that the structured data and the byline agree on", () => {
    const m = extractHtmlMetadata(doc(page), { url: "https://example.org/news/h" });
    expect(m.published?.slice(0, 10)).toBe("2022-09-14");
    expect(m.updated?.slice(0, 10)).toBe("2022-09-15");
  });

  it("hands its candidate rows out, and dateModel: null gives the rules' choice", () => {
    let days: string[] = [];
    const m = extractHtmlMetadata(doc(page), { url: "https://example.org/news/h", dateModel: null, onDateRows: (r) => { days = r.map((x) => x.item.day).sort(); } });
    expect(m.published?.slice(0, 10)).toBe("2022-09-14");
    expect(days).toContain("2022-09-14");
    expect(days).toContain("2022-09-15");
  });
});

describe("self-listed text dates (metadata:self-listed-text)", () => {
  const url = "http://blog.example.de/blog/wahl/";
  it("reads the date written beside a link to the page itself in a list of posts", () => {
    const d = doc(`<body><h1>Wahl</h1><p>Text.</p><ul class="recent"><li><a href="/blog/other/">Other</a> <span>01/09/2018</span></li>
      <li><a href="http://blog.example.de/blog/wahl/">Wahl</a> <span class="post-date">26/10/2018</span></li></ul></body>`);
    expect(selfListedTextDate(d, url, true)).toBe("2018-10-26");
    expect(extractHtmlMetadata(d, { url }).published).toBe("2018-10-26");
  });

  it("ignores a self-link whose box holds other links, and comment permalinks", () => {
    const d = doc(`<body><h1>Wahl</h1><div><a href="/blog/wahl/#comment-3">Reply</a> 26/10/2018</div>
      <p><a href="/blog/wahl/">Wahl</a> <a href="/blog/x/">X</a> 03/11/2018</p></body>`);
    expect(selfListedTextDate(d, url, true)).toBeNull();
  });
});
