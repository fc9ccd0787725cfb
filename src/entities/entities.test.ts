import { describe, expect, it } from "vitest";
import { extractEntities, resolveMention } from "./index.js";
import { seedDocuments } from "../quotes/seed-docs.js";

const docs = seedDocuments(new URL("../../../shared/seeds/", import.meta.url));
const doc = (id: string) => docs.find((d) => d.id === id)!;

describe("entities on the seeds", () => {
  it("finds Sheinbaum and Trump with gender, roles and surname mentions (000)", () => {
    const a = extractEntities(doc("000"));
    const s = a.entities.find((e) => e.name === "Claudia Sheinbaum")!;
    expect(s.gender).toBe("female");
    expect(s.roles).toContain("Mexican President");
    expect(s.mentions.some((m) => m.kind === "surname")).toBe(true);
    const t = a.entities.find((e) => e.name === "Donald Trump")!;
    expect(t.gender).toBe("male");
    expect(t.roles).toContain("U.S. President");
    const h = a.entities.find((e) => e.name === "James Hewitt")!;
    expect(h.roles[0]).toBe("White House National Security Council spokesman");
  });
  it("resolves descriptions to people (001: the Mexican president; 002: the US president)", () => {
    const d = doc("001");
    const a = extractEntities(d);
    const at = (s: string) => ({ start: d.text.indexOf(s), end: d.text.indexOf(s) + s.length });
    expect(resolveMention(a, d.text, at("the Mexican president"))?.name).toBe("Claudia Sheinbaum");
    const d2 = doc("002");
    const a2 = extractEntities(d2);
    const p = d2.text.indexOf("the US president");
    expect(resolveMention(a2, d2.text, { start: p, end: p + 16 })?.name).toBe("Donald Trump");
  });
  it("links WSJ to The Wall Street Journal (003)", () => {
    const a = extractEntities(doc("003"));
    expect(a.entities.find((e) => e.name === "Wall Street Journal")!.mentions.some((m) => m.text === "WSJ")).toBe(true);
  });
  it("resolves she to the salient woman (004: She resolved)", () => {
    const d = doc("004");
    const a = extractEntities(d);
    const p = d.text.indexOf("She resolved");
    expect(resolveMention(a, d.text, { start: p, end: p + 3 })?.name).toBe("Claudia Sheinbaum");
  });
  it("keeps an unnamed spokesperson unnamed", () => {
    const d = doc("003");
    const a = extractEntities(d);
    const s = "A White House spokesperson";
    const p = d.text.indexOf(s);
    const r = resolveMention(a, d.text, { start: p, end: p + s.length });
    expect(r?.named).toBe(false);
    expect(r?.role).toBe("White House spokesperson");
  });
});
