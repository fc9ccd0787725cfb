import { describe, it, expect } from "vitest";
import { parseHTML } from "linkedom";
import { extractHtmlMetadata } from "./html-metadata.js";
import { strictNames } from "./html-byline.js";

const doc = (html: string): Document => parseHTML(html).document as unknown as Document;
const authorsOf = (body: string, head = "", url = "https://news.example/a/story"): string[] | undefined =>
  extractHtmlMetadata(doc(`<html><head><title>Story</title>${head}</head><body>${body}</body></html>`), { url }).authors;

describe("visible bylines in several languages", () => {
  it("reads 'Von', 'Por', 'Par' and 'Door' leads followed by names", () => {
    expect(authorsOf(`<article><h1>Kopf</h1><p class="meta">Von Anna Berg und Jan Roth</p><p>Text.</p></article>`)).toEqual(["Anna Berg", "Jan Roth"]);
    expect(authorsOf(`<article><h1>Título</h1><p>Por María López Ruiz | 3 de mayo de 2025</p><p>Texto.</p></article>`)).toEqual(["María López Ruiz"]);
    expect(authorsOf(`<article><h1>Titre</h1><div><span>Par</span> <a href="/p/md">Marie Dubois</a> et <a href="/p/jm">Jean Martin</a></div></article>`))
      .toEqual(["Marie Dubois", "Jean Martin"]);
    expect(authorsOf(`<article><h1>Kop</h1><p>Door Pieter de Vries</p></article>`)).toEqual(["Pieter de Vries"]);
  });

  it("takes no ordinary sentence opening with those words for a byline", () => {
    expect(authorsOf(`<article><h1>Kopf</h1><p>Von Montag bis Freitag geöffnet</p><p>Von Berlin nach Hamburg</p></article>`)).toBeUndefined();
    expect(authorsOf(`<article><h1>Título</h1><p>Por qué importa la lluvia</p></article>`)).toBeUndefined();
    expect(authorsOf(`<article><h1>Title</h1><p>By clicking Join you agree to our Terms of Service and Privacy Policy.</p></article>`)).toBeUndefined();
  });

  it("reads an author label with a colon, in German, Ukrainian and Spanish, and a label element before the name", () => {
    expect(authorsOf(`<article><h1>Kopf</h1><p>Autor: Max Mustermann</p></article>`)).toEqual(["Max Mustermann"]);
    expect(authorsOf(`<article><h1>Заголовок</h1><div>Автор: Олена Петренко</div></article>`)).toEqual(["Олена Петренко"]);
    expect(authorsOf(`<article><h1>Заголовок</h1><div><span>Автори:</span> <span>Олена Петренко та Іван Коваль</span></div></article>`))
      .toEqual(["Олена Петренко", "Іван Коваль"]);
    expect(authorsOf(`<article><h1>Título</h1><p><strong>Escrito por</strong> <span>Lucía Gómez</span></p></article>`)).toEqual(["Lucía Gómez"]);
    // A label followed by no name is nothing.
    expect(authorsOf(`<article><h1>Kopf</h1><p>Autor: siehe unten</p></article>`)).toBeUndefined();
  });

  it("reads an 'Article written by:' heading over an author card", () => {
    const body = `<article><h1>Weight loss medications</h1><p>Text.</p></article>
      <section><h2>Article written by:</h2><div><img src="x.jpg" alt=""><h3>Doris Munoz-Mantilla, MD, FOMA</h3></div></section>`;
    expect(authorsOf(body)).toEqual(["Doris Munoz-Mantilla, MD, FOMA"]);
  });

  it("reads a sentence naming the writer, in English, Spanish, French and German", () => {
    const en = `<article><h1>Plant-based diet</h1><p><em>This post was written by <a href="/d/vm">Vanessa Mendez, MD</a>, gastroenterologist, Parkview Health.</em></p><p>Diet is one of the pillars.</p></article>`;
    expect(authorsOf(en, `<meta property="og:site_name" content="Parkview Health">`)).toEqual(["Vanessa Mendez, MD"]);
    expect(authorsOf(`<article><h1>Título</h1><p>Este artículo fue escrito por Ana Ruiz, nutricionista.</p></article>`)).toEqual(["Ana Ruiz"]);
    expect(authorsOf(`<article><h1>Titre</h1><p>Cet article a été rédigé par Luc Bernard.</p></article>`)).toEqual(["Luc Bernard"]);
    expect(authorsOf(`<article><h1>Kopf</h1><p>Dieser Artikel wurde von Jan Roth verfasst.</p></article>`)).toEqual(["Jan Roth"]);
  });

  it("reads a 'Posted by' line in the article's own footer, and a 'By' line beside the share buttons", () => {
    const footer = `<main><article><header><h1>Preparing a transition</h1></header><p>Body.</p>
      <footer><p>Posted by <a href="/blog/author/colin-watson.html">Colin Watson</a> on <time datetime="2025-12-18">2025-12-18</time></p></footer></article></main>
      <footer><p>Posted by Site Robot</p></footer>`;
    expect(authorsOf(footer)).toEqual(["Colin Watson"]);
    const share = `<article><h1>Legal challenges</h1><div class="by-share-div"><div class="by-div"><p>By: Paul Fenaroli</p></div><div class="share-div">Share</div></div></article>`;
    expect(authorsOf(share)).toEqual(["Paul Fenaroli"]);
  });

  it("keeps both itemprop=author names of one byline, not those of a list of other stories", () => {
    const one = `<article><h1>Head</h1><p class="meta">By <span itemprop="author" itemscope><span itemprop="name">Jane Doe</span></span> and
      <span itemprop="author" itemscope><span itemprop="name">John Roe</span></span></p><p>Text.</p></article>`;
    expect(authorsOf(one)).toEqual(["Jane Doe", "John Roe"]);
    const list = `<article><h1>Head</h1><p class="meta">By <span itemprop="author">Jane Doe</span></p><p>Text.</p></article>
      <div class="more"><div><h4>Other story</h4><span>by <i itemprop="author">Mark Bernstein</i></span><p>${"Teaser text. ".repeat(40)}</p></div>
      <div><h4>Third story</h4><span>by <i itemprop="author">Laura Fenton</i></span><p>${"Teaser text. ".repeat(40)}</p></div></div>`;
    expect(authorsOf(list)).toEqual(["Jane Doe"]);
  });

  it("strictNames: names only, two words at least each", () => {
    expect(strictNames("Anna Berg und Jan Roth")).toBe(true);
    expect(strictNames("Ludwig van Beethoven, 12.03.2024")).toBe(true);
    expect(strictNames("Montag bis Freitag")).toBe(false);
    expect(strictNames("Berlin")).toBe(false);
  });
});

describe("placeholder authors", () => {
  it("drops a template's default author ('admin', 'undefined', 'Webmaster', 'NOC Admin') and list filters ('By Category')", () => {
    expect(authorsOf(`<article><h1>Head</h1></article>`, `<meta name="author" content="admin">`)).toBeUndefined();
    expect(authorsOf(`<article><h1>Head</h1></article>`, `<meta name="author" content="NOC Admin">`)).toBeUndefined();
    expect(authorsOf(`<article><h1>Head</h1></article>`,
      `<script type="application/ld+json">{"@type":"BlogPosting","author":{"@type":"Person","name":"undefined"}}</script>`)).toBeUndefined();
    expect(authorsOf(`<nav><ul><li>By Category</li><li>By Date</li></ul></nav><article><h1>Head</h1></article>`)).toBeUndefined();
    // A real name beside the placeholder stays.
    expect(authorsOf(`<article><h1>Head</h1><p>By Jane Doe</p></article>`, `<meta name="author" content="admin">`)).toEqual(["Jane Doe"]);
  });
});
