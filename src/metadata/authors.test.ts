import { within } from "../../test/support/time-limit.js";
import { describe, it, expect } from "vitest";
import { parseHTML } from "linkedom";
import { agencyOf, parseAuthors } from "./authors.js";
import { extractHtmlMetadata } from "./html-metadata.js";
import { normalizeDate } from "./dates.js";

describe("parseAuthors", () => {
  it("splits 'X and Y', 'X, Y' and '&', stripping 'By' and roles", () => {
    expect(parseAuthors(["By Jane Doe and John Smith"]).authors).toEqual(["Jane Doe", "John Smith"]);
    expect(parseAuthors(["Ana López, Luis Pérez & Marta Ruiz"]).authors).toEqual(["Ana López", "Luis Pérez", "Marta Ruiz"]);
    expect(parseAuthors(["By Jo Bloggs, Senior Correspondent"]).authors).toEqual(["Jo Bloggs"]);
  });

  it("drops dates, URLs and e-mails from bylines", () => {
    expect(parseAuthors(["Jane Doe | March 3, 2025"]).authors).toEqual(["Jane Doe"]);
    expect(parseAuthors(["Written by Moses Kim April 8, 2024"]).authors).toEqual(["Moses Kim"]);
    expect(parseAuthors(["Jane Doe jane@example.com https://example.com/jane"]).authors).toEqual(["Jane Doe"]);
    expect(parseAuthors(["By Jane Doe Updated 4:00 PM EDT"]).authors).toEqual(["Jane Doe"]);
  });

  it("strips 'By'-style leads and splits 'and' in German, Spanish, French, Italian and Ukrainian", () => {
    expect(parseAuthors(["Geschrieben von Anna Berg und Jan Roth"]).authors).toEqual(["Anna Berg", "Jan Roth"]);
    expect(parseAuthors(["Escrito por Lucía Gómez y Pablo Ruiz"]).authors).toEqual(["Lucía Gómez", "Pablo Ruiz"]);
    expect(parseAuthors(["Rédigé par Marie Dubois et Jean Martin"]).authors).toEqual(["Marie Dubois", "Jean Martin"]);
    expect(parseAuthors(["Scritto da Maria Rossi e Luca Bianchi"]).authors).toEqual(["Maria Rossi", "Luca Bianchi"]);
    expect(parseAuthors(["Автор: Олена Петренко та Іван Коваль"]).authors).toEqual(["Олена Петренко", "Іван Коваль"]);
  });

  it("reads the name out of a sentence naming the writer, in several languages", () => {
    expect(parseAuthors(["This article was written by Jane Doe, a registered dietitian."]).authors).toEqual(["Jane Doe"]);
    expect(parseAuthors(["Este artículo fue escrito por Ana Ruiz."]).authors).toEqual(["Ana Ruiz"]);
    expect(parseAuthors(["Dieser Artikel wurde von Jan Roth verfasst."]).authors).toEqual(["Jan Roth"]);
  });

  it("drops placeholder authors but keeps handles that only contain the word", () => {
    expect(parseAuthors(["admin"], { structured: true }).authors).toEqual([]);
    expect(parseAuthors(["Site Admin", "undefined", "Webmaster"], { structured: true }).authors).toEqual([]);
    expect(parseAuthors(["q_admin"], { structured: true }).authors).toEqual(["q_admin"]);
  });

  it("keeps post-nominal credentials with the name", () => {
    expect(parseAuthors(["Genevieve Carlton, Ph.D."]).authors).toEqual(["Genevieve Carlton, Ph.D."]);
    expect(parseAuthors(["Dylan Bailey, MS, RD"]).authors).toEqual(["Dylan Bailey, MS, RD"]);
  });

  it("detects agencies and keeps them out of authors", () => {
    const p = parseAuthors(["By María García, with AFP and The Associated Press"]);
    expect(p.authors).toEqual(["María García"]);
    expect(p.agencies).toEqual(["AFP", "AP"]);
    expect(parseAuthors(["Staff and agencies"]).agencies).toEqual(["Agencies"]);
    for (const a of ["EFE", "Reuters", "Xinhua", "dpa", "ANSA", "PA Media"]) expect(agencyOf(a)).not.toBeNull();
    expect(agencyOf("Paul")).toBeNull();
  });

  it("drops the outlet's own name", () => {
    const p = parseAuthors(["Jane Doe, The Daily Planet"], { outlets: ["The Daily Planet"] });
    expect(p.authors).toEqual(["Jane Doe"]);
    expect(p.dropped).toEqual(["The Daily Planet"]);
  });

  it("un-inverts citation-style names", () => {
    expect(parseAuthors(["Roy, Aniruddha", "Patel, Jyoti"], { structured: true, inverted: true }).authors)
      .toEqual(["Aniruddha Roy", "Jyoti Patel"]);
  });

  it("stays fast on adversarial input", () => {
    within(2000, "parseAuthors on 3 MB", () => parseAuthors(["a".repeat(1_000_000), "By " + "A ".repeat(500_000), ",".repeat(1_000_000)]));
  });
});

describe("normalizeDate", () => {
  it("keeps the zone when given and never invents one", () => {
    expect(normalizeDate("2025-05-03T14:05:00-0600")).toBe("2025-05-03T14:05:00-06:00");
    expect(normalizeDate("2025-05-03T14:05:00.123Z")).toBe("2025-05-03T14:05:00.123Z");
    expect(normalizeDate("2025-05-03 14:05")).toBe("2025-05-03T14:05:00");
    expect(normalizeDate("2025-05-03")).toBe("2025-05-03");
    expect(normalizeDate("20250503")).toBe("2025-05-03");
  });

  it("reads written dates through chrono", () => {
    expect(normalizeDate("May 3, 2025")).toBe("2025-05-03");
    expect(normalizeDate("3 May 2025 10:02 AM")).toBe("2025-05-03T10:02:00");
    expect(normalizeDate("Sat, 03 May 2025 16:02:00 GMT")).toBe("2025-05-03T16:02:00Z");
  });

  it("returns null for partial, impossible or garbage dates", () => {
    expect(normalizeDate("May 2025")).toBeNull();
    expect(normalizeDate("2025-02-30")).toBeNull();
    expect(normalizeDate("yesterday-ish")).toBeNull();
    expect(normalizeDate("9".repeat(1_000_000))).toBeNull();
    expect(normalizeDate(null)).toBeNull();
  });
});

describe("parseAuthors: collective bylines and structured names", () => {
  it("keeps a newsroom signing as a group", () => {
    expect(parseAuthors(["Podium Staff"]).authors).toEqual(["Podium Staff"]);
    expect(parseAuthors(["TOI Lifestyle Desk / etimes.in / Updated: Dec 17, 2025"]).authors).toEqual(["TOI Lifestyle Desk"]);
    expect(parseAuthors(["By Jo Bloggs, Staff Writer"]).authors).toEqual(["Jo Bloggs"]);
  });

  it("drops a structured value only when every word is a role", () => {
    expect(parseAuthors(["Staff Clinician"], { structured: true }).authors).toEqual(["Staff Clinician"]);
    expect(parseAuthors(["Senior Staff Writer"], { structured: true }).authors).toEqual([]);
  });
});

describe("parseAuthors: roles, outlets and delegations", () => {
  it("reads 'X on behalf of Y' as X", () => {
    expect(parseAuthors(["Dec. 19, 2025 · Niko Matsakis on behalf of Vision Doc group"]).authors).toEqual(["Niko Matsakis"]);
  });

  it("keeps a role with 'and' in it whole, out of the names", () => {
    expect(parseAuthors(["By Paul Frew , Home and Digital Security Expert"]).authors).toEqual(["Paul Frew"]);
  });

  it("drops the outlet's name standing after the person's", () => {
    expect(parseAuthors(["Brian Truitt USA TODAY"], { outlets: ["USA TODAY"] }).authors).toEqual(["Brian Truitt"]);
  });
});

describe("page authors: visible bylines", () => {
  const page = (head: string, body: string): Document =>
    parseHTML(`<html><head>${head}</head><body>${body}</body></html>`).document as unknown as Document;
  const authors = (head: string, body: string): string[] | undefined => extractHtmlMetadata(page(head, body)).authors;
  const ld = (author: unknown): string =>
    `<script type="application/ld+json">${JSON.stringify({ "@type": "Article", headline: "H", author, publisher: { "@type": "Organization", name: "USA TODAY" } })}</script>`;

  it("reads co-authors linked in one byline, over JSON-LD naming only the first", () => {
    const body = `<article><h1>H</h1><div class="meta"><a href="/author/ruima/">Rui Ma</a><span>, </span><a href="/author/heba/">Heba Ledwon</a>
      <span> & </span><a href="/author/suparn/">Suparn Patra</a></div><p>Text</p></article>`;
    expect(authors(ld({ "@type": "Person", name: "Rui Ma" }), body)).toEqual(["Rui Ma", "Heba Ledwon", "Suparn Patra"]);
    // A reviewer linked beside the author is no co-author.
    const reviewed = `<article><h1>H</h1><div class="meta">Written by <a href="/authors/scott/">Scott Levine</a>,
      fact checked by <a href="/authors/frank/">Frank Bass</a></div></article>`;
    expect(authors("", reviewed)).toEqual(["Scott Levine"]);
  });

  it("takes the name opening an author card too long to be a byline", () => {
    const card = `<article><h1>H</h1><p>Text</p></article><div class="blog_author-wrapper"><div>Lauren Vetter</div><div>August 28, 2025</div>
      <p>Lauren Vetter is a growth-focused marketing professional specializing in healthcare marketing, search and content strategy for clinics and practices.</p></div>`;
    expect(authors("", card)).toEqual(["Lauren Vetter"]);
  });

  it("reads a rel=author link in the article's own footer, and a 'Contributors:' label", () => {
    const footer = `<article><h1>H</h1><p>Text</p><footer class="meta"><div class="author"><p class="name">
      <a href="/people/hgoetz/" rel="author">Halina Goetz</a></p></div></footer></article><footer>© Site</footer>`;
    expect(authors("", footer)).toEqual(["Halina Goetz"]);
    expect(authors("", `<article><h1>H</h1><div class="tags"><strong>Contributors:</strong> Janet Loughrey</div><p>Text</p></article>`))
      .toEqual(["Janet Loughrey"]);
  });

  it("lets a byline with honorifics outrank JSON-LD naming the first author only", () => {
    const body = `<article><h1>H</h1><div class="author-line">Written by Dr Marna van der Merwe , Dr Dieter Veldsman , Erik van Vulpen</div></article>`;
    expect(authors(ld({ "@type": "Person", name: "Marna van der Merwe" }), body))
      .toEqual(["Dr Marna van der Merwe", "Dr Dieter Veldsman", "Erik van Vulpen"]);
  });

  it("reads every citation_authors tag, and a JSON-LD name slot holding only the outlet as the outlet", () => {
    const head = `<meta name="dc.creator" content="Jennifer Huberty"><meta name="citation_authors" content="Jennifer Huberty"><meta name="citation_authors" content="Jeni Green">`;
    expect(authors(head, `<h1>H</h1>`)).toEqual(["Jennifer Huberty", "Jeni Green"]);
    const usa = `<meta property="og:site_name" content="USA TODAY">${ld({ "@type": "Person", name: ", USA TODAY" })}`;
    expect(authors(usa, `<article><h1>H</h1><div class="gnt_ar_by byline">Brian Truitt USA TODAY</div></article>`)).toEqual(["Brian Truitt"]);
  });
});

describe("parseAuthors on sites no rule was written for", () => {
  it("reads a publisher's address in a meta author as no author (metadata:address-author)", () => {
    expect(parseAuthors(["Kirche und Leben, Münster, Germany"], { structured: true }).authors).toEqual([]);
    expect(parseAuthors(["hafenblatt.de, Vell, Deutschland"], { structured: true }).authors).toEqual([]);
    expect(parseAuthors(["Anna Berg, Jan Holm"], { structured: true }).authors).toEqual(["Anna Berg", "Jan Holm"]);
  });

  it("drops a profile path and another site's domain, keeps this site's domain as a credit", () => {
    expect(parseAuthors(["/annaberg"], { structured: true }).authors).toEqual([]);
    expect(parseAuthors(["webagentur.ch"], { structured: true, host: "www.hafenblatt.de" }).authors).toEqual([]);
    expect(parseAuthors(["hafenblatt.de"], { structured: true, host: "www.hafenblatt.de" }).authors).toEqual(["hafenblatt.de"]);
    expect(parseAuthors(["blatt.de"], { structured: true, host: "www.hafenblatt.de" }).authors).toEqual([]);
    expect(parseAuthors(["oe24.at"], { structured: true, host: "auto.oe24.at" }).authors).toEqual(["oe24.at"]);
  });

  it("strips the Danish, Norwegian and Swedish 'Af' / 'Av' before a name", () => {
    expect(parseAuthors(["Af Mette Holm"]).authors).toEqual(["Mette Holm"]);
    expect(parseAuthors(["Av Lars Berg"]).authors).toEqual(["Lars Berg"]);
  });
});

describe("login names as the byline", () => {
  const meta = (body: string) => extractHtmlMetadata(parseHTML(`<html><head><title>Neue Brücke</title></head><body><article><h1>Neue Brücke über den Main</h1>${body}<p>Text des Beitrags, lang genug für einen Artikel.</p></article></body></html>`).document as unknown as Document);

  it("reads a rel=author link or an author link that holds one login name", () => {
    expect(meta(`<p>Geschrieben von <a rel="author" href="/members/brueckenfan">brueckenfan</a></p>`).authors).toEqual(["brueckenfan"]);
    expect(meta(`<span class="byline"><a href="https://blog.example/author/mainufer/">mainufer</a></span>`).authors).toEqual(["mainufer"]);
  });

  it("still drops a role written after a name in an author link", () => {
    expect(meta(`<span class="byline">Written by <a href="https://blog.example/author/anna-berg/">Anna Berg Content Marketing Coordinator</a></span>`).authors).not.toContain("Anna Berg Content Marketing Coordinator");
  });
});

describe("one author spelled more fully in the byline (metadata:fuller-name)", () => {
  const page = (body: string) => extractHtmlMetadata(parseHTML(`<html><head><title>Bridge shut</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge shut","author":{"@type":"Person","name":"Anna Berg"}}</script></head><body><article><h1>Bridge shut</h1>${body}<p>Text of the article, long enough for one.</p></article></body></html>`).document as unknown as Document);

  it("takes the byline's initials over JSON-LD's shorter name for the same person", () => {
    expect(page(`<span class="byline">By Anna M.J. Berg</span>`).authors).toEqual(["Anna M.J. Berg"]);
  });

  it("keeps JSON-LD's name when the byline names someone else", () => {
    expect(page(`<span class="byline">By Jan K. Holm</span>`).authors).toEqual(["Anna Berg"]);
  });
});

describe("German 'Beitrag von' bylines", () => {
  const page = (body: string) => extractHtmlMetadata(parseHTML(`<html><head><title>Vegetarisch leben</title></head><body><article><h1>Vegetarisch leben</h1>${body}<p>Text des Beitrags, lang genug für einen Artikel über das Thema.</p></article></body></html>`).document as unknown as Document);

  it("reads 'Blog Beitrag von', 'Ein Gastbeitrag von' and 'Artikel von' before names", () => {
    expect(page(`<p>Blog Beitrag von Anna Berg</p>`).authors).toEqual(["Anna Berg"]);
    expect(page(`<p>Ein Gastbeitrag von Jan Holm und Eva Roth</p>`).authors).toEqual(["Jan Holm", "Eva Roth"]);
    expect(page(`<p>Artikel von Lena Maier</p>`).authors).toEqual(["Lena Maier"]);
  });

  it("does not read a sentence that goes on after 'Beitrag von'", () => {
    expect(page(`<p>Ein Beitrag von allen Mitgliedern des Vereins</p>`).authors ?? []).toEqual([]);
  });
});

describe("a Japanese dateline naming the reporter (metadata:ja-dateline)", () => {
  const page = (p: string) => extractHtmlMetadata(parseHTML(`<html lang="ja"><head><title>港の橋が閉鎖</title></head><body><article><h1>港の橋が閉鎖</h1><p>${p}</p></article></body></html>`).document as unknown as Document);

  it("reads the names after the place in 【place＝name】", () => {
    expect(page("【港町＝山田太郎】市は火曜日、点検で亀裂が見つかったため、旧港橋を全面通行止めにした。").authors).toEqual(["山田太郎"]);
    expect(page("【東京＝田中一郎、佐藤花子】市は火曜日、旧港橋を全面通行止めにした。").authors).toEqual(["田中一郎", "佐藤花子"]);
  });

  it("reads nothing from a bracket without the place and its equals sign", () => {
    expect(page("【速報】市は火曜日、旧港橋を全面通行止めにした。").authors ?? []).toEqual([]);
  });
});

describe("a role named without a person", () => {
  it("reads 'Online News Editor' or 'Digital Editor' as a role, not as a name", () => {
    expect(parseAuthors(["Online News Editor"], { structured: true }).authors).toEqual([]);
    expect(parseAuthors(["Online News Editor"]).authors).toEqual([]);
    expect(parseAuthors(["Digital Editor"], { structured: true }).authors).toEqual([]);
    expect(parseAuthors(["Rachel Holm Web Editor"]).authors).toEqual(["Rachel Holm"]);
  });
});

describe("leads naming the kind of piece, 'Eine Kolumne von' (metadata: VON_LEAD)", () => {
  const page = (body: string) => extractHtmlMetadata(parseHTML(`<html><head><title>Vegetarisch leben</title></head><body><article><h1>Vegetarisch leben</h1>${body}<p>Text des Beitrags, lang genug für einen Artikel über das Thema.</p></article></body></html>`).document as unknown as Document);

  it("reads 'Eine Kolumne von', 'Ein Kommentar von' and 'Eine Reportage von' before names", () => {
    expect(page(`<p><strong>Eine Kolumne von Nils Berger</strong></p>`).authors).toEqual(["Nils Berger"]);
    expect(parseAuthors(["Ein Kommentar von Anna Maier"]).authors).toEqual(["Anna Maier"]);
    expect(parseAuthors(["Eine Reportage von Jan Holm und Eva Roth"]).authors).toEqual(["Jan Holm", "Eva Roth"]);
  });
});

describe("a name with a company's legal form (metadata:legal-form)", () => {
  const page = (meta: string, body: string) => extractHtmlMetadata(parseHTML(`<html><head><title>Reise durch das Hochland</title><meta name="author" content="${meta}"></head><body><article><h1>Reise durch das Hochland</h1>${body}<p>Text des Beitrags, lang genug für einen Artikel über das Thema.</p></article></body></html>`).document as unknown as Document);

  it("is an organization: the byline's person wins over the meta author", () => {
    expect(page("Hochland Zeitung GmbH", `<p class="byline">Von Karin Feld</p>`).authors).toEqual(["Karin Feld"]);
    expect(parseAuthors(["Acme Media Inc.", "Deutscher Fotoverband e. V."]).authors).toEqual([]);
  });

  it("is still the credit when the page names nobody else, and a person's name is kept", () => {
    expect(page("Hochland Zeitung GmbH", "").authors).toEqual(["Hochland Zeitung GmbH"]);
    expect(parseAuthors(["Agnes Ag", "Karl Se"]).authors).toEqual(["Agnes Ag", "Karl Se"]);
  });
});

describe("a first name alone given its surname by another source (metadata:first-name-only)", () => {
  const page = (body: string) => extractHtmlMetadata(parseHTML(`<html><head><title>Das Patriarchat</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Das Patriarchat","author":{"@type":"Person","name":"Nils"}}</script></head><body><article><h1>Das Patriarchat</h1>${body}<p>Text des Beitrags, lang genug für einen Artikel über das Thema.</p></article></body></html>`).document as unknown as Document);

  it("takes the byline's full name for JSON-LD's first name", () => {
    expect(page(`<p><strong>Eine Kolumne von Nils Berger</strong></p>`).authors).toEqual(["Nils Berger"]);
  });

  it("keeps the first name when the byline names someone else", () => {
    expect(page(`<p class="byline">Von Karin Feld</p>`).authors).toEqual(["Nils"]);
  });
});

describe("'By' alone in its block, the name in the next (metadata:label-block)", () => {
  const page = (body: string) => extractHtmlMetadata(parseHTML(`<html><head><title>New robot draws blood</title></head><body><article><h1>New robot draws blood</h1>${body}<p>Text of the article, long enough for one to read on.</p></article></body></html>`).document as unknown as Document);

  it("reads the name in the block after the label's wrappers", () => {
    expect(page(`<div class="meta"><div class="field"><p class="label"><strong>By</strong></p></div><div class="field"><p class="name">Jane Porter</p></div></div>`).authors).toEqual(["Jane Porter"]);
  });

  it("reads no name out of the next block when it is a sentence, or after an 'Author' menu label", () => {
    expect(page(`<div class="meta"><div><p><strong>By</strong></p></div><div><p>the end of the week we will know more.</p></div></div>`).authors ?? []).toEqual([]);
    expect(page(`<ul><li><a href="/c"><span>Contributors</span></a></li><li><a href="/s"><span>Online Services</span></a></li></ul>`).authors ?? []).toEqual([]);
  });
});

describe("blog post footers (metadata:post-footer, metadata:by-login)", () => {
  const page = (body: string) => extractHtmlMetadata(parseHTML(`<html><head><title>Neue Bücher im Herbst</title></head><body><div class="post hentry"><h3>Neue Bücher im Herbst</h3><div class="post-body"><p>Text des Beitrags, lang genug für einen Artikel über das Thema.</p></div>${body}</div><div class="footer"><span itemprop="author"><span itemprop="name">Seitenbetreiber</span></span></div></body></html>`).document as unknown as Document);

  it("reads the author marked in the post's own footer line (Blogger's 'Eingestellt von')", () => {
    expect(page(`<div class="post-footer"><span class="post-author vcard">Eingestellt von <span class="fn" itemprop="author" itemscope itemtype="http://schema.org/Person"><a rel="author" href="/profile/1"><span itemprop="name">Weinlachgummi</span></a></span></span></div>`).authors).toEqual(["Weinlachgummi"]);
  });

  it("reads a login name in an element classed as a user after a bare lead", () => {
    expect(page(`<div class="submitted">Gespeichert von <span class="username">rasos</span> am 24. Juli 2017 - 18:55</div>`).authors).toEqual(["rasos"]);
  });

  it("reads no author from the page's own footer, nor a lower-case word after a lead in a plain span", () => {
    expect(page("").authors ?? []).toEqual([]);
    expect(page(`<div class="submitted">Gespeichert von <span>heute</span> am 24. Juli 2017</div>`).authors ?? []).toEqual([]);
  });
});
