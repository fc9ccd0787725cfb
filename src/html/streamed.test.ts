import { describe, it, expect } from "vitest";
import { extractHtml } from "./index.js";

const PARAS = [
  "The river authority opened the new flood gates on Thursday, two years after the storm that flooded the old town and closed the main bridge for a month.",
  "Engineers said the gates can hold back water a metre higher than the record level, and that the system will be tested again before the winter rains.",
  "Residents who lost their shops in the flood said they were relieved, though several asked why the work had taken so long to finish.",
];

/** A page streamed the React way: shell with a placeholder and fallback, content in a hidden segment at the end. */
const STREAMED = `<!DOCTYPE html><html><head><title>Flood gates open</title></head><body>
<header><a href="/">River News</a></header>
<!--$?--><template id="B:0"></template><div class="skeleton">Loading article…</div><!--/$-->
<div class="site-info"><p>About us and our newsroom</p></div>
<div hidden id="S:0"><article><h1>Flood gates open</h1>${PARAS.map((p) => `<p>${p}</p>`).join("")}</article></div>
<script>$RC("B:0","S:0")</script></body></html>`;

describe("streamed server rendering", () => {
  const { layout } = extractHtml(STREAMED, { input: "streamed.html" });
  const body = layout.paragraphs.map((p) => layout.text.slice(p.span.start, p.span.end));
  it("reads the hidden streamed segment as the article", () => {
    expect(body).toEqual(PARAS);
  });
  it("puts the segment where its placeholder was and drops the fallback", () => {
    expect(layout.text).not.toContain("Loading article");
    expect(layout.text.indexOf(PARAS[0]!)).toBeLessThan(layout.text.indexOf("About us and our newsroom"));
  });
  it("leaves hidden elements that are not streamed segments hidden", () => {
    const r = extractHtml(STREAMED.replace('id="S:0"', 'id="panel"'), { input: "hidden.html" });
    expect(r.layout.text).not.toContain(PARAS[0]);
  });
});

describe("streamed server rendering with React's hexadecimal ids and segment placeholders", () => {
  // Boundary "a" (the eleventh) is filled by segment "a", whose content holds a placeholder P:b that segment "b" fills ($RS).
  const html = `<!DOCTYPE html><html><head><title>Flood gates open</title></head><body>
<header><a href="/">River News</a></header>
<!--$?--><template id="B:a"></template><div class="skeleton">Loading article…</div><!--/$-->
<div class="site-info"><p>About us and our newsroom</p></div>
<div hidden id="S:a"><article><h1>Flood gates open</h1><p>${PARAS[0]}</p><template id="P:b"></template><p>${PARAS[2]}</p></article></div>
<div hidden id="S:b"><p>${PARAS[1]}</p></div>
<script>$RS("S:b","P:b");$RC("B:a","S:a")</script></body></html>`;
  it("moves each segment into its placeholder, in order, and drops the fallback", () => {
    const { layout } = extractHtml(html, { input: "streamed-hex.html" });
    expect(layout.paragraphs.map((p) => layout.text.slice(p.span.start, p.span.end))).toEqual(PARAS);
    expect(layout.text).not.toContain("Loading article");
    expect(layout.text.indexOf(PARAS[2]!)).toBeLessThan(layout.text.indexOf("About us and our newsroom"));
  });
});
