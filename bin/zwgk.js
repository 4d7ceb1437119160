#!/usr/bin/env -S node --max-old-space-size=2560
// Runs the TypeScript command line through tsx (a dependency), so no build step stands between a
// checkout and `npx zwgk`.
import { register } from "tsx/esm/api";

register();
// a reader that stops early (zwgk query … | head) closes the pipe: that ends the output, not in a stack trace
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});
const { main } = await import("../loaders/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
