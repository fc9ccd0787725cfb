import { describe, it, expect } from "vitest";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openSqliteStore } from "./index.js";
import { syntheticDocuments } from "../fixtures.js";

const CHILD = fileURLToPath(new URL("./writer-child.fixture.ts", import.meta.url));

function writer(path: string, count: number, k: number, of: number): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, path, String(count), String(k), String(of)], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

describe("concurrent writers (processes) on one SQLite library", () => {
  it("queue for the write lock and leave a library equal to a replay of their batches in commit order", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rashomon-writers-"));
    try {
      const path = join(dir, "lib.db");
      const n = 2000;
      const runs = await Promise.all([0, 1, 2, 3].map((k) => writer(path, n, k, 4)));
      for (const r of runs) {
        expect(r.err).toBe("");
        expect(r.code).toBe(0);
        expect(r.out).toBe(`added ${n / 4}\n`);
      }
      const store = openSqliteStore(path, { readonly: true });
      expect(await store.check()).toEqual([]); // includes: stories equal a replay in seq order
      const { gold } = syntheticDocuments(n);
      const seen = new Set<string>();
      for (const s of await store.listStories()) {
        const members = (await store.getDocuments(s.id)).map((d) => d.id);
        expect(new Set(members.map((id) => gold.get(id))).size).toBe(1);
        for (const id of members) {
          expect(seen.has(id)).toBe(false);
          seen.add(id);
        }
      }
      expect(seen.size).toBe(n);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
