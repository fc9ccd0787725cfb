import { describe, it, expect } from "vitest";
import { extractHtml } from "./index.js";

/** Body paragraphs of a page, as text. */
function body(html: string): string[] {
  const { layout } = extractHtml(html, { input: "fixture.html" });
  return layout.paragraphs.map((p) => layout.text.slice(p.span.start, p.span.end));
}

const sentence = (topic: string, i: number): string =>
  `The ${topic} report, number ${i}, says the harbour district needs new housing, better buses and a safer crossing for the school, and the council has promised to answer each point before the summer recess.`;
const part = (topic: string, n: number): string => Array.from({ length: n }, (_, i) => `<p>${sentence(topic, i)}</p>`).join("");
const NAV = `<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>`;

/** One page-builder row: the same deep wrapper markup around each section of the text. */
const row = (inner: string): string => `<div class="row"><div class="row-inner"><div class="col"><div class="module"><div class="text-block">${inner}</div></div></div></div></div>`;

/** An article cut into page-builder rows, too deep apart for Readability to join them. */
const SPLIT = `<!DOCTYPE html><html><head><title>Harbour plan</title></head><body>${NAV}
<div class="page">
  ${row(`<h1>Harbour plan</h1>${part("first", 8)}`)}
  <div class="row"><div class="banner"><a href="/subscribe">Subscribe</a></div></div>
  ${row(`<h2>What comes next</h2>${part("second", 3)}`)}
  ${row(`<h2>Costs</h2>${part("third", 3)}`)}
</div><footer><p>Copyright Harbour News</p></footer></body></html>`;

describe("article text split over sibling containers", () => {
  it("takes the later sections that repeat the container's shape", () => {
    const b = body(SPLIT).join("\n");
    expect(b).toContain(sentence("first", 0));
    expect(b).toContain(sentence("second", 2));
    expect(b).toContain(sentence("third", 1));
    expect(b).toContain("What comes next");
    expect(b).not.toMatch(/Subscribe|Copyright|Sport/);
  });

  it("stops at a sibling that is not text (a related-stories box) and takes nothing past it", () => {
    const teasers = Array.from({ length: 4 }, (_, i) => `<div class="card"><h3><a href="/s${i}">Other story number ${i} about the town</a></h3><p>A short summary of other story ${i}.</p></div>`).join("");
    const html = `<!DOCTYPE html><html><body>${NAV}<div class="page">
      ${row(part("first", 8))}
      ${row(`<h2>More from the harbour</h2>${teasers}`)}
      ${row(part("later", 3))}
    </div></body></html>`;
    const b = body(html).join("\n");
    expect(b).toContain(sentence("first", 7));
    expect(b).not.toMatch(/Other story/);
    expect(b).not.toContain(sentence("later", 0));
  });

  it("does not take comments beside an <article>, nor a comments section", () => {
    const comment = (i: number): string => `<div class="comment"><p>${sentence("reader", i)}</p></div>`;
    const html = `<!DOCTYPE html><html><body>${NAV}<div class="page">
      <div class="row"><div class="row-inner"><div class="col"><article><div class="text-block">${part("first", 8)}</div></article></div></div></div>
      ${row(`<h2>3 Comments</h2>${[0, 1, 2].map(comment).join("")}`)}
    </div></body></html>`;
    const b = body(html).join("\n");
    expect(b).toContain(sentence("first", 7));
    expect(b).not.toContain(sentence("reader", 0));
  });
});

describe("headings the extractor left out between kept paragraphs", () => {
  const styles = ["Fine dining", "Casual dining", "Counter service", "Buffet"];
  /** A listicle whose section headings carry a class Readability reads as clutter ("share"), so it removes them. */
  const page = (heading: (s: string, i: number) => string): string => `<!DOCTYPE html><html><head><title>Four ways to serve</title></head><body>${NAV}
    <div class="content"><article><h1>Four ways to serve</h1>${part("intro", 2)}
    ${styles.map((s, i) => `${heading(s, i)}${part(s, 3)}`).join("")}</article></div></body></html>`;

  it("puts back each section heading whose text before and after was kept", () => {
    const b = body(page((s, i) => `<h2 class="heading share-link">${i + 1}. ${s}</h2>`));
    for (const [i, s] of styles.entries()) expect(b).toContain(`${i + 1}. ${s}`);
    expect(b.indexOf("2. Casual dining")).toBe(b.indexOf(sentence("Fine dining", 2)) + 1);
  });

  it("does not put back a heading that announces related stories", () => {
    const b = body(page((s, i) => `<h2 class="heading share-link">${i === 2 ? "Related stories" : `${i + 1}. ${s}`}</h2>`));
    expect(b).toContain("2. Casual dining");
    expect(b).not.toContain("Related stories");
  });
});

describe("named anchors", () => {
  it("does not count <a name>/<a id> targets as links (a paragraph wrapped in one is not link-dense)", () => {
    const step = "Step two: the cooks plate every dish at the pass, and a runner carries it out while it is hot, so the waiters can stay with their tables.";
    const html = `<!DOCTYPE html><html><head><title>Serving</title></head><body>${NAV}<div class="content"><article><h1>Serving</h1>${part("intro", 4)}<p><a name="step-2" id="step-2">${step}</a></p>${part("outro", 3)}</article></div></body></html>`;
    expect(body(html)).toContain(step);
  });
});

describe("short sections and dropped sections of the article's own container", () => {
  it("takes a one-paragraph row of the container's template and goes on past it", () => {
    const short = "A short section of one paragraph: the bus company says the new timetable will start in May, once the drivers have been trained on the longer route, and that the old stops by the fish market will stay open for another year while the works go on.";
    const html = `<!DOCTYPE html><html><head><title>Harbour plan</title></head><body>${NAV}<div class="page">
      ${row(`<h1>Harbour plan</h1>${part("first", 8)}`)}
      ${row(`<p>${short}</p>`)}
      ${row(`<h2>Costs</h2>${part("third", 3)}`)}
    </div><footer><p>Copyright Harbour News</p></footer></body></html>`;
    const b = body(html).join("\n");
    expect(b).toContain(short);
    expect(b).toContain(sentence("third", 1));
    expect(b).not.toMatch(/Copyright|Sport/);
  });

  it("takes back text sections inside the container that the extractor dropped (a 'widget' layout), with their headings", () => {
    const plant = (name: string): string => `<div class="ck-widget grid"><div class="row"><div class="col"><figure><img src="p.jpg"></figure></div><div class="col"><h3>${name}</h3>${part(name, 2)}</div></div></div>`;
    const html = `<!DOCTYPE html><html><head><title>Plants for dark rooms</title></head><body>${NAV}<div class="page"><div class="entry-body"><h1>Plants for dark rooms</h1>
      ${part("intro", 3)}${plant("Snake plant")}${plant("Cast-iron plant")}<p>${sentence("closing", 0)}</p></div>
      <aside><h3>Popular</h3><ul><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul></aside></div></body></html>`;
    const b = body(html).join("\n");
    expect(b).toContain(sentence("Snake plant", 1));
    expect(b).toContain("Cast-iron plant");
    expect(b).toContain(sentence("closing", 0));
    expect(b).not.toMatch(/Popular|One/);
  });
});
