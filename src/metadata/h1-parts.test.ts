import { describe, it, expect } from "vitest";
import { parseHTML } from "linkedom";
import { extractHtmlMetadata } from "./html-metadata.js";

const page = (head: string, h1: string): Document =>
  parseHTML(`<html><head>${head}</head><body><article>${h1}<p>Text of the article.</p></article></body></html>`).document as unknown as Document;
const og = (t: string) => `<meta property="og:title" content="${t}">`;
const title = (head: string, h1: string) => extractHtmlMetadata(page(head, h1)).title;

describe("an h1 set as a kicker and a headline (metadata:h1-part)", () => {
  it("drops a kicker the markup names as such, or a <small> one", () => {
    expect(title(og("Stadtrat | Neue Brücke über den Main eröffnet - Blatt"),
      `<h1><span class="roofline">Stadtrat</span> Neue Brücke über den Main eröffnet</h1>`)).toBe("Neue Brücke über den Main eröffnet");
    expect(title(og("Tipp der Woche | Zehn Runden im kalten Becken"),
      `<h1><span class="headline"><small>Tipp der Woche</small><br>Zehn Runden im kalten Becken</span></h1>`)).toBe("Zehn Runden im kalten Becken");
  });

  it("takes the part that the meta title repeats, kicker or not", () => {
    expect(title(og("Fähre fährt ab Mittwoch kostenlos | Blatt"),
      `<h1><span class="article__roofline">Fähre fährt ab Mittwoch kostenlos</span> So kommen Pendler über den Hafen</h1>`)).toBe("Fähre fährt ab Mittwoch kostenlos");
    expect(title(og("Ferry runs free from Wednesday"),
      `<h1><span class="title-primary">Ferry runs free from Wednesday</span> <span class="entry-subtitle">What commuters need to know</span></h1>`)).toBe("Ferry runs free from Wednesday");
  });

  it("keeps the whole heading when the meta title repeats it whole, or a separator of its own joins the parts", () => {
    expect(title(og("Ferry runs free from Wednesday - What commuters need to know"),
      `<h1><span class="title-primary">Ferry runs free from Wednesday</span> <span class="entry-subtitle">What commuters need to know</span></h1>`))
      .toBe("Ferry runs free from Wednesday - What commuters need to know");
    expect(title(og("Verkehr: Die Brücke bleibt zu"),
      `<h1><span class="heading__kicker">Verkehr</span><span class="visually-hidden">: </span><span class="heading__title">Die Brücke bleibt zu</span></h1>`))
      .toBe("Verkehr: Die Brücke bleibt zu");
  });

  it("leaves an h1 of one run of text, or with inline words, alone", () => {
    expect(title(og("Cracks close the old bridge"), `<h1>Cracks close the <em>old</em> bridge</h1>`)).toBe("Cracks close the old bridge");
    expect(title(og("Fish cakes, hot and fresh"), `<h1><span class="hl">Fish cakes, hot <span>and</span> fresh</span></h1>`)).toBe("Fish cakes, hot and fresh");
  });
});

describe("a site name with a separator of its own (metadata:site-name-whole)", () => {
  it("cuts 'Harbour Post - News and Views' whole from the end of the title", () => {
    const head = `<title>Ferry runs free from Wednesday | Harbour Post - News and Views</title><meta property="og:site_name" content="Harbour Post - News and Views">`;
    const doc = parseHTML(`<html><head>${head}</head><body><p>Text of the article.</p></body></html>`).document as unknown as Document;
    expect(extractHtmlMetadata(doc).title).toBe("Ferry runs free from Wednesday");
  });
});
