import { within } from "../../test/support/time-limit.js";
import { beforeAll, describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { RashomonDocument } from "../model/index.js";
import { extractQuotes } from "../quotes/index.js";
import {
  DEFAULT_COPY_THRESHOLDS, findCopyLinks, findCopyLinksAllPairs, findCues, independentGroups, ownWordRanges, type CopyLink, type CopyThresholds,
} from "./index.js";

function doc(text: string, extra: Partial<RashomonDocument> = {}): RashomonDocument {
  return {
    id: "d", input: "d", format: "text", text, title: null, standfirst: null, section: null, byline: null, authors: [],
    agencies: [], outlet: null, dateline: null, published: null, updated: null, editor: null, language: "en", url: null,
    body: text, paragraphs: [], captions: [], removed: [], provenance: {}, messages: [], ...extra,
  };
}

const cues = (t: string, extra?: Partial<RashomonDocument>) => findCues(doc(t, extra)).map((c) => `${c.kind}:${c.source}`);

describe("own words", () => {
  it("leave direct quotes and their marks out of the body", () => {
    const text = "She said “we will never accept it” on Saturday. Later she added: “not for sale.”";
    const q = (a: string) => ({ start: text.indexOf(a), end: text.indexOf(a) + a.length });
    const d = doc(text, {
      paragraphs: [{ span: { start: 0, end: text.length }, kind: "paragraph" }],
      quotes: [
        { id: "q1", kind: "direct", text: "", span: q("we will never accept it"), cue: null, speaker: null, reportedBy: null },
        { id: "q2", kind: "indirect", text: "", span: q("on Saturday"), cue: null, speaker: null, reportedBy: null },
        { id: "q3", kind: "direct", text: "", span: q("not for sale."), cue: null, speaker: null, reportedBy: null },
      ],
    });
    expect(ownWordRanges(d).map((r) => text.slice(r.start, r.end))).toEqual(["She said ", " on Saturday. Later she added: "]);
  });
});

describe("lineage cues", () => {
  it("reads agency credits", () => {
    expect(cues("PARIS (AFP) — The minister resigned.")).toEqual(["credits:AFP"]);
    expect(cues("By The Associated Press\nThe minister resigned.")).toEqual(["credits:AP"]);
    expect(cues("Jane Roe with AFP, EFE\nThe minister resigned.")).toEqual(["credits:AFP", "credits:EFE"]);
    expect(cues("The minister resigned.\nAgencies")).toEqual(["credits:Agencies"]);
  });

  it("reads cited outlets and reports", () => {
    expect(cues("The deal collapsed, according to the WSJ report.")).toEqual(["cites:Wall Street Journal"]);
    expect(cues("The deal collapsed, the Los Angeles Times reported.")).toEqual(["cites:Los Angeles Times"]);
    expect(cues("The deal collapsed, according to US local media.")).toEqual(["cites:US local media"]);
    expect(cues("The deal collapsed, the minister told Reuters on Monday.")).toEqual(["cites:Reuters"]);
  });

  it("does not take photo credits or an outlet's own name as citations", () => {
    expect(cues("Image: Alfredo Estrella/AFP")).toEqual([]);
    expect(cues("Fox News has learned that the deal collapsed.", { outlet: "Fox News" })).toEqual([]);
  });

  it("credits agencies from metadata", () => {
    expect(cues("The minister resigned.", { agencies: ["Associated Press"] })).toEqual(["credits:AP"]);
  });

  it("is safe on adversarial input", () => {
    for (const text of ["according to " + "A ".repeat(500_000), "(".repeat(1_000_000), "a".repeat(1_000_000)]) {
      const d = doc(text);
      expect(within(1000, `findCues on ${text.slice(0, 12)}…`, () => findCues(d))).toEqual([]);
    }
  });
});

describe("independent groups", () => {
  it("joins documents linked by copies", () => {
    expect(independentGroups(["a", "b", "c", "d"], [{ from: "b", to: "a" }, { from: "c", to: "b" }])).toEqual([["a", "b", "c"], ["d"]]);
  });
});

const ECB = fileURLToPath(new URL("../../../shared/bench-data/ecbplus/docs.jsonl", import.meta.url));
const FOOTER = "Copyright 2009 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.";
const FRACTIONS = [0.08, 0.13, 0.15, 0.16, 0.18, 0.25, 0.45, 0.5, 0.55, 0.8, 1];

/** A document as the document stages leave it: paragraphs (lines) and quotes (the real quotes stage). */
function analysed(id: string, text: string, published: string | null): RashomonDocument {
  const paragraphs = [];
  for (let at = 0; at < text.length; ) {
    const nl = text.indexOf("\n", at);
    const end = nl < 0 ? text.length : nl;
    if (end > at) paragraphs.push({ span: { start: at, end }, kind: "paragraph" as const });
    at = end + 1;
  }
  const d = doc(text, { id, input: id, paragraphs, published });
  d.quotes = extractQuotes(d).quotes;
  return d;
}

/**
 * ECB+ articles of two topics (their own shared wire passages included) and
 * deterministic partial copies of them: a share of one article (around the
 * 15% and 50% thresholds too), edited, set before or after another article's
 * text, sometimes twice; a third of all documents carry the same agency footer
 * (shingles common to the whole story), some are dated, and one is little more
 * than the footer.
 */
function copyStory(): RashomonDocument[] {
  const ecb = readFileSync(ECB, "utf8").split("\n").filter(Boolean)
    .map((l) => JSON.parse(l) as { doc_id: string; topic: number; text: string })
    .filter((d) => d.topic === 1 || d.topic === 12);
  const stamp = (k: number) => (k % 4 === 0 ? `2009-01-${String(1 + (k % 28)).padStart(2, "0")}T${String(k % 24).padStart(2, "0")}:00:00Z` : null);
  const foot = (k: number, t: string) => (k % 3 === 0 ? `${t}\n${FOOTER}` : t);
  const docs = ecb.map((d, k) => analysed(d.doc_id, foot(k, d.text), stamp(k)));
  for (let k = 0; k < 60; k++) {
    const base = ecb[(k * 5) % ecb.length]!.text;
    const host = ecb[(k * 7 + 3) % ecb.length]!.text;
    const f = FRACTIONS[k % FRACTIONS.length]!;
    const len = Math.round(base.length * f);
    let from = Math.floor(((k * 131) % 97) / 97 * (base.length - len));
    while (from > 0 && !/\s/u.test(base[from - 1]!)) from--;
    let part = base.slice(from, from + len);
    if (k % 2) part = part.replace(/\bsaid\b/gu, "stated").replace(/\bthe\b/u, "a");
    if (k % 5 === 0) part = `${part}\n${part}`;
    const text = f === 1 ? part : k % 3 === 1 ? `${part}\n${host}` : `${host}\n${part}`;
    docs.push(analysed(`copy-${String(k).padStart(2, "0")}`, foot(k + 1, text), stamp(k + 1)));
  }
  docs.push(analysed("footer-only", `Officials met on Monday.\n${FOOTER}`, null));
  return docs;
}

describe("copy links", () => {
  const settings: CopyThresholds[] = [DEFAULT_COPY_THRESHOLDS, { copy: 0.3, rewrite: 0.05 }, { copy: 0.6, rewrite: 0 }];
  let docs: RashomonDocument[] = [];
  let reference: CopyLink[][] = [];
  beforeAll(() => {
    docs = copyStory();
    reference = settings.map((t) => findCopyLinksAllPairs(docs, t));
  });

  it("finds through the shingle index exactly the links that comparing every pair finds", () => {
    settings.forEach((t, i) => expect(findCopyLinks(docs, t)).toEqual(reference[i]));
  });

  it("has copies, rewrites and pairs just past the rewrite threshold in its test story", () => {
    const links = reference[0]!;
    const c = links.map((l) => Math.max(l.overlap.containmentA, l.overlap.containmentB));
    expect(links.filter((l) => l.kind === "copy").length).toBeGreaterThan(20);
    expect(links.filter((l) => l.kind === "rewrite").length).toBeGreaterThan(20);
    expect(c.some((x) => x < 0.17)).toBe(true);
  });
});
