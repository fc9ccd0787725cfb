/** `rashomon analyze --format jsonl`: the same documents and stories as `--format json`, one line each, documents first. */
import { describe, expect, it } from "vitest";
import { rashomonAsync } from "./library-helpers.js";

describe("rashomon analyze --format jsonl", () => {
  it("streams the documents, then the stories, that --format json gives", { timeout: 120_000 }, async () => {
    const inputs = ["../shared/seeds", "examples/harbour-bridge"];
    const [lines, whole] = await Promise.all([
      rashomonAsync(["analyze", ...inputs, "-f", "jsonl", "-q"]),
      rashomonAsync(["analyze", ...inputs, "-f", "json", "-q"]),
    ]);
    expect(lines.code).toBe(0);
    const rows = lines.stdout.trim().split("\n").map((l) => JSON.parse(l) as { type: string; id: string; documents?: string[]; facts?: unknown[] });
    const json = JSON.parse(whole.stdout) as { documents: { id: string; text: string }[]; stories: { documents: string[] }[] };
    const docs = rows.filter((r) => r.type === "document");
    const stories = rows.filter((r) => r.type === "story");
    expect(rows.findIndex((r) => r.type === "story")).toBe(docs.length); // every document before the first story
    expect(docs.map((d) => d.id)).toEqual(json.documents.map((d) => d.id));
    expect((docs[0] as unknown as { text: string }).text).toBe(json.documents[0]!.text);
    const parts = (ss: { documents?: string[] }[]) => ss.map((s) => [...s.documents!].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    expect(parts(stories)).toEqual(parts(json.stories));
    expect(stories.every((s) => Array.isArray(s.facts) && s.facts.length > 0)).toBe(true);
  });
});
