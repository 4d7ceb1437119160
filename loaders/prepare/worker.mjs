// A worker thread of the prepare pool (pool.ts): TypeScript through tsx, as bin/zwgk.js runs it.
import { register } from "tsx/esm/api";

register();
const { prepareFile } = await import("./prepare.ts");

export default function prepare(sourceFile) {
  return prepareFile(sourceFile);
}
