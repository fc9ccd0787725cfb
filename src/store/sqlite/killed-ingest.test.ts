import { describe, it, expect } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openSqliteStore } from "./index.js";
import { syntheticDocuments } from "../fixtures.js";

const CHILD = fileURLToPath(new URL("./kill-child.fixture.ts", import.meta.url));
const N = 2000;

/** Starts an ingest in a child process and kills it (SIGKILL) once a few batches are committed. */
function ingestAndKill(path: string): Promise<{ killed: boolean; batches: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, path, String(N)], { stdio: ["ignore", "pipe", "pipe"] });
    let batches = 0;
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout.on("data", (d: Buffer) => {
      batches += (d.toString().match(/batch/g) ?? []).length;
      if (batches >= 5 && !child.killed) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (signal === "SIGKILL") resolve({ killed: true, batches });
      else reject(new Error(`child exited with ${code} before being killed: ${err}`));
    });
  });
}

describe("killed ingest", () => {
  it("leaves a consistent library that a rerun completes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rashomon-kill-"));
    try {
      const path = join(dir, "lib.db");
      const { killed } = await ingestAndKill(path);
      expect(killed).toBe(true);
      const store = openSqliteStore(path);
      expect(await store.check()).toEqual([]);
      const partial = await store.countDocuments();
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(N);
      expect(partial % 40).toBe(0); // whole batches only
      const { docs } = syntheticDocuments(N);
      const r = await store.ingest(docs, { batchSize: 500 });
      expect(r.added + r.skipped).toBe(N);
      expect(r.skipped).toBe(partial);
      expect(await store.countDocuments()).toBe(N);
      expect(await store.check()).toEqual([]);
      const seen = new Map<string, number>();
      for (const s of await store.listStories()) for (const d of await store.getDocuments(s.id)) seen.set(d.id, (seen.get(d.id) ?? 0) + 1);
      expect(seen.size).toBe(N);
      expect([...seen.values()].every((c) => c === 1)).toBe(true);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
