/**
 * One worker of bench:scale: stores its share of the generated articles (every
 * `of`-th, from `k`) into the library in batches, grouping them (vectors,
 * index, components, clustering, writes) as `rashomon worker` does after
 * analysis. Prints its CPU seconds, peak RSS and per-batch latencies as JSON,
 * and (with a segment size) a progress line on stderr at each segment's end.
 */
import { articleText, generateSpecs } from "../stream/generate.js";
import { plainDocument } from "../../src/store/fixtures.js";
import { openStore } from "../../src/store/index.js";

const [db, nArg, kArg, ofArg, segArg, batchArg] = process.argv.slice(2);
const n = Number(nArg), k = Number(kArg), of = Number(ofArg), segment = Number(segArg ?? 0), batch = Number(batchArg ?? 200);
const specs = generateSpecs(n, Math.max(3, Math.round(n / 3300)), 5).filter((_, i) => i % of === k);
const store = await openStore(db!);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const latencies: number[] = [];
let peak = 0;
for (let i = 0; i < specs.length; i += batch) {
  const docs = specs.slice(i, i + batch).map((sp) => plainDocument(sp.id, articleText(sp), new Date(sp.time).toISOString(), null));
  const b0 = performance.now();
  await store.ingest(docs, { batchSize: batch });
  latencies.push(performance.now() - b0);
  peak = Math.max(peak, process.memoryUsage().rss);
  // Progress by segment (every `segment` articles of the whole run), on stderr: the cost per article as the library grows.
  const done = Math.min(i + batch, specs.length);
  if (segment > 0 && Math.floor((done * of) / segment) > Math.floor((i * of) / segment)) {
    const c = process.cpuUsage(cpu0);
    process.stderr.write(JSON.stringify({ progress: k, docs: done, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, rssMb: process.memoryUsage().rss / 2 ** 20 }) + "\n");
  }
}
const c = process.cpuUsage(cpu0);
await store.close();
process.stdout.write(JSON.stringify({ docs: specs.length, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, peakMb: peak / 2 ** 20, latencies }) + "\n");
