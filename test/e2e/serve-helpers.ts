/**
 * Running the real `rashomon serve` process for end-to-end tests: on a free
 * port, over a temporary library, with a known token.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, SEEDS } from "./helpers.js";

/** A running `rashomon serve`. */
export interface ServeProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Stops it (SIGTERM) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** The token the tests' servers use. */
export const TEST_TOKEN = "e2e-token-0123456789";

/** Starts `rashomon serve` on a free port and waits until it listens. */
export async function startServe(db: string, extra: string[] = []): Promise<ServeProcess> {
  const child = spawn(process.execPath, [join(ROOT, "bin/rashomon.js"), "serve", "--db", db, "--port", "0", ...extra], {
    cwd: ROOT, env: { ...process.env, RASHOMON_TOKEN: TEST_TOKEN, CI: "true" }, stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (b: Buffer) => (out += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (out += b.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`rashomon serve did not start: ${out}`)), 60_000);
    const look = () => {
      const m = /at (http:\/\/[^\s/]+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on("data", look);
    child.once("exit", (code) => reject(new Error(`rashomon serve exited (${code}): ${out}`)));
  });
  return {
    url, child, output: () => out,
    stop: (signal = "SIGTERM") =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

/** The seeds as API records: id from the file name, the text as it is. */
export function seedRecords(): { id: string; text: string }[] {
  return readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort().map((f) => ({ id: f.replace(/\.txt$/, ""), text: readFileSync(join(SEEDS, f), "utf8") }));
}

/** POSTs JSON to the server with the token. */
export async function postJson(url: string, value: unknown): Promise<{ status: number; body: any }> {
  const r = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${TEST_TOKEN}`, "content-type": "application/json" }, body: JSON.stringify(value) });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}
