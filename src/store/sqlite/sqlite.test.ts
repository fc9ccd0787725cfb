import { describe, it, expect } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteStore } from "./index.js";
import { storeContract } from "../store-contract.js";
import { syntheticDocuments } from "../fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "rashomon-store-"));
let n = 0;

storeContract("sqlite", async () => openSqliteStore(join(dir, `lib-${n++}.db`)));

describe("sqlite store", () => {
  it("reopens a library file with its stories", async () => {
    const path = join(dir, "reopen.db");
    const a = openSqliteStore(path);
    const { docs } = syntheticDocuments(12);
    await a.ingest(docs);
    const before = await a.listStories();
    await a.close();
    const b = openSqliteStore(path);
    expect(await b.listStories()).toEqual(before);
    const r = await b.ingest(syntheticDocuments(17).docs);
    expect(r.added).toBe(5);
    expect(await b.check()).toEqual([]);
    await b.close();
  });

  it("names the file when it cannot be opened", () => {
    expect(() => openSqliteStore(join(dir, "missing-dir", "x.db"))).toThrow(/missing-dir.*cannot open/);
  });
});

process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
