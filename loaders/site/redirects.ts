// After the build: /plans/<doc_id> for every plan, a small page that sends the reader on to the plan viewer
// (/plans/view?doc=<doc_id>). Plans are shown by one viewer, not a built page each, and links written to
// /plans/<doc_id> — shared, cited, bookmarked — keep working on any static host.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ROOT, SITE_DIR, type Manifest } from "./prepare.ts";

const DOC_ID = /^[0-9a-f]{16}$/;

export function redirectPage(docId: string): string {
  if (!DOC_ID.test(docId)) throw new Error(`not a doc_id: ${docId}`);
  const target = `./view?doc=${docId}`;
  return `<!doctype html>
<html lang="zh-CN">
<meta charset="utf-8">
<title>规划</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${target}">
<meta http-equiv="refresh" content="0; url=${target}">
<p>这份规划在 <a href="${target}">规划页</a>。</p>
</html>
`;
}

export function writeRedirects(output: string, docs: string[]): number {
  const dir = join(output, "plans");
  mkdirSync(dir, { recursive: true });
  for (const doc of docs) writeFileSync(join(dir, `${doc}.html`), redirectPage(doc));
  return docs.length;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const manifest = JSON.parse(readFileSync(join(SITE_DIR, "manifest.json"), "utf8")) as Manifest;
  const output = resolve(ROOT, process.env.ZWGK_SITE_OUTPUT ?? "dist");
  console.log(`zwgk site: ${writeRedirects(output, manifest.docs)} plan addresses (/plans/<doc_id>) lead to the plan viewer`);
}
