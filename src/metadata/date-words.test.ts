import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { normalizeDate } from "./dates.js";
import { PUBLISHED_WORDS, UPDATED_WORDS, writtenMonthDay } from "./date-words.js";
import { extractHtmlMetadata } from "./html-metadata.js";

const page = (lang: string, body: string, head = ""): Document =>
  parseHTML(`<!doctype html><html lang="${lang}"><head><title>T</title>${head}</head><body>${body}</body></html>`).document as unknown as Document;

describe("month names in other languages (metadata:month-name-date)", () => {
  it.each([
    ["3. Mai 2025", "2025-05-03"],
    ["Samstag, 19. Juli 2014", "2014-07-19"],
    ["Gespeichert von anna am 24. Juli 2017 - 18:55", "2017-07-24"],
    ["Juli 12, 2017", "2017-07-12"],
    ["3 de mayo de 2025", "2025-05-03"],
    ["jueves, 12 de diciembre de 2019", "2019-12-12"],
    ["3 mai 2025", "2025-05-03"],
    ["jeudi 27 juin 2019", "2019-06-27"],
    ["1er août 2020", "2020-08-01"],
    ["3 травня 2025", "2025-05-03"],
    ["12 листопада 2021 р.", "2021-11-12"],
    ["5 марта 2020 г.", "2020-03-05"],
    ["14 Gennaio 2020", "2020-01-14"],
    ["3 de março de 2021", "2021-03-03"],
    ["3 mei 2022", "2022-05-03"],
    ["7 października 2019", "2019-10-07"],
    ["2020年7月3日 17:16", "2020-07-03"],
    ["7 أكتوبر 2020", "2020-10-07"],
    ["12 Ekim 2020 Pazartesi", "2020-10-12"],
    ["2020년 7월 3일", "2020-07-03"],
    ["By: FlowGuard EMEA on 04-ago-2021 5:11:10", "2021-08-04"],
    ["12.Dez.2020", "2020-12-12"],
    ["3-okt-2021", "2021-10-03"],
    ["15/jun/2019 and 3 de mayo de 2025", "2019-06-15"],
  ])("%s", (text, day) => {
    expect(writtenMonthDay(text)).toBe(day);
    expect(normalizeDate(text)?.slice(0, 10)).toBe(day);
  });

  it("gives nothing for an impossible day or a word that only looks like a month", () => {
    expect(writtenMonthDay("31. Februar 2020")).toBeNull();
    expect(writtenMonthDay("3 marzipan 2020")).toBeNull();
    expect(writtenMonthDay("Mai 2020")).toBeNull();
    expect(writtenMonthDay("12-foo-2020")).toBeNull();
    expect(writtenMonthDay("4-ago-20215")).toBeNull();
  });
});

describe("numeric dates with dots (metadata:dotted-day-first)", () => {
  it("reads them day first, whatever the page's language", () => {
    expect(normalizeDate("03.05.2025")).toBe("2025-05-03");
    expect(normalizeDate("03.05.2025", { dayFirst: false })).toBe("2025-05-03");
    // Slashes still follow the page's order.
    expect(normalizeDate("03/05/2025", { dayFirst: false })).toBe("2025-03-05");
    expect(normalizeDate("03/05/2025", { dayFirst: true })).toBe("2025-05-03");
  });
});

describe("date labels", () => {
  it("knows published and updated labels in several languages", () => {
    for (const s of ["Veröffentlicht am", "Publié le", "Publicado el", "Опубліковано", "Pubblicato il"]) expect(PUBLISHED_WORDS.test(s)).toBe(true);
    for (const s of ["Aktualisiert am", "Mis à jour le", "Actualizado:", "Оновлено", "Обновлено", "Stand: "]) expect(UPDATED_WORDS.test(s)).toBe(true);
    expect(UPDATED_WORDS.test("Standort Berlin")).toBe(false);
  });
});

describe("visible dates on non-English pages", () => {
  it("reads a German dateline under the headline", () => {
    const doc = page("de", `<article><h1>Neue Brücke eröffnet</h1><p class="meta">Veröffentlicht am 3. Mai 2025</p><p>Text.</p></article>`);
    expect(extractHtmlMetadata(doc).published).toBe("2025-05-03");
  });

  it("reads a Ukrainian date and leaves the 'Оновлено' one aside", () => {
    const doc = page("uk", `<article><h1>Новини дня</h1><div class="date">Оновлено: 5 травня 2025</div><div class="date">Опубліковано: 3 травня 2025</div><p>Текст.</p></article>`);
    expect(extractHtmlMetadata(doc).published).toBe("2025-05-03");
  });

  it("reads a Spanish and a French dateline", () => {
    expect(extractHtmlMetadata(page("es", `<h1>Titular</h1><p class="fecha">Publicado el 3 de mayo de 2025</p><p>Texto.</p>`)).published).toBe("2025-05-03");
    expect(extractHtmlMetadata(page("fr", `<h1>Titre</h1><p class="date">Publié le 3 mai 2025</p><p>Texte.</p>`)).published).toBe("2025-05-03");
  });

  it("reads a dotted numeric date day first on an English-tagged page", () => {
    const doc = page("en", `<h1>Headline</h1><span class="date">04.02.2022</span><p>Body.</p>`);
    expect(extractHtmlMetadata(doc).published).toBe("2022-02-04");
  });

  it("takes a <time> classed both published and updated as the published date (metadata:hatom-pair)", () => {
    const doc = page("de", `<h1>Titel</h1><p>Text.</p><footer><time class="entry-date published updated" datetime="2019-11-13T08:39:36+00:00">13. November 2019</time></footer>`);
    expect(extractHtmlMetadata(doc).published?.slice(0, 10)).toBe("2019-11-13");
  });

  it("reads hAtom's abbr.published title (metadata:hatom-published)", () => {
    const doc = page("fr", `<h1>Titre</h1><p>Texte.</p><p><small><abbr class="published" title="2019-06-27T10:21:40Z">jeudi 27 juin 2019</abbr></small></p>`);
    expect(extractHtmlMetadata(doc).published?.slice(0, 10)).toBe("2019-06-27");
  });
});
