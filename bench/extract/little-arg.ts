/**
 * `--little BELOW/RATIO` on a body benchmark's command line: the setting of
 * html:readability-little to try (src/html/index.ts), or undefined for the
 * shipped one (2000/16). `250/2` is the behaviour before session 16.
 */
export function littleArg(argv: readonly string[] = process.argv): { below: number; ratio: number } | undefined {
  const i = argv.indexOf("--little");
  if (i < 0) return undefined;
  const [below, ratio] = (argv[i + 1] ?? "").split("/").map(Number);
  if (!Number.isFinite(below) || !Number.isFinite(ratio)) throw new Error(`--little ${argv[i + 1] ?? ""}: give BELOW/RATIO, for example 2000/16`);
  return { below: below!, ratio: ratio! };
}
