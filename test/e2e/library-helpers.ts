/** Helpers for the library tests: the real `rashomon` command run asynchronously (several at once), as another user if asked. */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SyntheticRecord } from "../../src/store/fixtures.js";
import { ROOT } from "./helpers.js";

/** What a finished `rashomon` process did. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of {@link rashomonAsync}. */
export interface RunOptions {
  /** Run as this user and group id (needs root): file permissions then apply even when the tests run as root. */
  uid?: number;
  /** Called with the running process, e.g. to kill it. */
  started?: (child: ReturnType<typeof spawn>) => void;
}

/** Runs the real `rashomon` command (`node bin/rashomon.js`) without blocking, so several can run at once. */
export function rashomonAsync(args: string[], opts: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${ROOT}bin/rashomon.js`, ...args], {
      cwd: ROOT,
      env: { ...process.env, CI: "true" },
      stdio: ["ignore", "pipe", "pipe"],
      ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? -1 : 0), stdout, stderr }));
    opts.started?.(child);
  });
}

/** A fresh temporary folder. */
export function tempDir(prefix = "rashomon-library-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes records as a JSON Lines file and returns its path. */
export function writeRecords(path: string, records: readonly SyntheticRecord[]): string {
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
  return path;
}

/**
 * The user id to run read-only checks as: `nobody` (65534) when the tests run as root, who ignores
 * file permissions, and may start processes as another user; else none (permissions already apply).
 */
export const UNPRIVILEGED = process.getuid?.() === 0 && spawnSync(process.execPath, ["-e", ""], { uid: 65534, gid: 65534 }).status === 0 ? 65534 : undefined;
