import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { RashomonDocument } from "../../model/index.js";
import { analyze } from "../../pipeline/index.js";
import { documentNames, shorten, siteOf } from "./document-names.js";

const SEEDS = fileURLToPath(new URL("../../../../shared/seeds/", import.meta.url));

describe("document names", () => {
  let docs: RashomonDocument[];
  beforeAll(async () => {
    docs = (await analyze([SEEDS])).documents;
  });

  it("names the seeds by outlet, agency or as untitled, never by their file id", () => {
    const names = documentNames(docs);
    expect(docs.map((d) => names(d.id).short)).toEqual(["AP", "DW", "A News", "Untitled 1", "Untitled 2"]);
    for (const d of docs) {
      const n = names(d.id);
      expect(n.name).not.toContain(d.id);
      expect(n.short).not.toContain(d.id.slice(4));
      expect(n.id).toBe(d.id);
    }
    // An untitled document's full name quotes its first words after its short name.
    expect(names(docs[3]!.id).name).toMatch(/^Untitled 1: “Mexican President Claudia Sheinbaum.*…”$/);
  });

  it("falls back from outlet to site, then title, and tells equal names apart", () => {
    const [a, b, c, d, e] = docs.map((x) => ({ ...x }));
    a!.outlet = "Reuters";
    b!.outlet = " Reuters ";
    c!.outlet = null;
    c!.agencies = [];
    c!.url = "https://www.example-news.co.uk/world/2025/05/03/story";
    d!.title = "Sheinbaum says sovereignty is not for sale, rejects US troops";
    e!.outlet = "reuters";
    const names = documentNames([a!, b!, c!, d!, e!]);
    expect([a, b, c, d, e].map((x) => names(x!.id).name)).toEqual([
      "Reuters",
      "Reuters (2)",
      "example-news.co.uk",
      "Sheinbaum says sovereignty is not for sale, rejects US…",
      "reuters (3)",
    ]);
    expect(names(d!.id).short).toBe("Sheinbaum says…");
    expect(names(d!.id).source).toBe("title");
    const shorts = [a, b, c, d, e].map((x) => names(x!.id).short.toLowerCase());
    expect(new Set(shorts).size).toBe(5);
  });

  it("keeps short names unique when long names share their start", () => {
    const twins = docs.slice(3, 5).map((x, i) => ({ ...x, title: `Mexican president rejects Trump’s troops offer, report ${i === 0 ? "one" : "two"}` }));
    const names = documentNames(twins);
    const [s1, s2] = twins.map((t) => names(t.id).short);
    expect(s1).not.toBe(s2);
    expect(names("not-a-document").name).toBe("not-a-document");
  });

  it("shortens at word boundaries and reads sites only from web addresses", () => {
    expect(shorten("Mexican president says she rejected Trump troops offer", 22)).toBe("Mexican president…");
    expect(shorten("short", 22)).toBe("short");
    expect(siteOf("https://www.dw.com/en/a-123")).toBe("dw.com");
    expect(siteOf("javascript:alert(1)")).toBeNull();
    expect(siteOf("not a url")).toBeNull();
  });
});
