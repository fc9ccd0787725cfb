import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { buildProgram } from "./main.js";

/** What `rashomon <command> --help` prints, including the text added after the options. */
function help(cmd: Command): string {
  let out = "";
  cmd.configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (out += s) });
  cmd.outputHelp();
  return out;
}

describe("rashomon --help", () => {
  const program = buildProgram();
  const commands = program.commands.filter((c) => c.name() !== "help");

  it("each command's help ends with an example of that command", () => {
    expect(commands.length).toBeGreaterThanOrEqual(6);
    for (const cmd of commands) {
      const text = help(cmd);
      expect(text, cmd.name()).toMatch(/\nExamples?:\n {2}\$ /);
      expect(text, cmd.name()).toContain(`rashomon ${cmd.name()} `);
    }
  });

  it("each option with a default shows it", () => {
    for (const cmd of commands) {
      const text = help(cmd).replace(/\s+/g, " ");
      for (const opt of cmd.options) {
        if (opt.defaultValue === undefined || typeof opt.defaultValue === "boolean") continue;
        const shown = opt.defaultValueDescription ?? JSON.stringify(opt.defaultValue);
        expect(text, `${cmd.name()} ${opt.long}`).toContain(`default: ${shown}`);
      }
    }
    const byName = new Map(commands.map((c) => [c.name(), help(c).replace(/\s+/g, " ")]));
    expect(byName.get("analyze")).toContain("--max-bytes <n> refuse inputs larger than this many bytes (default: 20971520, 20 MiB)");
    expect(byName.get("analyze")).toContain("(default: 15000)");
    expect(byName.get("ingest")).toContain('(default: "rashomon.db")');
    expect(byName.get("ingest")).toContain("writes the library (default: 60)");
    expect(byName.get("stories")).toContain('default: "text"');
  });

  it("the program's help points to each command's help", () => {
    expect(help(program)).toContain("rashomon <command> --help");
  });
});
