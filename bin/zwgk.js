#!/usr/bin/env -S node --max-old-space-size=2560
// Runs the TypeScript command line through tsx (a dependency), so no build step stands between a
// checkout and `npx zwgk`.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../loaders/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
