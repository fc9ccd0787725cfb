/** Child process for the killed-ingest test: ingests synthetic documents in small batches, printing progress. */
import { openSqliteStore } from "./index.js";
import { syntheticDocuments } from "../fixtures.js";

const [path, count] = process.argv.slice(2);
const store = openSqliteStore(path!);
const { docs } = syntheticDocuments(Number(count));
await store.ingest(docs, { batchSize: 40, onBatch: (done) => process.stdout.write(`batch ${done}\n`) });
process.stdout.write("finished\n");
