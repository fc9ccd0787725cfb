/** Child process for the concurrent-writers test: ingests every `of`-th synthetic document from `k`, in small batches. */
import { openSqliteStore } from "./index.js";
import { syntheticDocuments } from "../fixtures.js";

const [path, count, k, of] = process.argv.slice(2);
const store = openSqliteStore(path!);
const { docs } = syntheticDocuments(Number(count));
const mine = docs.filter((_, i) => i % Number(of) === Number(k));
// One call per batch, as `rashomon ingest` does, so the writers interleave batch by batch.
let added = 0;
for (let i = 0; i < mine.length; i += 25) added += (await store.ingest(mine.slice(i, i + 25))).added;
await store.close();
process.stdout.write(`added ${added}\n`);
