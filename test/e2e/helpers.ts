import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import type { RashomonDocument } from "../../src/model/index.js";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** The founding seeds, beside the checkout. */
export const SEEDS = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));

/** Runs the real `rashomon` command and returns its exit code and output. */
export function rashomon(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [`${ROOT}bin/rashomon.js`, ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, CI: "true" },
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Validates output against the committed JSON Schema; returns the errors as text, or "" when valid. */
export function schemaErrors(output: unknown): string {
  const schema = JSON.parse(readFileSync(`${ROOT}schema/rashomon.schema.json`, "utf8"));
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  return validate(output) ? "" : ajv.errorsText(validate.errors, { separator: "\n" });
}

/** Checks the span invariants of a document; returns the problems found. */
export function spanProblems(doc: RashomonDocument): string[] {
  const problems: string[] = [];
  const n = doc.text.length;
  const check = (what: string, s: { start: number; end: number }) => {
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= n)) {
      problems.push(`${doc.id}: ${what} [${s.start}, ${s.end}) outside text of length ${n}`);
    }
  };
  doc.paragraphs.forEach((p, i) => check(`paragraph ${i}`, p.span));
  doc.captions.forEach((c, i) => check(`caption ${i}`, c.span));
  doc.removed.forEach((r, i) => check(`removed ${i}`, r.span));
  for (let i = 1; i < doc.paragraphs.length; i++) {
    if (doc.paragraphs[i]!.span.start < doc.paragraphs[i - 1]!.span.end) problems.push(`${doc.id}: paragraphs ${i - 1} and ${i} overlap or are out of order`);
  }
  const body = doc.paragraphs.map((p) => doc.text.slice(p.span.start, p.span.end)).join("\n\n");
  if (body !== doc.body) problems.push(`${doc.id}: body is not its paragraphs joined`);
  if (doc.dateline) check("dateline", doc.dateline.span);
  for (const [field, p] of Object.entries(doc.provenance)) if (p.span) check(`provenance of ${field}`, p.span);
  return problems;
}
