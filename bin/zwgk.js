#!/usr/bin/env -S node --max-old-space-size=2560
// Runs the TypeScript command line through tsx (a dependency), so no build step stands between a
// checkout and `npx zwgk`. Exit status 3 is kept for a fault of the tool itself, so that it never looks
// like 1 (some documents failed, the rest written) or 2 (usage, or a folder that cannot be used).
import { register } from "tsx/esm/api";

register();
// a reader that stops early (zwgk query … | head) closes the pipe: that ends the output, not in a stack trace
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});
const crash = (e) => {
  process.stderr.write(`zwgk: internal error — this is a fault of zwgk, not of your files; please report it with this trace:\n${e?.stack ?? e}\n`);
  process.exit(3);
};
process.on("uncaughtException", crash);
process.on("unhandledRejection", crash);
try {
  const { main } = await import("../loaders/cli/main.ts");
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  crash(e);
}
