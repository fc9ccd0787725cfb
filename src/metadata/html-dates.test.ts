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

  it("takes the local day when a UTC stamp crossed midnight", () => {
    const published = [{ value: "2025-12-19T02:41:41+00:00", source: "meta:article:published_time" }];
    expect(choosePublished({ published, modified: [], visible: [vis("December 18, 2025", 6)] }))
      .toEqual({ value: "2025-12-18", source: "metadata:visible-day" });
    expect(choosePublished({ published, modified: [], visible: [], url: "https://x.example/2025/12/18/post/" }))
      .toEqual({ value: "2025-12-18", source: "metadata:url-date" });
  });

  it("prefers an earlier shown date over a regeneration stamp", () => {
    const stamp = { value: "2025-11-20T16:02:46Z", source: "json-ld" };
    const c = choosePublished({ published: [stamp], modified: [stamp], visible: [vis("May 14, 2025", 5)] });
    expect(c).toEqual({ value: "2025-05-14", source: "metadata:visible-over-stamp" });
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
});
