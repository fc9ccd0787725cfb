/**
 * Test fixtures for stores: small synthetic news documents on a few distinct
 * events, deterministic for a given count.
 */
import type { RashomonDocument } from "../model/index.js";

const EVENTS = [
  { place: "Valparaiso", what: "a wildfire forced thousands of residents to evacuate hillside neighbourhoods", who: "Governor Rodrigo Mundaca", num: "1,200" },
  { place: "Osaka", what: "a magnitude 6.1 earthquake shook the port and halted bullet trains", who: "Mayor Hideyuki Yokoyama", num: "6.1" },
  { place: "Nairobi", what: "the central bank raised its benchmark lending rate to curb inflation", who: "Governor Kamau Thugge", num: "13" },
  { place: "Reykjavik", what: "a volcanic fissure opened near the fishing town of Grindavik", who: "Minister Gudrun Hafsteinsdottir", num: "3,800" },
  { place: "Manaus", what: "the Negro river fell to its lowest level in more than a century", who: "Hydrologist Luna Gripp", num: "12.7" },
];

/** Makes a minimal valid document whose body is all of `text`. */
export function plainDocument(id: string, text: string, published: string | null, outlet: string | null): RashomonDocument {
  return {
    id, input: id, format: "text", text, title: text.split("\n")[0]!.slice(0, 80), standfirst: null, section: null, byline: null,
    authors: [], agencies: [], outlet, dateline: null, published, updated: null, editor: null, language: "en", url: null,
    body: text, paragraphs: [{ span: { start: 0, end: text.length }, kind: "paragraph" }], captions: [], removed: [],
    provenance: {}, messages: [],
  };
}

/** `n` documents spread over the events above, dated over a few days; gold story = index % events. */
export function syntheticDocuments(n: number): { docs: RashomonDocument[]; gold: Map<string, number> } {
  const docs: RashomonDocument[] = [];
  const gold = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const e = i % EVENTS.length;
    const ev = EVENTS[e]!;
    const variant = Math.floor(i / EVENTS.length);
    const text =
      `${ev.place}: ${ev.what}, officials said (report ${variant}).\n\n` +
      `${ev.who} told reporters in ${ev.place} that ${ev.num} people were affected and that help was on the way. ` +
      `Witness number ${variant} in ${ev.place} described the scene to outlet ${variant % 7}. ` +
      `${ev.who} said more details on ${ev.place} would follow.`;
    const day = 10 + (variant % 3);
    const id = `doc-${String(i).padStart(5, "0")}`;
    docs.push(plainDocument(id, text, `2025-03-${day}T${String(variant % 24).padStart(2, "0")}:00`, `Outlet ${variant % 7}`));
    gold.set(id, e);
  }
  return { docs, gold };
}

/** A JSON Lines record (`rashomon ingest` input) for one synthetic document. */
export interface SyntheticRecord {
  id: string;
  outlet: string | null;
  published: string | null;
  title: string | null;
  text: string;
}

/** The documents of `syntheticDocuments(n)` as JSON Lines records, with the same gold story per id. */
export function syntheticRecords(n: number): { records: SyntheticRecord[]; gold: Map<string, number> } {
  const { docs, gold } = syntheticDocuments(n);
  return { records: docs.map((d) => ({ id: d.id, outlet: d.outlet, published: d.published, title: d.title, text: d.text })), gold };
}
