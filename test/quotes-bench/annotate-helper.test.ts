import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildGold, findNear, findQuote, parseNotes } from "../../bench/quotes/annotate-helper.js";
import { benchDataPresent, loadSources } from "../../bench/quotes/corpus.js";
import { GOLD_SETS, loadGold, verifyGoldDoc } from "../../bench/quotes/gold.js";

const text = 'Smith said the plan failed. "It is over," he said. "Go home." Jones said later that Smith was wrong.';

describe("annotation helper", () => {
  it("finds a quote by its text or by its first and last words, from a cursor", () => {
    const q = findQuote(text, "It is over,", 0);
    expect(text.slice(q.start, q.end)).toBe("It is over,");
    const r = findQuote(text, "the plan ~~ failed", 0);
    expect(text.slice(r.start, r.end)).toBe("the plan failed");
    expect(() => findQuote(text, "the plan", 20)).toThrow(/not found/);
  });

  it("picks the whole-word mention nearest the quote, outside it first, with direction markers", () => {
    const q = findQuote(text, "Smith was wrong", 0);
    expect(findNear(text, "said", q).start).toBe(text.indexOf("said later"));
    expect(findNear(text, "Jones", q).start).toBe(text.indexOf("Jones"));
    const over = findQuote(text, "It is over,", 0);
    expect(findNear(text, "he", over).start).toBe(text.indexOf(" he said") + 1);
    expect(findNear(text, "said<", over).start).toBe(text.indexOf("said the plan"));
    expect(findNear(text, "Smith>", over).start).toBe(text.lastIndexOf("Smith"));
    expect(() => findNear(text, "in:said", over)).toThrow(/not found/);
  });

  it("parses the notation, with - for null", () => {
    const notes = parseNotes("# comment\n# ecbplus 1_10ecb\ndirect | We appreciate ~~ at this time, | told | Jack Ketsoyan | Jack Ketsoyan\nindirect | x | - | - | -\n");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.lines[1]).toEqual({ kind: "indirect", quote: "x", cue: null, speaker: null, person: null });
    expect(() => parseNotes("# ecbplus 1_10ecb\nquote | a | b | c | d")).toThrow(/bad note line/);
  });

  // The held-out sets, in the order they were made: each rebuilds exactly from its working notes, shares no
  // document with the sets before it, repeats none, uses no ECB+ test topic (36-45), and every span re-slices.
  const heldOut = [["fresh", 120], ["check", 120], ["final", 100], ["last", 100], ["blind", 120], ["sealed", 120]] as const;
  heldOut.forEach(([name, minQuotes], i) => {
    it.skipIf(!benchDataPresent())(`rebuilds ${name}.jsonl exactly from its working notes, apart from the earlier sets`, () => {
      const notes = parseNotes(readFileSync(new URL(`../../bench/quotes/${name}-notes.txt`, import.meta.url), "utf8"));
      const set = loadGold(GOLD_SETS[name]);
      expect(buildGold(notes).docs).toEqual(set);
      const key = (d: { corpus: string; doc_id: string }) => `${d.corpus}:${d.doc_id}`;
      const earlier = new Set([GOLD_SETS.gold, ...heldOut.slice(0, i).map(([n]) => GOLD_SETS[n])].flatMap((p) => loadGold(p)).map(key));
      expect(set.filter((d) => earlier.has(key(d)))).toEqual([]);
      expect(new Set(set.map(key)).size).toBe(set.length);
      expect(set.filter((d) => d.corpus === "ecbplus" && Number(d.doc_id.split("_")[0]) >= 36)).toEqual([]);
      expect(set.flatMap((d) => d.quotes).length).toBeGreaterThanOrEqual(minQuotes);
      const sources = loadSources(set);
      for (const d of set) expect(verifyGoldDoc(d, sources.get(key(d))!)).toEqual([]);
    });
  });
});
