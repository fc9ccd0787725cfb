import { readInputs, type IngestOptions, type IngestResult, type RawInput } from "./index.js";

/** Collects every result of {@link readInputs} (test helper). */
export async function collect(specs: string[], opts: IngestOptions = {}): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for await (const r of readInputs(specs, opts)) out.push(r);
  return out;
}

/** The one document a spec must produce (test helper). */
export async function only(spec: string, opts: IngestOptions = {}): Promise<RawInput> {
  const rs = await collect([spec], opts);
  if (rs.length !== 1) throw new Error(`${spec}: expected one result, got ${rs.length}`);
  const r = rs[0]!;
  if (!r.ok) throw new Error(`expected a document, got error ${r.error.message}`);
  return r.item;
}

/** The error message of the one result a spec must produce (test helper). */
export async function errorOf(spec: string, opts: IngestOptions = {}): Promise<string> {
  const rs = await collect([spec], opts);
  if (rs.length !== 1) throw new Error(`${spec}: expected one result, got ${rs.length}`);
  const r = rs[0]!;
  if (r.ok) throw new Error(`${spec}: expected an error, got a ${r.item.format} document`);
  return r.error.message;
}
