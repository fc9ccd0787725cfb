import type { ArticleLayout, ArticleMetadata, Dateline, FieldProvenance, LayoutField, LayoutFieldKind, Span } from "../model/index.js";
import { detectLanguage } from "./language.js";
import { agencyName, bylineParts, outletLike } from "./text-agencies.js";
import { parseTextDate } from "./text-dates.js";

const slice = (text: string, s: Span) => text.slice(s.start, s.end);
const stripBullet = (s: string) => s.replace(/^(?:[-•*·▪►◦–]\s+)/u, "").trim();
/** "PoliticsMexico" → "Politics / Mexico": breadcrumbs whose separators were lost in scraping. */
export function splitGluedWords(s: string): string {
  return s.replace(/(\p{Ll}{2,})(?=\p{Lu})/gu, "$1 / ");
}

function provenance(f: LayoutField): FieldProvenance {
  return { span: f.span, source: `text:${f.rule}` };
}

const UPDATED_LABEL = /\b(?:updated|modified|last updated)\b/i;

// Bounded pattern on a dateline of at most 160 characters.
const DATELINE_PARTS = /^(.*?)\s*(?:\(([^()]{1,40})\))?\s*[—–-]{1,2}$/su;

/** Reads "MEXICO CITY (AP) —" into place and agency. */
function parseDateline(text: string, s: Span): Dateline {
  const raw = slice(text, s).slice(0, 160);
  const m = DATELINE_PARTS.exec(raw);
  const place = m?.[1]?.replace(/[,\s]+$/, "").trim() || null;
  const agency = m?.[2] ? agencyName(m[2]) ?? m[2].trim() : null;
  return { place, agency, span: s };
}

/**
 * Reads metadata (title, byline, authors, agencies, dates, dateline, section,
 * editor, outlet, language) from a plain-text layout's metadata lines and body.
 * Every value found in the text gets a provenance entry with its span.
 */
export function extractTextMetadata(layout: ArticleLayout): ArticleMetadata {
  const { text } = layout;
  const prov: Record<string, FieldProvenance> = {};
  const out: ArticleMetadata = { provenance: prov };
  const first = (kind: LayoutFieldKind) => layout.fields.find((f) => f.kind === kind);
  const all = (kind: LayoutFieldKind) => layout.fields.filter((f) => f.kind === kind);

  out.title = layout.title ? slice(text, layout.title).trim() : null;
  if (layout.title) prov.title = { span: layout.title, source: "text:clean:title" };
  out.standfirst = layout.standfirst ? slice(text, layout.standfirst).trim() : null;
  if (layout.standfirst) prov.standfirst = { span: layout.standfirst, source: "text:clean:standfirst" };

  const section = first("section");
  if (section) { out.section = splitGluedWords(stripBullet(slice(text, section.span))); prov.section = provenance(section); }

  const agencies: string[] = [];
  const addAgency = (a: string | null) => { if (a && !agencies.includes(a)) agencies.push(a); };
  const authors: string[] = [];
  const byline = first("byline");
  if (byline) {
    out.byline = stripBullet(slice(text, byline.span));
    prov.byline = provenance(byline);
    for (const part of bylineParts(out.byline)) {
      const agency = agencyName(part);
      if (agency) { addAgency(agency); continue; }
      if (outletLike(part)) {
        if (!out.outlet) { out.outlet = part; prov.outlet = provenance(byline); }
        continue;
      }
      if (/^\p{Lu}/u.test(part) && part.split(/\s+/).length <= 5 && !authors.includes(part)) authors.push(part);
    }
    if (authors.length) prov.authors = provenance(byline);
  }
  out.authors = authors;

  const dl = first("dateline");
  if (dl) {
    out.dateline = parseDateline(text, dl.span);
    prov.dateline = provenance(dl);
    addAgency(out.dateline.agency ? agencyName(out.dateline.agency) : null);
  } else out.dateline = null;
  for (const c of all("credit")) addAgency(agencyName(slice(text, c.span)));
  out.agencies = agencies;
  if (agencies.length) prov.agencies = provenance(byline ?? dl ?? all("credit")[0]!);

  const outlet = first("outlet");
  // The site's own name above its menu beats an organisation named in the byline (a wire credited on a republication).
  if (outlet && (!out.outlet || outlet.rule === "clean:masthead")) { out.outlet = slice(text, outlet.span).trim(); prov.outlet = provenance(outlet); }
  if (!out.outlet) out.outlet = null;

  for (const kind of ["published", "updated"] as const) {
    out[kind] = null;
    for (const f of all(kind)) {
      // "on April 30, 2008 at 4:31 AM, updated April 30, 2008 at 8:33 AM": the update is the date after its label.
      const line = slice(text, f.span);
      const label = kind === "updated" ? UPDATED_LABEL.exec(line) : null;
      const v = parseTextDate(label && label.index > 0 ? line.slice(label.index) : line);
      if (v) { out[kind] = v; prov[kind] = provenance(f); break; }
    }
  }
  // The date before "updated" on such a line is the publication, when no line gives it.
  for (const f of out.published ? [] : all("updated")) {
    const line = slice(text, f.span);
    const label = UPDATED_LABEL.exec(line);
    const v = label && label.index > 0 ? parseTextDate(line.slice(0, label.index)) : null;
    if (v) { out.published = v; prov.published = { span: { start: f.span.start, end: f.span.start + line.slice(0, label!.index).replace(/[\s,;|·•-]+$/u, "").length }, source: `text:${f.rule}` }; break; }
  }

  const editor = first("editor");
  if (editor) {
    out.editor = slice(text, editor.span).replace(/^(?:edited by|editing by|editor|redaktion|bearbeitet von)\s*:?\s*/i, "").trim() || null;
    prov.editor = provenance(editor);
  } else out.editor = null;

  const body = layout.paragraphs.map((p) => slice(text, p.span)).join("\n\n");
  out.language = detectLanguage(body || (out.title ?? ""));
  if (out.language) prov.language = { span: null, source: "text:eld" };
  if (!out.byline) out.byline = null;
  if (!out.section) out.section = null;
  return out;
}
