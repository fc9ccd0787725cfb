import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const EXAMPLE = fileURLToPath(new URL("../../examples/harbour-bridge/", import.meta.url));

/** Hostile fields of the records {@link writeHostileRecords} writes (test helper). */
export const HOSTILE = {
  /** The wire story's id: a newline and a fence to leave the Mermaid block, then HTML. */
  fenceId: "cpa\n```\n<img src=x onerror=alert(1)>",
  /** The Courier's title: a stray PDI (that would close a `<bdi>` around it) and a right-to-left override. */
  rloTitle: "Harbour bridge shuts \u2069\u202Eafter cracks",
  courierOutlet: "Vell Harbour Courier",
  /** Meridian's id, which a Mermaid id made of its letters confuses with the node `agency:AFP` it credits. */
  spacedId: "agency AFP",
  /** The Lantern Post's id, which an HTML id made of its letters confuses with Meridian's. */
  underscoredId: "agency_AFP",
  /** Halcyon's id: everything that could end a Mermaid label, statement or diagram. */
  mermaidId: 'halcyon"] -->|copy| x["#quot; %%{init: {}}%% ; end `',
  lanternOutlet: "<i>The Lantern</i> | Post",
  /** The Lantern Post's title: a lone carriage return (a CommonMark line ending) before a table row. */
  lanternTitle: "Old Harbour Bridge closed:\r| what | we know |",
  lanternUrl: 'https://lantern.example/a_b*c?<q>="1"&amp;x',
  /** Turned into "the longest crack |\ron the underside" in the three stories that carry that sentence. */
  crackSentence: "the longest crack |\ron the underside",
};

/**
 * Writes the bundled example (five real articles of one story) as a JSON Lines
 * file of records with hostile ids, titles, outlets and URLs, and a `|` and a
 * lone carriage return (a CommonMark line ending) inside a sentence that three
 * articles share; returns the file's path (test helper).
 */
export function writeHostileRecords(): string {
  const read = (name: string) => readFileSync(join(EXAMPLE, name), "utf8").replaceAll("the longest crack, on the underside", HOSTILE.crackSentence);
  const records = [
    { id: HOSTILE.fenceId, outlet: "Coastal Press Agency", text: read("01-cpa-wire.txt") },
    { id: "courier", title: HOSTILE.rloTitle, outlet: HOSTILE.courierOutlet, text: read("02-courier-republish.txt") },
    { id: HOSTILE.spacedId, text: read("03-meridian-rewrite.txt") },
    { id: HOSTILE.mermaidId, text: read("04-halcyon-short.txt") },
    { id: HOSTILE.underscoredId, title: HOSTILE.lanternTitle, outlet: HOSTILE.lanternOutlet, url: HOSTILE.lanternUrl, html: read("05-lantern-post.html") },
  ];
  const file = join(mkdtempSync(join(tmpdir(), "rashomon-hostile-")), "hostile.jsonl");
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
  return file;
}
