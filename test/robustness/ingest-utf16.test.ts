import fc from "fast-check";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readInputs, type IngestResult } from "../../src/ingest/index.js";
import { withinAsync } from "../support/time-limit.js";

/** Reads bytes through `-`, failing if it takes more than `limitMs` of CPU. */
async function timedRead(bytes: Uint8Array, limitMs = 1000): Promise<IngestResult[]> {
  return withinAsync(limitMs, `readInputs on ${bytes.length} bytes`, async () => {
    const out: IngestResult[] = [];
    for await (const r of readInputs(["-"], { stdin: Readable.from([Buffer.from(bytes)]) })) out.push(r);
    return out;
  });
}

const asUtf16 = (text: string, be: boolean): Buffer => {
  const b = Buffer.from(text, "utf16le");
  return be ? b.swap16() : b;
};

/** News text in mostly Latin script, with curly quotes, dashes, accents, CJK and emoji among it. */
const WORDS = ["Sheinbaum ", "said ", "on Saturday", ". ", ", ", "\n", "\n\n", "\t", "“", "”", "—", "’", "café ", "Peña ", "北京 ", "😀", "Ελλάδα ", "(AP) ", "2025", "%", "€12 ", "bridge "];
const newsArb = fc.array(fc.constantFrom(...WORDS), { minLength: 8, maxLength: 300 }).map((a) => `Vell Harbour ${a.join("")}`);

describe("UTF-16 without a byte order mark", () => {
  it("reads Latin-script news text written as UTF-16 LE or BE without a BOM exactly", async () => {
    await fc.assert(
      fc.asyncProperty(newsArb, fc.boolean(), async (text, be) => {
        const units = [...text].reduce((k, c) => k + (c.charCodeAt(0) < 0x100 && c.length === 1 ? 1 : 0), 0);
        fc.pre(units >= 0.5 * text.length);
        const rs = await timedRead(asUtf16(text, be));
        expect(rs).toMatchObject([{ ok: true, item: { content: text, encoding: be ? "utf-16be" : "utf-16le" } }]);
        expect(rs[0]!.ok && rs[0]!.item.messages.map((m) => m.ruleId)).toContain("ingest:utf16-no-bom");
      }),
      { numRuns: 100 },
    );
  });

  it("never takes random bytes for UTF-16, even with a NUL at every other offset", async () => {
    const interleaved = fc.tuple(fc.uint8Array({ minLength: 256, maxLength: 3000 }), fc.boolean()).map(([bytes, be]) => {
      const out = new Uint8Array(bytes.length * 2);
      bytes.forEach((b, k) => (out[2 * k + (be ? 1 : 0)] = b));
      return out;
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(interleaved, fc.uint8Array({ minLength: 256, maxLength: 6000 })), async (bytes) => {
        const rs = await timedRead(bytes);
        for (const r of rs) if (r.ok) expect(r.item.messages.map((m) => m.ruleId)).not.toContain("ingest:utf16-no-bom");
      }),
      { numRuns: 150 },
    );
  });

  it("looks at the first 4 KB only: 10 MB of UTF-16 without a BOM is read within 1 s", async () => {
    const text = "The Vell Harbour bridge closed on Saturday, the council said.\n".repeat(85_000);
    const rs = await timedRead(asUtf16(text, false));
    expect(rs).toHaveLength(1);
    expect(rs[0]!.ok && rs[0]!.item.content.length).toBe(text.length);
  });
});
