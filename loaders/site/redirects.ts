// After the build: /plans/<doc_id> for every plan and /regions/<code> for every region, a small page that
// sends the reader on to the viewer (/plans/view?doc=…, /regions/view?code=…). Plans and regions are shown
// by one viewer each, not a built page per item, and links written to the short addresses — shared, cited,
// bookmarked — keep working on any static host.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ROOT, SITE_DIR, type Manifest } from "./prepare.ts";

/** The viewers: their folder, the parameter naming the item, and what an id looks like. */
const VIEWERS = {
  plans: { param: "doc", id: /^[0-9a-f]{16}$/, label: "这份规划在" },
  regions: { param: "code", id: /^\d{6,12}$/, label: "这个地区在" },
} as const;

export function redirectPage(folder: keyof typeof VIEWERS, id: string): string {
  const viewer = VIEWERS[folder];
  if (!viewer.id.test(id)) throw new Error(`not an id of /${folder}/: ${id}`);
  const target = `./view?${viewer.param}=${id}`;
  return `<!doctype html>
<html lang="zh-CN">
<meta charset="utf-8">
<title>${folder === "plans" ? "规划页" : "地区页"}</title>
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<link rel="canonical" href="${target}">
<meta http-equiv="refresh" content="0; url=${target}">
<p>${viewer.label} <a href="${target}">这里</a>。</p>
</html>
`;
}

export function writeRedirects(output: string, folder: keyof typeof VIEWERS, ids: string[]): number {
  const dir = join(output, folder);
  mkdirSync(dir, { recursive: true });
  for (const id of ids) writeFileSync(join(dir, `${id}.html`), redirectPage(folder, id));
  return ids.length;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const manifest = JSON.parse(readFileSync(join(SITE_DIR, "manifest.json"), "utf8")) as Manifest;
  const output = resolve(ROOT, process.env.ZWGK_SITE_OUTPUT ?? "dist");
  const plans = writeRedirects(output, "plans", manifest.docs);
  const regions = writeRedirects(output, "regions", manifest.regions);
  console.log(`zwgk site: ${plans} plan and ${regions} region addresses (/plans/<doc_id>, /regions/<code>) lead to their viewers`);
}
