import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { parseHTML } from "linkedom";
import { extractHtmlMetadata } from "./html-metadata.js";
import { alignWeights, type CandidateRow, type LinearModel } from "./linear-model.js";
import { TITLE_FEATURES, rankTitle, titleEntries, titleRows, type TitleEntry } from "./title-ranker.js";
import { fitChoiceModel } from "../../bench/meta/logistic.js";

const page = (head: string, body: string): Document =>
  parseHTML(`<html><head>${head}</head><body>${body}</body></html>`).document as unknown as Document;
const committed = JSON.parse(readFileSync(new URL("../../data/meta-model/title.json", import.meta.url), "utf8")) as LinearModel;
const only = (feature: string, weight = 1): LinearModel => ({ trainedOn: "test", features: [feature], weights: [weight] });
const feature = (row: CandidateRow<TitleEntry>, name: string): number => row.x[TITLE_FEATURES.indexOf(name)]!;

describe("title entries and features", () => {
  const cands = [
    { value: "Harbour Bridge Reopens After Repairs", source: "html:h1", inArticle: true },
    { value: "Harbour Bridge Reopens After Repairs | City Gazette", source: "meta:og:title" },
    { value: "City Gazette", source: "html:title" },
  ];
  const rule = { value: "Harbour Bridge Reopens After Repairs", source: "html:h1" };

  it("merges a source's text with its site name cut into the same entry as the h1", () => {
    const entries = titleEntries(cands, ["City Gazette"], rule);
    const head = entries.find((e) => e.value === "Harbour Bridge Reopens After Repairs")!;
    expect([...head.kinds].sort()).toEqual(["h1", "og"]);
    expect(head.rule).toBe(true);
    expect(head.stripped).toBe(true);
    expect(head.inArticle).toBe(true);
    const tailed = entries.find((e) => e.value.endsWith("| City Gazette"))!;
    expect(tailed.siteTail).toBe(true);
    expect(tailed.rule).toBe(false);
  });

  it("marks agreement, the site name, the separator and the URL slug", () => {
    const rows = titleRows(titleEntries(cands, ["City Gazette"], rule), ["City Gazette"], "https://gazette.example/news/harbour-bridge-reopens");
    const head = rows.find((r) => r.item.value === "Harbour Bridge Reopens After Repairs")!;
    const tailed = rows.find((r) => r.item.value.endsWith("| City Gazette"))!;
    const site = rows.find((r) => r.item.value === "City Gazette")!;
    expect(feature(head, "kinds")).toBeGreaterThan(feature(tailed, "kinds"));
    expect(feature(tailed, "pipe")).toBe(1);
    expect(feature(tailed, "has-site")).toBe(1);
    expect(feature(site, "site")).toBe(1);
    expect(feature(head, "slug")).toBeCloseTo(3 / 5);
    expect(feature(head, "no-slug")).toBe(0);
    expect(rows.every((r) => r.x.length === TITLE_FEATURES.length)).toBe(true);
  });
});

describe("learned title choice through extractHtmlMetadata", () => {
  const head = `<title>Council Approves Budget | Valley Post</title><meta property="og:site_name" content="Valley Post">
    <meta property="og:title" content="Council approves the 2026 budget after long debate - Valley Post">`;
  const body = `<header><h1><a href="/">Valley Post</a></h1></header><article><h1>Council Approves Budget</h1><p>Text.</p></article>`;

  it("follows the weights it is given, and records the source of the chosen text", () => {
    const m = extractHtmlMetadata(page(head, body), { url: "https://valleypost.example/council-budget", titleModel: { trainedOn: "test", features: ["kind:og", "has-site"], weights: [5, -5] } });
    expect(m.title).toBe("Council approves the 2026 budget after long debate");
    expect(m.provenance?.["title"]?.source).toBe("meta:og:title");
    const r = extractHtmlMetadata(page(head, body), { url: "https://valleypost.example/council-budget", titleModel: only("kind:h1", 5) });
    expect(r.title).toBe("Council Approves Budget");
  });

  it("chooses by the rules by default and hands the rows to onTitleRows", () => {
    let rows: CandidateRow<TitleEntry>[] = [];
    const m = extractHtmlMetadata(page(head, body), { onTitleRows: (r) => { rows = r; } });
    expect(m.title).toBe("Council Approves Budget");
    expect(rows.find((r) => r.item.rule)?.item.value).toBe("Council Approves Budget");
    // The logo h1 is a row too, marked as the site's name: the weights, not a filter, pass over it.
    expect(feature(rows.find((r) => r.item.value === "Valley Post")!, "site")).toBe(1);
    expect(feature(rows.find((r) => r.item.value === "Valley Post")!, "kind:h1x")).toBe(1);
  });

  it("with the committed weights, keeps the article's h1 over a meta title that carries the site name", () => {
    const h = `<title>Tram Line Extended to Airport - Metro Daily</title><meta property="og:title" content="Tram Line Extended to Airport - Metro Daily">`;
    const m = extractHtmlMetadata(page(h, `<article><h1>Tram Line Extended to Airport</h1></article>`), { url: "https://metrodaily.example/tram-airport", titleModel: committed });
    expect(m.title).toBe("Tram Line Extended to Airport");
  });
});

describe("linear model", () => {
  it("lays weights out by feature name; features the model lacks weigh 0", () => {
    const w = alignWeights({ trainedOn: "t", features: ["b", "z"], weights: [2, 9] }, ["a", "b", "c"]);
    expect([...w]).toEqual([0, 2, 0]);
    expect(rankTitle([], committed)).toBeNull();
  });

  it("the trainer learns a positive weight for a feature that marks the right candidate", () => {
    const names = ["good", "noise"];
    const groups = [0, 1, 2, 3, 4, 5].map((i) => ({ x: [[1, i % 2], [0, 1 - (i % 2)], [0, 0]], y: [true, false, false] }));
    const m = fitChoiceModel(groups, names, { lambda: 0.01, iterations: 200 }, "synthetic");
    expect(m.weights[0]).toBeGreaterThan(1);
    expect(Math.abs(m.weights[1]!)).toBeLessThan(m.weights[0]!);
    expect(fitChoiceModel(groups, names, { lambda: 0.01, iterations: 200 }, "synthetic")).toEqual(m);
  });
});
