import fc from "fast-check";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readInputs, sniffFormat, type IngestResult } from "../../src/ingest/index.js";
import { withinAsync } from "../support/time-limit.js";
import { adversarialFeeds, adversarialHtml, adversarialTexts, htmlArb, textArb } from "./adversarial.js";

/** Reads bytes through `-`, failing if it throws or takes longer than `limitMs` (CPU time; see test/support/time-limit.ts). */
async function timedRead(bytes: Uint8Array, limitMs: number): Promise<IngestResult[]> {
  return withinAsync(limitMs, `readInputs on ${bytes.length} bytes`, async () => {
    const out: IngestResult[] = [];
    for await (const r of readInputs(["-"], { stdin: Readable.from([Buffer.from(bytes)]) })) out.push(r);
    return out;
  });
}

describe("ingest robustness", () => {
  it("never throws on random bytes and always yields at least one result", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), async (bytes) => {
        const rs = await timedRead(bytes, 1000);
        expect(rs.length).toBeGreaterThan(0);
        for (const r of rs) if (!r.ok) expect(r.error.message.startsWith("-: ")).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("sniffs random text and HTML quickly, and a plain text input keeps its text exactly", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(textArb, htmlArb), async (text) => {
        sniffFormat(text);
        const rs = await timedRead(Buffer.from(text, "utf8"), 1000);
        for (const r of rs) {
          if (r.ok && r.item.format === "text" && r.item.input === "-") {
            expect(r.item.content).toBe(new TextDecoder().decode(Buffer.from(text, "utf8")));
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  for (const [name, text] of [...adversarialTexts(), ...adversarialHtml()]) {
    it(`reads ${name} within 1 s`, async () => {
      const rs = await timedRead(Buffer.from(text, "utf8"), 1000);
      expect(rs.length).toBeGreaterThan(0);
    });
  }

  for (const [name, xml] of adversarialFeeds()) {
    it(`reads the feed with ${name} within 1 s, with short reasons and bounded expansion`, async () => {
      const rs = await timedRead(Buffer.from(xml, "utf8"), 1000);
      expect(rs.length).toBeGreaterThan(0);
      for (const r of rs) {
        if (r.ok) expect(r.item.content.length).toBeLessThanOrEqual(xml.length);
        else expect(r.error.message.length).toBeLessThan(400);
      }
    });
  }
});
