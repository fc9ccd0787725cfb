import { withinAsync } from "../../test/support/time-limit.js";
import { mkdtempSync, mkdirSync, openSync, closeSync, ftruncateSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sniffFormat } from "./index.js";
import { fsReason } from "./read-file.js";
import { collect, errorOf, only } from "./test-helpers.js";

const seeds = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));
let dir: string;
const p = (name: string): string => join(dir, name);
const put = (name: string, data: string | Uint8Array): string => {
  writeFileSync(p(name), data);
  return p(name);
};

const ARTICLE = "Mexico’s president says she rejected Trump’s plan.\n\nMEXICO CITY (AP) — Claudia Sheinbaum said on Saturday…\n";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rashomon-ingest-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("seeds", () => {
  it("reads the seeds directory as 5 text inputs whose content is the file text", async () => {
    const rs = await collect([seeds]);
    expect(rs).toHaveLength(5);
    const names = readdirSync(seeds).filter((n) => n.endsWith(".txt")).sort();
    rs.forEach((r, i) => {
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.item.format).toBe("text");
      expect(r.item.id).toBe(names[i]!.replace(/\.txt$/, ""));
      expect(r.item.content).toBe(readFileSync(join(seeds, names[i]!), "utf8"));
      expect(r.item.messages).toEqual([]);
    });
  });

  it("reads stdin for '-' (from opts.stdin)", async () => {
    const text = readFileSync(join(seeds, "000_4e495020b5c344bc.txt"), "utf8");
    const item = await only("-", { stdin: Readable.from([Buffer.from(text)]) });
    expect(item).toMatchObject({ id: "stdin", input: "-", format: "text", content: text });
  });
});

describe("encodings", () => {
  it("strips a UTF-8 BOM from the content", async () => {
    const item = await only(put("bom.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE)])));
    expect(item.content).toBe(ARTICLE);
    expect(item.encoding).toBe("utf-8");
  });

  it("decodes UTF-16 LE and BE with a BOM", async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    expect((await only(put("le.txt", le))).content).toBe(ARTICLE);
    const item = await only(put("be.txt", be));
    expect(item.content).toBe(ARTICLE);
    expect(item.encoding).toBe("utf-16be");
  });

  it("decodes UTF-16 LE and BE without a BOM, recognised from their bytes, with an info message", async () => {
    const seed = readFileSync(join(seeds, "001_b5f02f746b628a14.txt"), "utf8");
    const le = Buffer.from(seed, "utf16le");
    const be = Buffer.from(le).swap16();
    for (const [name, bytes, encoding, parity] of [["le", le, "utf-16le", "odd"], ["be", be, "utf-16be", "even"]] as const) {
      const item = await only(put(`nobom-${name}.txt`, bytes));
      expect(item).toMatchObject({ format: "text", content: seed, encoding });
      expect(item.messages.map((m) => [m.ruleId, m.severity])).toEqual([["ingest:utf16-no-bom", "info"]]);
      expect(item.messages[0]!.reason).toMatch(new RegExp(`^decoded as UTF-16${name.toUpperCase()} without a byte order mark, detected from its bytes \\(NUL in 100% of the ${parity}-offset bytes`));
    }
    const page = "<!DOCTYPE html><html><head><title>Peña Nieto</title></head><body><p>Sheinbaum said “no”.</p></body></html>";
    expect(await only(put("nobom.html", Buffer.from(page, "utf16le")))).toMatchObject({ format: "html", content: page, encoding: "utf-16le" });
  });

  it("decodes undeclared windows-1252 smart quotes, with an info message", async () => {
    const bytes = Buffer.from([...Buffer.from("She said "), 0x93, ...Buffer.from("no"), 0x94, ...Buffer.from(" to troops "), 0x96, ...Buffer.from(" caf"), 0xe9, 0x0a]);
    const item = await only(put("cp1252.txt", bytes));
    expect(item.content).toBe("She said “no” to troops – café\n");
    expect(item.encoding).toBe("windows-1252");
    expect(item.messages.map((m) => [m.ruleId, m.severity])).toEqual([["ingest:windows-1252", "info"]]);
  });

  it("honours a declared ISO-8859-1 charset in a meta tag", async () => {
    const html = Buffer.concat([
      Buffer.from('<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><title>Pe'),
      Buffer.from([0xf1]),
      Buffer.from("a Nieto</title></head><body><p>Se\u00f1or \u0093Nein\u0094</p></body></html>", "latin1"),
    ]);
    const item = await only(put("latin1.html", html));
    expect(item.format).toBe("html");
    expect(item.content).toContain("<title>Peña Nieto</title>");
    // iso-8859-1 is decoded as windows-1252, as browsers do: 0x93/0x94 are curly quotes.
    expect(item.content).toContain("<p>Señor “Nein”</p>");
    expect(item.encoding).toBe("windows-1252");
    expect(item.messages).toEqual([]);
  });

  it("prefers UTF-8 when a declared legacy charset contradicts valid UTF-8 bytes", async () => {
    const html = '<html><head><meta charset="iso-8859-1"></head><body><p>Peña said “no”.</p></body></html>';
    const item = await only(put("mislabelled.html", html));
    expect(item.content).toBe(html);
    expect(item.messages.map((m) => m.ruleId)).toEqual(["ingest:charset-mismatch"]);
  });

  it("replaces invalid UTF-8 with U+FFFD and warns with the first offset", async () => {
    const bytes = Buffer.concat([Buffer.from("Sheinbaum’s answer: "), Buffer.from([0xff, 0xc3]), Buffer.from(" end\n")]);
    const item = await only(put("bad-utf8.txt", bytes));
    expect(item.content).toBe("Sheinbaum’s answer: \uFFFD\uFFFD end\n");
    const m = item.messages.find((x) => x.ruleId === "ingest:invalid-utf8");
    expect(m?.severity).toBe("warning");
    expect(m?.reason).toMatch(/2 bad byte sequences/);
    expect(m?.input).toBe(p("bad-utf8.txt"));
    expect(item.content.slice(m!.span!.start, m!.span!.end)).toBe("\uFFFD");
  });
});

describe("bad files", () => {
  it("refuses an empty file and a whitespace-only file", async () => {
    expect(await errorOf(put("empty.txt", ""))).toBe(`${p("empty.txt")}: empty input`);
    expect(await errorOf(put("blank.txt", " \n\t\n"))).toMatch(/blank\.txt: empty input/);
  });

  it("refuses binary files by their magic bytes", async () => {
    expect(await errorOf(put("paper.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj\n"))).toBe(`${p("paper.pdf")}: binary file (PDF)`);
    expect(await errorOf(put("photo.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])))).toMatch(/photo\.txt: binary file \(PNG\)/);
    expect(await errorOf(put("photo.jpg", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46])))).toMatch(/binary file \(JPEG\)/);
    expect(await errorOf(put("anim.gif", "GIF89a\x01\x00"))).toMatch(/binary file \(GIF\)/);
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]), Buffer.from("[Content_Types].xml word/document.xml")]);
    expect(await errorOf(put("story.docx", docx))).toMatch(/story\.docx: binary file \(DOCX\)/);
    expect(await errorOf(put("a.zip", Buffer.from([0x50, 0x4b, 0x03, 0x04, 10, 0, 0, 0])))).toMatch(/binary file \(ZIP archive\)/);
    expect(await errorOf(put("a.gz", Buffer.from([0x1f, 0x8b, 8, 0, 0, 0])))).toMatch(/binary file \(gzip\)/);
    expect(await errorOf(put("nul.txt", Buffer.from("text\0with a NUL")))).toMatch(/binary file \(contains NUL bytes\)/);
    expect(await errorOf(put("ctl.txt", Buffer.from([...Buffer.from("ab"), 1, 2, 3, 4, 5, 6, 7, 8])))).toMatch(/binary file \(\d+% control bytes\)/);
  });

  it("refuses binary files whose NUL bytes could pass for UTF-16 without a BOM", async () => {
    const utf16 = Buffer.from(ARTICLE, "utf16le");
    // Magic bytes win over a UTF-16-looking body.
    expect(await errorOf(put("u.pdf", Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from([0]), utf16])))).toMatch(/binary file \(PDF\)/);
    expect(await errorOf(put("u.png", Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), utf16])))).toMatch(/binary file \(PNG\)/);
    expect(await errorOf(put("u.gz", Buffer.concat([Buffer.from([0x1f, 0x8b]), utf16])))).toMatch(/binary file \(gzip\)/);
    // UTF-32 has NULs at both parities; small 16-bit integers are control characters; U+0000 is never text.
    const utf32 = Buffer.alloc(ARTICLE.length * 4);
    [...ARTICLE].forEach((c, k) => utf32.writeUInt32LE(c.codePointAt(0)!, 4 * k));
    expect(await errorOf(put("utf32.txt", utf32))).toMatch(/binary file \(contains NUL bytes\)/);
    const samples = Buffer.alloc(4000);
    for (let k = 0; k < 2000; k++) samples.writeUInt16LE(1 + ((k * 7) % 63), 2 * k);
    expect(await errorOf(put("samples.raw", samples))).toMatch(/binary file \(contains NUL bytes\)/);
    expect(await errorOf(put("nul-char.txt", Buffer.concat([utf16, Buffer.from([0, 0]), utf16])))).toMatch(/binary file/);
    // Real binaries cut past their magic bytes: the Node executable and a PNG screenshot.
    const exe = Buffer.alloc(65536);
    const fd = openSync(process.execPath, "r");
    readSync(fd, exe, 0, exe.length, 4096);
    closeSync(fd);
    expect(await errorOf(put("exe-body.bin", exe))).toMatch(/binary file \((?:contains NUL bytes|\d+% control bytes)\)/);
    const png = readFileSync(fileURLToPath(new URL("../../docs/report-1280.png", import.meta.url)));
    for (const at of [8, 1000, 50_000]) {
      expect(await errorOf(put(`png-${at}.bin`, png.subarray(at, at + 32_768)))).toMatch(/binary file \((?:contains NUL bytes|\d+% control bytes)\)/);
    }
  });

  it("refuses a 50 MB file from its size, without reading it", async () => {
    const big = p("big.txt");
    const fd = openSync(big, "w");
    ftruncateSync(fd, 50_000_000); // sparse: no data written
    closeSync(fd);
    const err = await withinAsync(1000, "refusing a 50 MB file", () => errorOf(big));
    expect(err).toBe(`${big}: too large (50.0 MB > 20 MiB limit)`);
    rmSync(big);
  });

  it("applies a smaller maxBytes to files and stdin", async () => {
    expect(await errorOf(put("kb.txt", "x".repeat(2000)), { maxBytes: 1024 })).toMatch(/kb\.txt: too large \(2\.0 kB > 1 KiB limit\)/);
    const stdin = Readable.from([Buffer.alloc(800, 0x61), Buffer.alloc(800, 0x62)]);
    expect(await errorOf("-", { maxBytes: 1024, stdin })).toBe("-: too large (more than the 1 KiB limit)");
  });

  it("names a missing path", async () => {
    expect(await errorOf(p("nope/missing.txt"))).toBe(`${p("nope/missing.txt")}: no such file or directory`);
  });

  it("words file-system errors plainly (permission errors cannot be provoked as root)", () => {
    expect(fsReason(Object.assign(new Error("x"), { code: "EACCES" }))).toBe("permission denied");
    expect(fsReason(Object.assign(new Error("x"), { code: "EPERM" }))).toBe("permission denied");
    expect(fsReason(Object.assign(new Error("x"), { code: "ELOOP" }))).toBe("too many symbolic links");
  });

  it.skipIf(process.getuid?.() === 0)("names a permission error", async () => {
    const f = put("secret.txt", ARTICLE);
    chmodSync(f, 0o000);
    expect(await errorOf(f)).toBe(`${f}: permission denied`);
    chmodSync(f, 0o644);
  });

  it("keeps going after bad inputs, in spec order", async () => {
    const good = put("good.txt", ARTICLE);
    const rs = await collect([p("missing.txt"), put("x.pdf", "%PDF-1.4"), good, put("e.txt", "")]);
    expect(rs.map((r) => r.ok)).toEqual([false, false, true, false]);
    for (const r of rs) if (!r.ok) expect(r.error.message.startsWith(r.error.input + ": ")).toBe(true);
  });
});

describe("directories", () => {
  it("walks a tree sorted, skipping hidden entries and node_modules", async () => {
    const root = p("tree");
    for (const d of ["tree/b", "tree/a/deep", "tree/.git", "tree/node_modules/pkg"]) mkdirSync(p(d), { recursive: true });
    put("tree/z.txt", ARTICLE);
    put("tree/b/2.txt", ARTICLE);
    put("tree/b/10.txt", ARTICLE);
    put("tree/a/deep/page.html", "<html><body><p>Hi</p></body></html>");
    put("tree/.hidden.txt", ARTICLE);
    put("tree/.git/config", ARTICLE);
    put("tree/node_modules/pkg/readme.txt", ARTICLE);
    const rs = await collect([root]);
    const inputs = rs.map((r) => (r.ok ? r.item.input : r.error.input));
    expect(inputs).toEqual([join(root, "a/deep/page.html"), join(root, "b/10.txt"), join(root, "b/2.txt"), join(root, "z.txt")]);
    expect(rs.map((r) => r.ok && r.item.format)).toEqual(["html", "text", "text", "text"]);
  });
});

describe("format sniffing", () => {
  it("refuses XML that is neither a feed nor a page, and an empty directory", async () => {
    const sitemap = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x/</loc></url></urlset>';
    expect(await errorOf(put("sitemap.xml", sitemap))).toBe(`${p("sitemap.xml")}: unsupported XML document (root element <urlset>, not a feed or a page)`);
    mkdirSync(p("void/.hidden"), { recursive: true });
    put("void/.hidden/a.txt", ARTICLE);
    expect(await errorOf(p("void"))).toMatch(/void: directory has no files/);
  });


  it("reads HTML from its content whatever the file name", async () => {
    expect((await only(put("page.txt", "\n<!doctype html>\n<title>x</title><p>Body</p>"))).format).toBe("html");
    expect((await only(put("frag", "<div class=\"story\"><p>One.</p><p>Two.</p></div>"))).format).toBe("html");
    expect((await only(put("note.html.txt", "A plain sentence that mentions a <tag> once.\n"))).format).toBe("text");
  });

  it("sees past a doctype with an internal subset to the feed root", () => {
    expect(sniffFormat('<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY nbsp "&#160;"> <!ENTITY x "y">]>\n<rss version="2.0"><channel/></rss>')).toBe("feed");
    expect(sniffFormat('<feed xmlns="http://www.w3.org/2005/Atom"><entry/></feed>')).toBe("feed");
    expect(sniffFormat("<feed><entry/></feed>")).not.toBe("feed");
    expect(sniffFormat('{"id":1,"text":"a"}\n{"id":2,"text":"b"}\n')).toBe("jsonl");
    expect(sniffFormat("Plain text.\n{ not json }\n")).toBe("text");
  });
});
