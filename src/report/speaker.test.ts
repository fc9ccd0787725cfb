import { describe, expect, it } from "vitest";
import type { RashomonDocument } from "../model/index.js";
import { renderHtml, renderMarkdown } from "./index.js";
import { roleBesides } from "./speaker.js";

function documentWithQuote(name: string, role: string | null): RashomonDocument {
  const text = "Harbour news\n\nSeven bolts failed on the bridge, according to the Vell Harbour Office of the Chief Engineer.";
  const p = text.indexOf("Seven");
  const quote = { text: "Seven bolts failed on the bridge", span: { start: p, end: p + 32 }, kind: "indirect", speaker: { name, role, mention: null, kind: "organization", named: false, entity: null, rule: "test" }, cue: null };
  return {
    id: "d1", input: "d1.txt", format: "text", text, title: "Harbour news", standfirst: null, section: null, byline: null, authors: [], agencies: [],
    outlet: null, dateline: null, published: null, updated: null, editor: null, language: "en", url: null, body: text.slice(p),
    paragraphs: [{ span: { start: p, end: text.length }, kind: "paragraph" }], captions: [], removed: [], provenance: {}, messages: [],
    quotes: [quote] as unknown as RashomonDocument["quotes"],
  };
}

describe("a speaker's role in the reports", () => {
  it("is shown once when it is the speaker's name, and beside a name otherwise", () => {
    expect(roleBesides({ name: "White House spokesperson", role: "White House spokesperson" })).toBe(false);
    expect(roleBesides({ name: "Tomas Reyna", role: "city engineer" })).toBe(true);
    const same = documentWithQuote("Vell Harbour Office of the Chief", "Vell Harbour Office of the Chief");
    expect(renderMarkdown({ documents: [same], stories: [], messages: [] })).toContain("- Vell Harbour Office of the Chief (indirect):");
    expect(renderHtml({ documents: [same], stories: [], messages: [] })).not.toContain('<span class="role">Vell Harbour Office of the Chief</span>');
    const other = documentWithQuote("Tomas Reyna", "city engineer");
    expect(renderMarkdown({ documents: [other], stories: [], messages: [] })).toContain("- Tomas Reyna, city engineer (indirect):");
  });
});
