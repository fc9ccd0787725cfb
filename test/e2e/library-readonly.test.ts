import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticRecords } from "../../src/store/fixtures.js";
import { ROOT } from "./helpers.js";
import { rashomonAsync, tempDir, UNPRIVILEGED, writeRecords } from "./library-helpers.js";

/** Everything about a folder's files that a write would change: names, bytes and modification times. */
function snapshot(dir: string): string[] {
  return readdirSync(dir).sort().map((f) => {
    const p = join(dir, f);
    return `${f} ${createHash("sha256").update(readFileSync(p)).digest("hex")} ${statSync(p).mtimeMs}`;
  });
}

let dir: string;
let source: string;
let records: string;

beforeAll(async () => {
  dir = tempDir();
  chmodSync(dir, 0o755); // the unprivileged user must reach the copies below
  records = writeRecords(join(dir, "records.jsonl"), syntheticRecords(25).records);
  source = join(dir, "source.db");
  const r = await rashomonAsync(["ingest", records, "--db", source]);
  expect(r.code).toBe(0);
});

afterAll(() => {
  for (const sub of readdirSync(dir)) if (statSync(join(dir, sub)).isDirectory()) chmodSync(join(dir, sub), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

/** A copy of the library, chmod 444, alone in a chmod 555 folder; `rollback` converts it from WAL to a rollback journal first. */
function readOnlyCopy(name: string, rollback: boolean): { folder: string; db: string } {
  const folder = join(dir, name);
  mkdirSync(folder);
  const db = join(folder, "library.db");
  copyFileSync(source, db);
  if (rollback) {
    const conn = new Database(db);
    conn.pragma("journal_mode = DELETE");
    conn.close();
  }
  chmodSync(db, 0o444);
  chmodSync(folder, 0o555);
  return { folder, db };
}

describe("reading a read-only library", () => {
  for (const rollback of [false, true]) {
    it(`stories, story and check work on a read-only ${rollback ? "rollback-journal" : "WAL"} library in a read-only folder, and write nothing`, async () => {
      const { folder, db } = readOnlyCopy(rollback ? "rollback" : "wal", rollback);
      const before = snapshot(folder);
      const as = { uid: UNPRIVILEGED }; // as root, permissions only hold for another user
      const list = await rashomonAsync(["stories", "--db", db, "--format", "json"], as);
      expect(list.stderr).toBe("");
      expect(list.code).toBe(0);
      const stories = JSON.parse(list.stdout) as { id: string; size: number }[];
      expect(stories).toHaveLength(5);
      const [table, story, check] = await Promise.all([
        rashomonAsync(["stories", "--db", db], as),
        rashomonAsync(["story", stories[0]!.id, "--db", db, "--format", "json"], as),
        rashomonAsync(["check", "--db", db], as),
      ]);
      expect([table.code, story.code, check.code]).toEqual([0, 0, 0]);
      expect(table.stdout.trim().split("\n")).toHaveLength(6);
      expect(JSON.parse(story.stdout).documents).toHaveLength(stories[0]!.size);
      expect(check.stdout).toContain("consistent (25 documents in 5 stories)");
      expect(snapshot(folder)).toEqual(before);
    });
  }

  it("ingest into a read-only library fails, naming it, and writes nothing", async () => {
    const { folder, db } = readOnlyCopy("ingest", true);
    const before = snapshot(folder);
    const r = await rashomonAsync(["ingest", records, "--db", db], { uid: UNPRIVILEGED });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(db);
    expect(r.stderr).toMatch(/read-only|readonly/);
    expect(snapshot(folder)).toEqual(before);
  });
});

describe("library errors name the library and say what to do", () => {
  it("a file that is not a database", async () => {
    const db = join(dir, "notes.db");
    writeFileSync(db, "These are my notes, not a library.\n".repeat(50));
    const before = readFileSync(db);
    const runs = await Promise.all([
      rashomonAsync(["stories", "--db", db]),
      rashomonAsync(["check", "--db", db]),
      rashomonAsync(["story", "story-1", "--db", db]),
      rashomonAsync(["ingest", records, "--db", db]),
    ]);
    for (const r of runs) {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`library ${db}: file is not a database`);
      expect(r.stderr).toContain("check the --db path");
    }
    expect(readFileSync(db)).toEqual(before);
  });

  it("a library that does not exist (read commands never create one), a folder, a missing folder", async () => {
    const db = join(dir, "no-such-library.db");
    const r = await rashomonAsync(["stories", "--db", db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`library ${db}: no such file`);
    expect(r.stderr).toContain("rashomon ingest");
    expect(readdirSync(dir)).not.toContain("no-such-library.db");
    const [folder, noFolder] = await Promise.all([
      rashomonAsync(["stories", "--db", dir]),
      rashomonAsync(["ingest", records, "--db", join(dir, "no-such-folder", "library.db")]),
    ]);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain(`library ${dir}: unable to open it, it is a folder; give the library's file`);
    expect(noFolder.code).toBe(1);
    expect(noFolder.stderr).toContain(`library ${join(dir, "no-such-folder", "library.db")}: cannot open it`);
    expect(noFolder.stderr).toContain("create its folder first");
  });

  it("a library another process holds locked: ingest waits --lock-timeout, then fails before writing; readers still read", async () => {
    const db = join(dir, "locked.db");
    copyFileSync(source, db);
    const holder = new Database(db);
    holder.exec("BEGIN EXCLUSIVE");
    try {
      const [ingest, list] = await Promise.all([
        rashomonAsync(["ingest", writeRecords(join(dir, "more.jsonl"), syntheticRecords(30).records.slice(25)), "--db", db, "--lock-timeout", "0.5"]),
        rashomonAsync(["stories", "--db", db]),
      ]);
      expect(ingest.code).toBe(1);
      expect(ingest.stderr).toContain(`library ${db}: database is locked`);
      expect(ingest.stderr).toContain("another process is writing to it");
      expect(ingest.stderr).toContain("--lock-timeout");
      expect(ingest.stderr).toContain("nothing of this run was stored");
      expect(list.code).toBe(0);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    const after = new Database(db, { readonly: true });
    expect((after.prepare("SELECT COUNT(*) AS n FROM documents").get() as { n: number }).n).toBe(25);
    after.close();
  });

  it("a full disk", async () => {
    // A 300 KB tmpfs where the system lets us mount one (root); elsewhere a file size limit (ulimit -f) plays the full disk.
    const folder = join(dir, "small-disk");
    mkdirSync(folder);
    let mounted = false;
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=300k", "tmpfs", folder], { stdio: "ignore" });
      mounted = true;
    } catch {
      // not allowed here
    }
    try {
      const db = join(folder, "library.db");
      const big = writeRecords(join(dir, "big.jsonl"), syntheticRecords(400).records);
      const args = ["ingest", big, "--db", db];
      const r = mounted
        ? await rashomonAsync(args)
        : await new Promise<{ code: number; stderr: string }>((resolve) => {
            try {
              const limited = `trap '' XFSZ; ulimit -f 301; exec "$0" "$@"`;
              execFileSync("bash", ["-c", limited, process.execPath, `${ROOT}bin/rashomon.js`, ...args], { cwd: ROOT, stdio: "pipe", encoding: "utf8", env: { ...process.env, CI: "true" } });
              resolve({ code: 0, stderr: "" });
            } catch (e) {
              resolve({ code: (e as { status: number }).status, stderr: String((e as { stderr: string }).stderr) });
            }
          });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`library ${db}: ${mounted ? "database or disk is full" : ""}`);
      expect(r.stderr).toMatch(/database or disk is full|disk I\/O error/);
      expect(r.stderr).toContain("free space");
      const check = await rashomonAsync(["check", "--db", db]);
      expect(check.code).toBe(0);
    } finally {
      if (mounted) execFileSync("umount", [folder]);
    }
  });
});
