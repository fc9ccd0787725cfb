import { describe, expect, it } from "vitest";
import { alignUtterances, extractQuotes, type ExtractedQuote } from "./index.js";
import { seedDocuments } from "./seed-docs.js";

const docs = seedDocuments(new URL("../../../shared/seeds/", import.meta.url));
const quotes = new Map<string, ExtractedQuote[]>();
for (const d of docs) {
  const r = extractQuotes(d);
  d.quotes = r.quotes;
  quotes.set(d.id, r.quotes);
}
const utterances = alignUtterances(docs);
const byId = new Map([...quotes.values()].flat().map((q) => [q.id, q]));

function group(speaker: string, pattern: RegExp) {
  return utterances.find((u) => u.speaker?.name === speaker && u.variants.some((v) => pattern.test(v.text)));
}
const outlets = (u: ReturnType<typeof group>) => new Set(u?.variants.map((v) => v.document));

describe("quotes on the seeds", () => {
  it("groups Trump's offer in 000, 002, 003, 004, each reported by Sheinbaum", () => {
    const u = group("Donald Trump", /How can we help you fight drug trafficking/);
    expect(u).toBeDefined();
    for (const d of ["000", "002", "003", "004"]) expect(outlets(u).has(d)).toBe(true);
    for (const v of u!.variants) {
      const q = byId.get(v.quote)!;
      expect(q.reportedBy).not.toBeNull();
      expect(byId.get(q.reportedBy!)!.speaker?.name).toBe("Claudia Sheinbaum");
    }
  });
  it("groups Sheinbaum's 'No, President Trump' in all five", () => {
    const u = group("Claudia Sheinbaum", /No, President Trump/);
    for (const d of ["000", "001", "002", "003", "004"]) expect(outlets(u).has(d)).toBe(true);
  });
  it("groups 'we can work together' in all five", () => {
    const u = group("Claudia Sheinbaum", /work together, but/i);
    for (const d of ["000", "001", "002", "003", "004"]) expect(outlets(u).has(d)).toBe(true);
  });
  it("groups 'we will never accept the presence' in 001 to 004", () => {
    const u = group("Claudia Sheinbaum", /never accept the presence/i);
    for (const d of ["001", "002", "003", "004"]) expect(outlets(u).has(d)).toBe(true);
  });
  it("gives both Hewitt statements to James Hewitt in 000 and 004", () => {
    for (const p of [/to achieve the most secure southwest border/, /Dangerous Foreign Terrorist Organizations/]) {
      const u = group("James Hewitt", p);
      expect(outlets(u).has("000") && outlets(u).has("004")).toBe(true);
    }
  });
  it("finds Trump's Fox News quote in 003 and his March and 2015 quotes in 001", () => {
    expect(outlets(group("Donald Trump", /very, very afraid of the cartels/)).has("003")).toBe(true);
    expect(outlets(group("Donald Trump", /dominated entirely by criminal cartels/)).has("001")).toBe(true);
    expect(outlets(group("Donald Trump", /bringing drugs, they're bringing crime/)).has("001")).toBe(true);
  });
  it("attributes no quote to a speaker who did not say it", () => {
    const expected: [RegExp, string][] = [
      [/^How can we help/, "Donald Trump"], [/^No, President Trump/, "Claudia Sheinbaum"],
      [/^Sovereignty is not for sale/, "Claudia Sheinbaum"], [/^We can work together/i, "Claudia Sheinbaum"],
      [/^Dangerous Foreign/, "James Hewitt"], [/^The President has been crystal clear/, "James Hewitt"],
      [/^Mexico is very, very afraid/, "Donald Trump"], [/^We will never accept/, "Claudia Sheinbaum"],
    ];
    let checked = 0;
    for (const q of [...quotes.values()].flat()) {
      for (const [p, who] of expected) {
        if (p.test(q.text)) {
          expect(q.speaker?.name, `${q.id} ${q.text}`).toBe(who);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });
  it("keeps an unnamed White House spokesperson unnamed, with its role", () => {
    const q = quotes.get("003")!.find((x) => x.text.startsWith("Mexico still must do more"))!;
    expect(q.speaker?.named).toBe(false);
    expect(q.speaker?.role).toBe("White House spokesperson");
  });
  it("finds reported speech with cue and speaker (003: Sheinbaum responded that ...)", () => {
    const q = quotes.get("003")!.find((x) => x.kind === "indirect" && x.cue?.text === "responded")!;
    expect(q.speaker?.name).toBe("Claudia Sheinbaum");
    expect(q.text.startsWith("while her administration would cooperate")).toBe(true);
  });
  it("marks the partial quote inside Hewitt's reported statement as mixed", () => {
    const q = quotes.get("000")!.find((x) => x.text.includes("to achieve the most secure"))!;
    expect(q.kind).toBe("mixed");
    expect(q.cue?.text).toBe("said");
  });
  it("keeps every span pointing at its text", () => {
    for (const d of docs) for (const q of d.quotes!) expect(d.text.slice(q.span.start, q.span.end)).toBe(q.text);
  });
  it("lists word differences between variants (military / Army)", () => {
    const u = group("Donald Trump", /How can we help you fight drug trafficking/)!;
    const words = u.differences.flatMap((d) => d.words);
    expect(words).toContain("military");
    expect(words).toContain("army");
  });
});
