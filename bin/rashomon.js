#!/usr/bin/env node
// The `rashomon` command. It runs the compiled code in dist/ (built by `npm ci`
// and `npm run build`); when dist/ is missing or older than a source file (a
// fresh clone not built yet, or sources edited since), it runs the TypeScript
// sources through tsx instead, so the command always runs the current code.
import { readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Newest modification time of the .ts files under a folder (0 when none). */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith(".ts")) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

function compiledIsCurrent() {
  try {
    return statSync(`${root}dist/cli/main.js`).mtimeMs >= newest(`${root}src`);
  } catch {
    return false;
  }
}

let main;
if (compiledIsCurrent()) {
  ({ main } = await import("../dist/cli/main.js"));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv);
