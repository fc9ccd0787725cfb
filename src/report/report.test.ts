import { describe, expect, it } from "vitest";
import type { RashomonDocument } from "../model/index.js";
import { renderHtml, renderMarkdown, REPORT_CSP, REPORT_SCRIPT } from "./index.js";

function hostileDocument(): RashomonDocument {
  const text = `Headline <script>alert(1)</script>\n\nBody with <img src=x onerror="alert(2)"> inside.\n\nTop Stories <b>bold</b>`;
  const p = text.indexOf("Body");
  const pEnd = text.indexOf("inside.") + "inside.".length;
  const r = text.indexOf("Top Stories");
  return {
    id: "evil<doc>", input: "evil.txt", format: "text", text, title: "Headline <script>alert(1)</script>", standfirst: null,
    section: null, byline: null, authors: [], agencies: [], outlet: "<i>Outlet</i>", dateline: null, published: null, updated: null,
    editor: null, language: "en", url: null, body: text.slice(p, pEnd), paragraphs: [{ span: { start: p, end: pEnd }, kind: "paragraph" }],
    captions: [], removed: [{ span: { start: r, end: text.length }, reason: "related-links", rule: "test" }], provenance: {}, messages: [],
  };
}

describe("reports", () => {
  it("HTML escapes article text, carries a CSP, and contains no script but its hashed own and no handler", () => {
    const html = renderHtml({ documents: [hostileDocument()], stories: [], messages: [] });
    expect(html).toContain(`content="${REPORT_CSP}"`);
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html).toContain(`<script>${REPORT_SCRIPT}</script>`);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(2)&quot;&gt;");
    expect(html).not.toMatch(/https?:\/\//);
  });

  it("HTML shows removed clutter with its reason", () => {
    const html = renderHtml({ documents: [hostileDocument()], stories: [], messages: [] });
    expect(html).toMatch(/<details class="removed"><summary>Removed clutter: <bdi>related-links<\/bdi> ×1/);
    expect(html).toContain('<del title="related-links">');
  });

  it("Markdown escapes markup in article text", () => {
    const md = renderMarkdown({ documents: [hostileDocument()], stories: [], messages: [] });
    expect(md).toContain("\\<script\\>");
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(md).toContain("\\<img");
  });
});
