import { describe, expect, it } from "vitest";
import { extractEntities, resolveMention } from "./index.js";

const analyse = (text: string) => extractEntities({ id: "n", text, paragraphs: [] });
const named = (text: string, name: string) => analyse(text).entities.find((e) => e.name === name);

describe("names, titles and bodies (fixtures written for these rules)", () => {
  it("keeps a middle initial in a name and links the surname to it", () => {
    const e = named("The police commissioner, Raymond W. Kelly, spoke. Mr. Kelly said more.", "Raymond W. Kelly")!;
    expect(e).toBeDefined();
    expect(e.mentions.some((m) => m.kind === "surname")).toBe(true);
  });
  it("splits a role from a name after a title or a known first name", () => {
    expect(named("Police caught him, said Bloomington Police Sgt. Marty Earley on Friday.", "Marty Earley")?.kind).toBe("person");
    expect(named("Police caught him, said Bloomington Police Sgt. Marty Earley on Friday.", "Bloomington Police")?.kind).toBe("organization");
    expect(named("It was awful, said WCCO TV Managing Editor Angela Benson at the scene.", "Angela Benson")?.gender).toBe("female");
  });
  it("does not take 'CEO of GM' for a person", () => {
    const a = analyse("CEO of GM outlines plan. Fritz Henderson spoke to reporters on Monday.");
    expect(a.entities.some((e) => e.kind === "person" && /^of /.test(e.name))).toBe(false);
  });
  it("links a first name used alone to the one full name it starts", () => {
    const text = "Doug McDermott will return to Creighton. His father said Doug thought it over.";
    const a = analyse(text);
    const p = text.indexOf("Doug thought");
    expect(resolveMention(a, text, { start: p, end: p + 4 })?.name).toBe("Doug McDermott");
  });
  it("resolves 'he' far from the last mention to the last man named, not to a body", () => {
    const text = ["Frank Henderson spoke on Monday.", "The New GM will be smaller.", "The plan needs the United Auto Workers.",
      "Sales fell.", "Plants closed.", "Dealers waited.", "Banks lent.", "Then he said more."].join(" ");
    const a = analyse(text);
    const p = text.indexOf("he said");
    expect(resolveMention(a, text, { start: p, end: p + 2 })?.name).toBe("Frank Henderson");
  });
  it("takes a building or street for a place, never for the person 'he' means", () => {
    const text = "The mayor spoke at City Hall on Tuesday. City engineer Tomas Reyna told reporters the crack was long. He said divers would look on Thursday.";
    const a = analyse(text);
    expect(a.entities.find((e) => e.name === "City Hall")?.kind).toBe("place");
    const p = text.indexOf("He said");
    expect(resolveMention(a, text, { start: p, end: p + 2 })?.name).toBe("Tomas Reyna");
  });
  it("takes a gulf, a sea or a strait for a place, never for the person 'he' means", () => {
    const text = "Shipping resumed in the Gulf. Harbour master Osric Vale said tankers waited. \"The Persian Gulf is calm again,\" he said.";
    const a = analyse(text);
    expect(a.entities.find((e) => e.name === "Persian Gulf")?.kind).toBe("place");
    const p = text.indexOf("he said");
    expect(resolveMention(a, text, { start: p, end: p + 2 })?.name).toBe("Osric Vale");
  });
  it("knows common first names beyond the hand list, with their gender, and splits them from a body's name", () => {
    expect(named("Quarry owner Bernadette Quill spoke.", "Bernadette Quill")?.gender).toBe("female");
    expect(named("The fund lost money, said Fort Ash Capital Group Charlie Pell on Monday.", "Charlie Pell")?.kind).toBe("person");
  });
  it("does not take a company and a country ('Ford Australia') for the person a pronoun means", () => {
    const text = "Okonkwo Barre runs the studio. Ford Australia signed the deal on Monday. He said it was good news.";
    const a = analyse(text);
    const p = text.indexOf("He said");
    expect(resolveMention(a, text, { start: p, end: p + 2 })?.name).toBe("Okonkwo Barre");
  });
  it("does not split a name with a middle name, nor a place, at a first name inside it", () => {
    expect(named("Lawyer Mark Jay Heller spoke for her.", "Mark Jay Heller")).toBeDefined();
    expect(analyse("The San Diego Union-Tribune reported it first.").entities.some((e) => e.name === "Diego Union-Tribune")).toBe(false);
  });
  it("keeps 'Watch' at the end of a body's name", () => {
    expect(analyse("Harbour Rights Watch said the vote was unfair.").entities.some((e) => e.name === "Harbour Rights Watch")).toBe(true);
  });
});
