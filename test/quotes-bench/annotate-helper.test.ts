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

  it.skipIf(!benchDataPresent())("rebuilds fresh.jsonl exactly from its working notes", () => {
    const notes = parseNotes(readFileSync(new URL("../../bench/quotes/fresh-notes.txt", import.meta.url), "utf8"));
    expect(buildGold(notes).docs).toEqual(loadGold(GOLD_SETS.fresh));
  });

  it.skipIf(!benchDataPresent())("rebuilds check.jsonl exactly from its working notes", () => {
    const notes = parseNotes(readFileSync(new URL("../../bench/quotes/check-notes.txt", import.meta.url), "utf8"));
    expect(buildGold(notes).docs).toEqual(loadGold(GOLD_SETS.check));
  });

  it.skipIf(!benchDataPresent())("keeps the check set apart from the other sets, every span re-slicing", () => {
    const check = loadGold(GOLD_SETS.check);
    const key = (d: { corpus: string; doc_id: string }) => `${d.corpus}:${d.doc_id}`;
    const others = new Set([...loadGold(GOLD_SETS.gold), ...loadGold(GOLD_SETS.fresh)].map(key));
    expect(check.filter((d) => others.has(key(d)))).toEqual([]);
    expect(check.flatMap((d) => d.quotes).length).toBeGreaterThanOrEqual(120);
    const sources = loadSources(check);
    for (const d of check) expect(verifyGoldDoc(d, sources.get(key(d))!)).toEqual([]);
  });

  it.skipIf(!benchDataPresent())("rebuilds final.jsonl exactly from its working notes", () => {
    const notes = parseNotes(readFileSync(new URL("../../bench/quotes/final-notes.txt", import.meta.url), "utf8"));
    expect(buildGold(notes).docs).toEqual(loadGold(GOLD_SETS.final));
  });

  it.skipIf(!benchDataPresent())("keeps the final set apart from the other sets, every span re-slicing", () => {
    const final = loadGold(GOLD_SETS.final);
    const key = (d: { corpus: string; doc_id: string }) => `${d.corpus}:${d.doc_id}`;
    const others = new Set([...loadGold(GOLD_SETS.gold), ...loadGold(GOLD_SETS.fresh), ...loadGold(GOLD_SETS.check)].map(key));
    expect(final.filter((d) => others.has(key(d)))).toEqual([]);
    expect(new Set(final.map(key)).size).toBe(final.length);
    expect(final.flatMap((d) => d.quotes).length).toBeGreaterThanOrEqual(100);
    const sources = loadSources(final);
    for (const d of final) expect(verifyGoldDoc(d, sources.get(key(d))!)).toEqual([]);
  });

  it.skipIf(!benchDataPresent())("rebuilds last.jsonl exactly from its working notes", () => {
    const notes = parseNotes(readFileSync(new URL("../../bench/quotes/last-notes.txt", import.meta.url), "utf8"));
    expect(buildGold(notes).docs).toEqual(loadGold(GOLD_SETS.last));
  });

  it.skipIf(!benchDataPresent())("keeps the last set apart from the other sets, every span re-slicing", () => {
    const last = loadGold(GOLD_SETS.last);
    const key = (d: { corpus: string; doc_id: string }) => `${d.corpus}:${d.doc_id}`;
    const earlier = [GOLD_SETS.gold, GOLD_SETS.fresh, GOLD_SETS.check, GOLD_SETS.final].flatMap((p) => loadGold(p));
    const others = new Set(earlier.map(key));
    expect(last.filter((d) => others.has(key(d)))).toEqual([]);
    expect(new Set(last.map(key)).size).toBe(last.length);
    expect(last.filter((d) => d.corpus === "ecbplus" && Number(d.doc_id.split("_")[0]) >= 36)).toEqual([]);
    expect(last.flatMap((d) => d.quotes).length).toBeGreaterThanOrEqual(100);
    const sources = loadSources(last);
    for (const d of last) expect(verifyGoldDoc(d, sources.get(key(d))!)).toEqual([]);
  });
});
