#!/usr/bin/env node
// The `rashomon` command. It runs the TypeScript sources through tsx, so a fresh
// clone needs no build step before its first run.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv);
