import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readInputs, sniffFormat, type IngestResult } from "../../src/ingest/index.js";
import { withinAsync } from "../support/time-limit.js";

/** Reads a feed through `-`, failing if it takes more than a second of CPU. */
async function timedRead(xml: string): Promise<IngestResult[]> {
  return withinAsync(1000, `readInputs on ${xml.length} characters`, async () => {
    const out: IngestResult[] = [];
    for await (const r of readInputs(["-"], { stdin: Readable.from([Buffer.from(xml, "utf8")]) })) out.push(r);
    return out;
  });
}

const MB = 1024 * 1024;
const RSS = `<rss version="2.0"><channel><title>Wire</title><item><title>Bridge closed</title><link>https://wire.example/bridge</link><description>The Vell Harbour bridge closed.</description></item></channel></rss>`;
const LOL = ['<!ENTITY l0 "lol">', ...Array.from({ length: 8 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)].join("");
const COMMENT_70K = `<!--${"x".repeat(70_000)}-->`;

/** A result in brief, so that a failure prints a few words and not megabytes: input, format, content, outlet, title; or the error. */
function brief(r: IngestResult): string[] | string {
  if (!r.ok) return r.error.message.slice(0, 300);
  return [r.item.input, r.item.format, r.item.content.slice(0, 100), r.item.given.outlet ?? "", r.item.given.title ?? ""];
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rashomon-preamble-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("feed preambles of any length", () => {
  const longPreambles: [string, string][] = [
    ["5 MB of whitespace", `<?xml version="1.0"?>${" \n".repeat(2.5 * MB)}`],
    ["a 5 MB comment", `<?xml version="1.0"?><!--${"x".repeat(5 * MB)}-->`],
    ["half a million comments and processing instructions", "<!---->\n<?pi x?>\n".repeat(MB / 4)],
    ["a doctype whose subset holds a 5 MB comment", `<!DOCTYPE rss [<!--${"-x".repeat(2.5 * MB)}--><!ENTITY a "b">]>`],
    ["a doctype whose subset holds 5 MB of whitespace", `<!DOCTYPE rss [${" ".repeat(4 * MB)}<!ENTITY a "b">${"\n".repeat(MB)}]>`],
  ];
  for (const [name, preamble] of longPreambles) {
    it(`reads a feed after ${name} within 1 s`, async () => {
      const rs = await timedRead(preamble + RSS);
      expect(rs.map(brief)).toEqual([["-#1", "text", "The Vell Harbour bridge closed.", "Wire", "Bridge closed"]]);
    });
  }

  it("refuses a doctype of more than 1 MB of declarations within 1 s, with a short reason", async () => {
    const rs = await timedRead(`<!DOCTYPE rss [${'<!ATTLIST item x CDATA "y">'.repeat(200_000)}]>${RSS}`);
    expect(rs.map(brief)).toEqual([expect.stringMatching(/^-: not a valid feed \(its DOCTYPE holds 5\.\d MB of declarations \(more than 1 MB is not read\)\)$/)]);
  });

  const unclosed: [string, string][] = [
    ["comment", `<?xml version="1.0"?><!--${"x".repeat(5 * MB)}`],
    ["doctype subset", `<!DOCTYPE rss [${"<!ENTITY a 'b'>".repeat(MB / 3)}`],
    ["quoted literal", `<!DOCTYPE rss [<!ENTITY a "${"b".repeat(5 * MB)}`],
    ["doctype of '<' characters", `<!DOCTYPE rss [${"<".repeat(5 * MB)}`],
  ];
  for (const [name, xml] of unclosed) {
    it(`reads an unclosed 5 MB ${name} within 1 s, as something other than a feed`, async () => {
      expect(sniffFormat(xml)).not.toBe("feed");
      const rs = await timedRead(xml);
      expect(rs).toHaveLength(1);
    });
  }

  it("keeps the billion-laughs bound behind a 70 KB preamble", async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [${COMMENT_70K}${LOL}]><rss version="2.0"><channel><title>&l8;</title><item><title>&l8;</title><description>&l8; &l8;</description></item></channel></rss>`;
    expect(sniffFormat(xml)).toBe("feed");
    const rs = await timedRead(xml);
    expect(rs.length).toBeGreaterThan(0);
    for (const r of rs) {
      if (r.ok) expect([r.item.content, r.item.given.title ?? "", r.item.given.outlet ?? ""].map((t) => t.length < 1000)).toEqual([true, true, true]);
      else expect(r.error.message.length).toBeLessThan(400);
    }
  });

  it("never reads an external entity behind a 70 KB preamble", async () => {
    const secret = join(dir, "secret.txt");
    writeFileSync(secret, "SECRET-7f3a9 from the local disk");
    const xml = `<?xml version="1.0"?>${COMMENT_70K}<!DOCTYPE rss [${COMMENT_70K}<!ENTITY xxe SYSTEM "file://${secret}">]><rss version="2.0"><channel><title>&xxe;</title><item><title>&xxe;</title><description>Body &xxe;</description></item></channel></rss>`;
    expect(sniffFormat(xml)).toBe("feed");
    const rs = await timedRead(xml);
    expect(rs.length).toBeGreaterThan(0);
    expect(JSON.stringify(rs.map((r) => (r.ok ? r.item : r.error.message))).includes("SECRET-7f3a9")).toBe(false);
  });
});
