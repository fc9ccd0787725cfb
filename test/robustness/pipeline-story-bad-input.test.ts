/**
 * Several pathological documents that group into one story: the story stages
 * (lineage, utterances, dossier) must stay bounded too, not only each document.
 * Four copies of 1 MB of one quoted sentence took over ten minutes in the
 * dossier (quoted phrases grouped by copying arrays, every member of a fact
 * compared with every other for the summary).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/pipeline/index.js";
import { withinAsync } from "../support/time-limit.js";

describe("a story of pathological documents", () => {
  it("builds four 1 MB copies of one quoted sentence into one story within 20 s of CPU", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rashomon-bad-story-"));
    const line = "“We will rebuild the bridge,” Sheinbaum said. ".repeat(Math.ceil(1_000_000 / 47));
    for (let i = 0; i < 4; i++) writeFileSync(join(dir, `copy-${i}.txt`), `${line}${i}`);
    const result = await withinAsync(20_000, "four pathological documents in one story", () => analyze([dir]));
    expect(result.documents).toHaveLength(4);
    expect(result.stories).toHaveLength(1);
    expect(result.stories[0]!.summary!.length).toBeLessThanOrEqual(8);
  });
});
