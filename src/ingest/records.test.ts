import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeDate } from "../metadata/index.js";
import { collect, errorOf } from "./test-helpers.js";

let dir: string;
const put = (name: string, data: string | Uint8Array): string => {
  writeFileSync(join(dir, name), data);
  return join(dir, name);
};
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rashomon-records-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = "MEXICO CITY (AP) — Mexican President Claudia Sheinbaum said on Saturday…\n\nShe said “no”.";

describe("JSON Lines", () => {
  it("yields one input per record and one error per bad line", async () => {
    const lines = [
      JSON.stringify({ id: "ap-1", url: "https://apnews.com/a", outlet: "AP", published: "2025-05-03T18:17:00-04:00", title: "Sheinbaum rejects troops", text: TEXT }),
      "",
      "{not json",
      JSON.stringify({ outlet: "Reuters", html: "<html><body><p>Body</p></body></html>", published: "Sat, 03 May 2025 22:10:00 GMT" }),
      JSON.stringify({ id: 7, title: "no content" }),
      "[1,2]",
      JSON.stringify({ id: "late", text: TEXT, published: "sometime soon" }),
    ];
    const file = put("batch.jsonl", lines.join("\r\n") + "\r\n");
    const rs = await collect([file, put("after.txt", TEXT)]);
    expect(rs.map((r) => (r.ok ? r.item.input : r.error.input))).toEqual([
      `${file}#ap-1`, `${file}#3`, `${file}#4`, `${file}#7`, `${file}#6`, `${file}#late`, join(dir, "after.txt"),
    ]);
    const [a, bad, b, noContent, arr, late, after] = rs;
    expect(a).toMatchObject({ ok: true, item: { id: "ap-1", format: "text", content: TEXT, url: "https://apnews.com/a" } });
    if (a!.ok) expect(a!.item.given).toEqual({ title: "Sheinbaum rejects troops", outlet: "AP", url: "https://apnews.com/a", published: "2025-05-03T18:17:00-04:00" });
    expect(!bad!.ok && bad!.error.message).toMatch(/batch\.jsonl#3: line 3: not valid JSON/);
    expect(b).toMatchObject({ ok: true, item: { id: "batch-4", format: "html", given: { outlet: "Reuters", published: "2025-05-03T22:10:00Z" } } });
    expect(!noContent!.ok && noContent!.error.message).toMatch(/#7: line 5: record has neither an "html" nor a "text" string/);
    expect(!arr!.ok && arr!.error.message).toMatch(/#6: line 6: not a JSON object/);
    expect(late!.ok && late!.item.messages.map((m) => m.ruleId)).toEqual(["ingest:bad-date"]);
    expect(late!.ok && late!.item.given.published).toBeUndefined();
    expect(after!.ok).toBe(true);
  });

  it("treats a .jsonl file whose first line is broken as records, not text", async () => {
    const file = put("broken-first.jsonl", `{"id": "x", "text": \n${JSON.stringify({ id: "y", text: TEXT })}\n`);
    const rs = await collect([file]);
    expect(rs.map((r) => r.ok)).toEqual([false, true]);
  });
});

describe("record fields", () => {
  /** The messages of one accepted result, as [ruleId, severity, input, reason]. */
  const messagesOf = (r: Awaited<ReturnType<typeof collect>>[number] | undefined): string[][] => {
    if (!r?.ok) throw new Error(`expected a document, got ${r ? r.error.message : "nothing"}`);
    return r.item.messages.map((m) => [m.ruleId, m.severity, m.input ?? "", m.reason]);
  };

  it("warns for every mistyped field, naming the record, the field and what was expected, and keeps the valid ones", async () => {
    const file = put("typed.jsonl", [
      JSON.stringify({ id: "ap-1", published: 123, title: 42, outlet: ["AP"], authors: "Jane Doe", byline: "By Jane Doe", text: TEXT }),
      JSON.stringify({ id: { v: 1 }, url: true, updated: ["2025-05-03"], section: 5, html: 7, text: TEXT, authors: ["A. Writer", 3, { name: "B" }, null, " "] }),
    ].join("\n"));
    const [one, two] = await collect([file]);
    expect(one).toMatchObject({ ok: true, item: { content: TEXT, given: { byline: "By Jane Doe" } } });
    expect(one!.ok && one!.item.given).toEqual({ byline: "By Jane Doe" });
    expect(messagesOf(one)).toEqual([
      ["ingest:record-field", "warning", `${file}#ap-1`, `line 1: field "title" is a number (42), expected a string; ignored`],
      ["ingest:record-field", "warning", `${file}#ap-1`, `line 1: field "outlet" is an array, expected a string; ignored`],
      ["ingest:record-field", "warning", `${file}#ap-1`, `line 1: field "published" is a number (123), expected a date string; ignored`],
      ["ingest:record-field", "warning", `${file}#ap-1`, `line 1: field "authors" is a string ("Jane Doe"), expected an array of strings; ignored`],
    ]);
    // A mistyped id leaves the record named by its line.
    expect(two).toMatchObject({ ok: true, item: { id: "typed-2", input: `${file}#2`, format: "text", given: { authors: ["A. Writer"] } } });
    expect(messagesOf(two).map((m) => m.slice(2))).toEqual([
      [`${file}#2`, `line 2: field "id" is an object, expected a string or a number; ignored`],
      [`${file}#2`, `line 2: field "html" is a number (7), expected a string; ignored`],
      [`${file}#2`, `line 2: field "url" is a boolean (true), expected a string; ignored`],
      [`${file}#2`, `line 2: field "section" is a number (5), expected a string; ignored`],
      [`${file}#2`, `line 2: field "updated" is an array, expected a date string; ignored`],
      [`${file}#2`, `line 2: field "authors": entries 2 (a number (3)), 3 (an object) are not strings; ignored`],
    ]);
  });

  it("says when a record's text is not used because it has html, and names a mistyped html or text in the refusal", async () => {
    const file = put("both.jsonl", [
      JSON.stringify({ id: "both", html: "<p>Body</p>", text: TEXT }),
      JSON.stringify({ id: "n", html: 5, text: null }),
    ].join("\n"));
    const [both, n] = await collect([file]);
    expect(both).toMatchObject({ ok: true, item: { format: "html", content: "<p>Body</p>" } });
    expect(messagesOf(both).map((m) => m[3])).toEqual([`line 1: field "text" is not used: the record also has "html", which is read instead; ignored`]);
    expect(!n!.ok && n!.error.message).toBe(`${file}#n: line 2: record has neither an "html" nor a "text" string ("html" is a number (5), "text" is null)`);
  });

  it("takes null and blank fields as absent, without a message", async () => {
    const file = put("nulls.jsonl", JSON.stringify({ id: "x", url: null, title: " ", published: "", authors: null, html: null, text: TEXT }) + "\n");
    const [x] = await collect([file]);
    expect(messagesOf(x)).toEqual([]);
    expect(x!.ok && x!.item.given).toEqual({});
  });

  it("names the unknown fields of real ECB+ records once per record, and reads their text", async () => {
    const ecb = fileURLToPath(new URL("../../../shared/bench-data/ecbplus/docs.jsonl", import.meta.url));
    const lines = readFileSync(ecb, "utf8").split("\n").slice(0, 3);
    const file = put("ecb.jsonl", lines.join("\n") + "\n");
    const rs = await collect([file]);
    expect(rs).toHaveLength(3);
    rs.forEach((r, k) => {
      const rec = JSON.parse(lines[k]!) as { text: string; url: string | null };
      expect(r).toMatchObject({ ok: true, item: { input: `${file}#${k + 1}`, content: rec.text, url: rec.url } });
      expect(messagesOf(r)).toEqual([[
        "ingest:record-unknown-field", "warning", `${file}#${k + 1}`,
        `line ${k + 1}: unknown fields "doc_id", "topic", "subtopic", "part", "split", "title_guess", "sentences", "coref_annotated_sentences" ignored ` +
          "(a record's fields are id, url, outlet, published, title, html, text, updated, section, byline, authors, standfirst, language, editor)",
      ]]);
    });
  });

  it("warns about the fields of a JSON array's items too, and lists at most ten unknown names", async () => {
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, k) => [`extra${k}`, k]));
    const file = put("items.json", JSON.stringify([{ id: "a", text: TEXT, published: 20250503 }, { id: "b", text: TEXT, ...many }]));
    const [a, b] = await collect([file]);
    expect(messagesOf(a).map((m) => [m[0], m[3]])).toEqual([["ingest:record-field", `item 1: field "published" is a number (20250503), expected a date string; ignored`]]);
    expect(messagesOf(b).map((m) => m[3])).toEqual([expect.stringMatching(/^item 2: unknown fields "extra0", .*"extra9" and 2 more ignored \(/)]);
  });
});

describe("JSON documents", () => {
  it("reads a JSON array of records, and a single record object", async () => {
    const arr = put("batch.json", JSON.stringify([{ id: "a", text: TEXT }, { id: "b" }, { html: "<p>x</p>", title: "T" }], null, 2));
    const rs = await collect([arr]);
    expect(rs.map((r) => (r.ok ? [r.item.input, r.item.id, r.item.format] : r.error.message))).toEqual([
      [`${arr}#a`, "a", "text"],
      `${arr}#b: item 2: record has neither an "html" nor a "text" string`,
      [`${arr}#3`, "batch-3", "html"],
    ]);
    const one = put("one.json", JSON.stringify({ id: "solo", text: TEXT, outlet: "AP" }, null, 2));
    expect(await collect([one])).toMatchObject([{ ok: true, item: { id: "solo", input: one, content: TEXT, given: { outlet: "AP" } } }]);
    const pkg = put("package.json", JSON.stringify({ name: "x", version: "1.0.0" }, null, 2));
    expect(await errorOf(pkg)).toBe(`${pkg}: record has neither an "html" nor a "text" string`);
    expect(await errorOf(put("none.json", " [ ] "))).toMatch(/none\.json: empty input \(no records\)/);
  });
});

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Daily Example</title>
  <link>https://example.com/</link>
  <item>
    <title>Sheinbaum rejects US troops &amp; offer</title>
    <link>https://example.com/news/sheinbaum-troops.html</link>
    <pubDate>Sat, 03 May 2025 18:17:00 -0400</pubDate>
    <dc:creator>Jane Doe</dc:creator>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>MEXICO CITY — Claudia Sheinbaum said on Saturday…</p><p>Second.</p>]]></content:encoded>
  </item>
  <item>
    <title>Only a summary</title>
    <link>https://example.com/news/summary</link>
    <pubDate>not a date</pubDate>
    <description>A plain summary with no tags.</description>
  </item>
  <item>
    <title>Link only</title>
    <link>https://example.com/news/link-only</link>
  </item>
</channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<!-- a comment before the root -->
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Atom Outlet</title>
  <entry>
    <title>Troops offer rejected</title>
    <link rel="alternate" href="https://atom.example/2025/05/troops"/>
    <link rel="enclosure" href="https://atom.example/photo.jpg"/>
    <id>tag:atom.example,2025:1</id>
    <published>2025-05-03T22:17:00Z</published>
    <updated>2025-05-04T08:00:00Z</updated>
    <author><name>A. Writer</name></author>
    <content type="html">&lt;p&gt;Sheinbaum said no.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>XHTML entry</title>
    <link href="https://atom.example/2025/05/xhtml"/>
    <updated>2025-05-03T10:00:00+02:00</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First <b>bold</b> paragraph.</p></div></content>
  </entry>
</feed>`;

describe("feeds", () => {
  it("reads an RSS 2.0 feed item by item", async () => {
    const file = put("feed.xml", RSS);
    const rs = await collect([file]);
    expect(rs).toHaveLength(3);
    const [one, two, three] = rs;
    expect(one).toMatchObject({
      ok: true,
      item: {
        id: "sheinbaum-troops", input: `${file}#1`, format: "html", url: "https://example.com/news/sheinbaum-troops.html",
        content: "<p>MEXICO CITY — Claudia Sheinbaum said on Saturday…</p><p>Second.</p>",
        given: { title: "Sheinbaum rejects US troops & offer", outlet: "The Daily Example", published: "2025-05-03T18:17:00-04:00", byline: "Jane Doe", url: "https://example.com/news/sheinbaum-troops.html" },
      },
    });
    expect(two).toMatchObject({ ok: true, item: { format: "text", content: "A plain summary with no tags." } });
    expect(two!.ok && two!.item.messages.map((m) => m.ruleId)).toEqual(["ingest:bad-date"]);
    expect(!three!.ok && three!.error.message).toBe(`${file}#3: feed item has no content (its page https://example.com/news/link-only is fetched only with fetchFeedPages)`);
  });

  it("reads an Atom feed, with html and xhtml content", async () => {
    const file = put("atom.txt", ATOM);
    const rs = await collect([file]);
    expect(rs.map((r) => r.ok)).toEqual([true, true]);
    const [one, two] = rs.map((r) => (r.ok ? r.item : null));
    expect(one).toMatchObject({
      id: "troops", format: "html", content: "<p>Sheinbaum said no.</p>",
      given: { title: "Troops offer rejected", url: "https://atom.example/2025/05/troops", published: "2025-05-03T22:17:00Z", updated: "2025-05-04T08:00:00Z", outlet: "Atom Outlet", byline: "A. Writer" },
    });
    expect(two!.format).toBe("html");
    expect(two!.content).toContain("<b>bold</b>");
    expect(two!.given.published).toBe("2025-05-03T10:00:00+02:00");
  });

  it("reads an RSS 1.0 (RDF) feed", async () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://rdf.example/"><title>RDF Wire</title></channel>
      <item rdf:about="https://rdf.example/a"><title>A</title><link>https://rdf.example/a</link><dc:date>2025-05-03</dc:date><description>&lt;p&gt;Body&lt;/p&gt;</description></item>
    </rdf:RDF>`;
    const rs = await collect([put("rdf.rss", rdf)]);
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({ ok: true, item: { format: "html", content: "<p>Body</p>", given: { outlet: "RDF Wire", published: "2025-05-03" } } });
  });

  it("reads a feed whose doctype is over 64 KB (an internal subset with a long comment and entities)", async () => {
    const subset = `<!-- ${"generated by a CMS ".repeat(4000)} -->\n<!ENTITY outlet "The Daily Example">\n<!ENTITY nbsp "&#160;">`;
    const rss = RSS.replace("<rss ", `<!DOCTYPE rss [\n${subset}\n]>\n<rss `).replace("<title>The Daily Example</title>", "<title>&outlet;</title>");
    expect(rss.indexOf("<rss ")).toBeGreaterThan(65536);
    const file = put("long-doctype.xml", rss);
    const rs = await collect([file]);
    expect(rs.map((r) => r.ok && r.item.format)).toEqual(["html", "text", false]);
    expect(rs[0]).toMatchObject({ ok: true, item: { input: `${file}#1`, given: { outlet: "The Daily Example", title: "Sheinbaum rejects US troops & offer" } } });
  });

  it("reads an Atom feed after 100 KB of BOM, comments, processing instructions and whitespace", async () => {
    const preamble = `<?xml version="1.0" encoding="utf-8"?>\n${"<!-- build 2025-05-04 -->\n".repeat(2000)}<?xml-stylesheet href="atom.xsl" type="text/xsl"?>\n${" \n".repeat(25_000)}`;
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ATOM.replace(/^<\?xml[^>]*>\n/, preamble))]);
    expect(bytes.length - ATOM.length).toBeGreaterThan(100_000);
    const rs = await collect([put("long-prolog.atom", bytes)]);
    expect(rs.map((r) => r.ok && r.item.format)).toEqual(["html", "html"]);
    expect(rs[0]).toMatchObject({ ok: true, item: { content: "<p>Sheinbaum said no.</p>", given: { outlet: "Atom Outlet", byline: "A. Writer" } } });
  });

  it("refuses a broken feed and an empty one with reasons", async () => {
    expect(await errorOf(put("broken.xml", `<?xml version="1.0"?><rss><channel><item><title>x</item></channel></rss>`))).toMatch(/broken\.xml: not a valid feed \(/);
    expect(await errorOf(put("none.xml", `<rss version="2.0"><channel><title>T</title></channel></rss>`))).toMatch(/none\.xml: feed has no items/);
  });
});

describe("normalizeDate", () => {
  it("keeps the source offset and invents none", () => {
    expect(normalizeDate("Sat, 03 May 2025 18:17:00 GMT")).toBe("2025-05-03T18:17:00Z");
    expect(normalizeDate("3 May 25 18:17 EDT")).toBe("2025-05-03T18:17:00-04:00");
    expect(normalizeDate("2025-05-03 18:17")).toBe("2025-05-03T18:17:00");
    expect(normalizeDate("2025-05-03T18:17:00.123+0530")).toBe("2025-05-03T18:17:00.123+05:30");
    expect(normalizeDate("2025-02-30")).toBeNull();
    expect(normalizeDate("yesterday")).toBeNull();
  });
});
