import { describe, expect, it } from "vitest";
import { benchDataPresent, loadSources, meantimeText } from "../../bench/quotes/corpus.js";
import { lineSpans } from "../../src/model/index.js";
import { fingerprint, GOLD_SETS, goldSetPath, loadGold, verifyGoldDoc, type GoldDoc, type GoldQuote } from "../../bench/quotes/gold.js";
import { matchQuotes, personMatch, scoreDocument, summarize, type PredictedQuote } from "../../bench/quotes/score.js";

const g = (start: number, end: number, extra: Partial<GoldQuote> = {}): GoldQuote => ({
  start,
  end,
  kind: "direct",
  cue: null,
  speaker: null,
  person: null,
  check: "",
  ...extra,
});
const p = (start: number, end: number, speaker?: { name: string; at?: [number, number] }): PredictedQuote => ({
  span: { start, end },
  speaker: speaker ? { name: speaker.name, mention: speaker.at ? { span: { start: speaker.at[0], end: speaker.at[1] } } : null } : null,
});

describe("quote scorer (Gender Gap Tracker matching)", () => {
  it("matches a prediction covering more than 30% of a gold quote, and not one covering 30% or less", () => {
    expect(matchQuotes([g(0, 100)], [p(60, 200)]).size).toBe(1); // 40%
    expect(matchQuotes([g(0, 100)], [p(70, 200)]).size).toBe(0); // exactly 30% is not over 0.3
  });

  it("uses each prediction once and picks the one covering the largest share", () => {
    const pairs = matchQuotes([g(0, 100), g(100, 200)], [p(0, 40), p(0, 90), p(150, 200)]);
    expect(pairs.get(0)).toBe(1);
    expect(pairs.get(1)).toBe(2);
    // one long prediction over two gold quotes matches only the first
    expect(matchQuotes([g(0, 100), g(100, 200)], [p(0, 200)]).size).toBe(1);
  });

  it("computes precision, recall and F1 over quotes", () => {
    const c = scoreDocument([g(0, 100), g(200, 300)], [p(0, 100), p(500, 600), p(700, 800), p(900, 950)]);
    const s = summarize(c);
    expect(s.recall).toBe(0.5);
    expect(s.precision).toBe(0.25);
    expect(s.f1).toBeCloseTo((2 * 0.5 * 0.25) / 0.75, 10);
    expect(summarize(scoreDocument([], [])).f1).toBe(0);
  });

  it("scores speaker mentions by overlap and persons by name, with the surname rule counted apart", () => {
    const gold = [
      g(0, 50, { speaker: { start: 60, end: 73 }, person: "Jack Ketsoyan" }),
      g(100, 150, { speaker: { start: 160, end: 168 }, person: "Jack Ketsoyan" }),
      g(200, 250, { speaker: { start: 260, end: 262 }, person: "Tara Reid" }),
    ];
    const pred = [
      p(0, 50, { name: "jack  ketsoyan", at: [65, 73] }),
      p(100, 150, { name: "Ketsoyan", at: [150, 159] }),
      p(200, 250, { name: "Tara Reid's rep" }),
    ];
    const c = scoreDocument(gold, pred);
    expect(c.matched).toBe(3);
    expect(c.speakerHit).toBe(1);
    expect(c.speakerGold).toBe(3);
    expect(c.personExact).toBe(1);
    expect(c.personLenient).toBe(2);
    expect(c.byKind.direct).toEqual({ gold: 3, matched: 3 });
  });

  it("also counts speakers over all matched pairs, a quote with no gold mention hit only by no mention", () => {
    const gold = [g(0, 50, { speaker: { start: 60, end: 73 } }), g(100, 150), g(200, 250)];
    const pred = [p(0, 50, { name: "Jack Ketsoyan", at: [65, 73] }), p(100, 150, { name: "Tara Reid" }), p(200, 250, { name: "Tara Reid", at: [251, 255] })];
    const c = scoreDocument(gold, pred);
    expect([c.speakerHit, c.speakerGold]).toEqual([1, 1]);
    expect(c.speakerAllHit).toBe(2);
    expect(summarize(c).speakerAllAccuracy).toBeCloseTo(2 / 3, 10);
  });

  it("compares names case-, space- and dot-insensitively", () => {
    expect(personMatch("Raymond W Kelly", "Raymond W. Kelly")).toBe("exact");
    expect(personMatch("Mr. Kelly", "Raymond W. Kelly")).toBe("surname");
    expect(personMatch("", "Kelly")).toBeNull();
    expect(personMatch(null, "Kelly")).toBeNull();
  });
});

describe("MEANTIME text rebuilding", () => {
  it("joins tokens by the documented spacing rules", () => {
    const toks = ["He", "said", "``", "we", "do", "n't", "know", ",", "''", "(", "really", ")", ".", '"', "OK", '"', "now"].map((word) => ({ word, sentence: "1" }));
    expect(meantimeText([...toks, { word: "Next", sentence: "2" }])).toBe('He said “we don\'t know,” (really). "OK" now\nNext');
  });

  it("splits paragraphs on lines", () => {
    expect(lineSpans("ab\n\ncd")).toEqual([{ start: 0, end: 2 }, { start: 4, end: 6 }]);
  });
});

describe("quote gold set", () => {
  const gold = loadGold();

  it("has at least 40 documents and 400 quotes of every kind", () => {
    const quotes = gold.flatMap((d) => d.quotes);
    expect(gold.length).toBeGreaterThanOrEqual(40);
    expect(quotes.length).toBeGreaterThanOrEqual(400);
    for (const kind of ["direct", "indirect", "mixed"]) expect(quotes.some((q) => q.kind === kind)).toBe(true);
    expect(new Set(gold.map((d) => `${d.corpus}:${d.doc_id}`)).size).toBe(gold.length);
  });

  it("fingerprints are first and last three words", () => {
    expect(fingerprint(" one two  three four\nfive six seven ")).toBe("one two three … five six seven");
  });

  it.skipIf(!benchDataPresent())("re-slices every span to its fingerprint in the shared bench data", () => {
    expectSpansMatchSources(gold);
  });
});

describe("fresh (held-out) quote set", () => {
  const fresh = loadGold(GOLD_SETS.fresh);
  const dev = new Set(loadGold().map((d) => `${d.corpus}:${d.doc_id}`));

  it("has 10 documents and at least 100 quotes, none from a development document", () => {
    const quotes = fresh.flatMap((d) => d.quotes);
    expect(fresh.length).toBe(10);
    expect(fresh.filter((d) => d.corpus === "meantime").length).toBe(2);
    expect(quotes.length).toBeGreaterThanOrEqual(100);
    for (const kind of ["direct", "indirect", "mixed"]) expect(quotes.some((q) => q.kind === kind)).toBe(true);
    expect(new Set(fresh.map((d) => `${d.corpus}:${d.doc_id}`)).size).toBe(fresh.length);
    for (const d of fresh) expect(dev.has(`${d.corpus}:${d.doc_id}`)).toBe(false);
  });

  it("is selected by the sets the benchmark knows", () => {
    expect(goldSetPath("fresh").href).toBe(GOLD_SETS.fresh.href);
    expect(goldSetPath("gold").href).toBe(GOLD_SETS.gold.href);
    expect(() => goldSetPath("test")).toThrow(/unknown quote set/);
  });

  it.skipIf(!benchDataPresent())("re-slices every span to its fingerprint in the shared bench data", () => {
    expectSpansMatchSources(fresh);
  });
});

/** Re-slices every quote of a set against the bench data; cues and speakers must be short and lie on real words. */
function expectSpansMatchSources(set: GoldDoc[]): void {
  const sources = loadSources(set.map((d) => ({ corpus: d.corpus, doc_id: d.doc_id })));
  const problems = set.flatMap((d) => verifyGoldDoc(d, sources.get(`${d.corpus}:${d.doc_id}`)!));
  expect(problems).toEqual([]);
  for (const d of set) {
    const text = sources.get(`${d.corpus}:${d.doc_id}`)!.text;
    for (const q of d.quotes) {
      for (const s of [q.cue, q.speaker]) {
        if (!s) continue;
        const t = text.slice(s.start, s.end);
        expect(t.trim()).toBe(t);
        expect(t.length).toBeLessThan(80);
      }
    }
  }
}
