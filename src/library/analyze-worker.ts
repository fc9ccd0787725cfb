/**
 * A worker thread of the analysis pool: analyses the inputs it is sent
 * (`analyzeInput`, every document stage) and sends back each document, or the
 * input's error as a message.
 */
import { parentPort } from "node:worker_threads";
import type { RawInput } from "../ingest/index.js";
import { analyzeInput } from "../pipeline/index.js";

parentPort!.on("message", (m: { job: number; raw: RawInput; referenceDate: string | null }) => {
  try {
    const doc = analyzeInput(m.raw, { referenceDate: m.referenceDate });
    if (doc instanceof Error) parentPort!.postMessage({ job: m.job, error: { input: doc.input, ruleId: doc.ruleId, message: doc.message } });
    else parentPort!.postMessage({ job: m.job, doc });
  } catch (e) {
    parentPort!.postMessage({ job: m.job, error: { input: m.raw.input, ruleId: "pipeline:failed", message: `${m.raw.input}: ${e instanceof Error ? e.message : String(e)}` } });
  }
});
