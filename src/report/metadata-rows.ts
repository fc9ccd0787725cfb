import type { RashomonDocument } from "../model/index.js";

/** A document's metadata as labelled rows, empty fields left out; shared by the Markdown and HTML reports. */
export function metadataRows(doc: RashomonDocument): [label: string, value: string][] {
  const rows: [string, string | null][] = [
    ["Outlet", doc.outlet],
    ["Section", doc.section],
    ["Byline", doc.byline],
    ["Authors", doc.authors.join(", ") || null],
    ["Agencies", doc.agencies.join(", ") || null],
    ["Dateline", doc.dateline ? [doc.dateline.place, doc.dateline.agency].filter(Boolean).join(" / ") : null],
    ["Published", doc.published],
    ["Updated", doc.updated],
    ["Editor", doc.editor],
    ["Language", doc.language],
    ["URL", doc.url],
    ["Input", doc.input],
    ["Id", doc.id],
  ];
  return rows.filter((r): r is [string, string] => Boolean(r[1]));
}
