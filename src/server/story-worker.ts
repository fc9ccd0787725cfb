/**
 * The worker thread that builds a story's view: lineage, timeline, quotes and
 * dossier (`enrichStory`) and the story's HTML fragment. The server's thread
 * only reads the library and answers, so a story of 150 documents being built
 * does not hold up any other request.
 */
import { parentPort } from "node:worker_threads";
import { buildStoryView, type BuildRequest } from "../library/story-view.js";

parentPort!.on("message", (request: BuildRequest & { job: number }) => {
  try {
    parentPort!.postMessage({ job: request.job, ok: true, view: buildStoryView(request) });
  } catch (e) {
    parentPort!.postMessage({ job: request.job, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
