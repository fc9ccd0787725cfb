import { describe, expect, it } from "vitest";
import { balanceBidi, escapeMarkdown, html, htmlId, htmlList, markdownCode, md, mermaidLabel, rawHtml } from "./escape.js";

const RLO = "\u202E", PDF = "\u202C", RLI = "\u2067", PDI = "\u2069", RLE = "\u202B";

describe("balanceBidi", () => {
  it("drops closers without their opener and closes what is left open", () => {
    expect(balanceBidi(`a${PDI}${RLO}b`)).toBe(`a${RLO}b${PDF}`);
    expect(balanceBidi(`a${PDF}b`)).toBe("ab");
    expect(balanceBidi(`${RLI}a${RLE}b`)).toBe(`${RLI}a${RLE}b${PDF}${PDI}`);
  });

  it("keeps balanced controls as they are, and a PDF cannot close an embedding outside its isolate", () => {
    expect(balanceBidi(`${RLE}a${PDF} ${RLI}b${PDI}`)).toBe(`${RLE}a${PDF} ${RLI}b${PDI}`);
    expect(balanceBidi(`${RLE}${RLI}a${PDF}${PDI}`)).toBe(`${RLE}${RLI}a${PDI}${PDF}`);
  });
});

describe("html", () => {
  it("escapes text in attributes, isolates it in content, and leaves it bare in <title> and SVG text", () => {
    const t = `a"<b>${RLO}`;
    expect(html`<p title="${t}">${t}</p>`.html).toBe(`<p title="a&quot;&lt;b&gt;${RLO}"><bdi>a&quot;&lt;b&gt;${RLO}${PDF}</bdi></p>`);
    expect(html`<title>${t}</title>`.html).toBe(`<title>a&quot;&lt;b&gt;${RLO}${PDF}</title>`);
    expect(html`<g><text x="1">${t}</text></g>`.html).toBe(`<g><text x="1">a&quot;&lt;b&gt;${RLO}${PDF}</text></g>`);
  });

  it("inserts markup, numbers and lists as they are, and nothing for empty values", () => {
    expect(html`<ul>${["x", rawHtml("<li>y</li>")]}</ul>${null}${false}${""}${3}`.html).toBe("<ul><bdi>x</bdi><li>y</li></ul>3");
    expect(htmlList(["a", "b"], ", ").html).toBe("<bdi>a</bdi>, <bdi>b</bdi>");
  });

  it("refuses a hole inside a tag outside a quoted attribute value", () => {
    expect(() => html`<tr${" class=x"}>`).toThrow(/quoted attribute/);
    expect(() => html`<a href=${"x"}>`).toThrow(/quoted attribute/);
  });
});

describe("htmlId", () => {
  it("keeps plain ids and tells apart ids that differ only in punctuation or in where parts end", () => {
    expect(htmlId("cite", "000_4e49", "12-40")).toBe("cite--000_4e49--12-40");
    const ids = [["a b"], ["a_b"], ["a-b"], ["a--b"], ["a-", "b"], ["a", "-b"], ["a--b", "c"], ["a", "b--c"], ["a:b"], ["a_3a_b"]].map((p) => htmlId("doc", ...p));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe("Markdown", () => {
  it("escapes inline markup, every line ending and control characters", () => {
    expect(escapeMarkdown("a|b\rc\u2028d <i>*x*</i> `y`")).toBe("a\\|b c d \\<i\\>\\*x\\*\\</i\\> \\`y\\`");
    expect(escapeMarkdown(`${RLO}\u001b[31m`)).toBe("\\u202E\\u001B\\[31m");
    expect(escapeMarkdown("AT&T &amp; Co")).toBe("AT&T \\&amp; Co");
  });

  it("makes block markers inert only where a block starts", () => {
    expect(md`${"1. one"}`.markdown).toBe("1\\. one");
    expect(md`- ${"- two"}`.markdown).toBe("- \\- two");
    expect(md`> ${"   + three"}`.markdown).toBe("> \\+ three");
    expect(md`x ${"- four"}`.markdown).toBe("x - four");
  });

  it("fences a code span with more backticks than it holds", () => {
    expect(markdownCode("a``b")).toBe("```a``b```");
    expect(markdownCode("`a")).toBe("`` `a ``");
  });
});

describe("mermaidLabel", () => {
  it("leaves nothing that could end a label, a statement or a fence", () => {
    const label = mermaidLabel(`a"] --> b[\n\`\`\`<img>%%;#|${RLO}`);
    expect(label).toMatch(/^[\p{L}\p{N} .,:_/#;-]*$/u);
    expect(label).not.toMatch(/-->|```|%%/);
    expect(label.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))).toBe(`a"] --> b[ \`\`\`<img>%%;#|\\u202E`);
  });
});
