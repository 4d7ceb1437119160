// The dashboard at scale, for `npm run bench -- --site`: build it from a corpus as `npm run build` does,
// count what was built, and weigh in Chromium what a reader's browser transfers for each kind of page —
// every page Framework built except the requirement pages (the five with the largest data instead), the
// plan and the region whose viewer files are largest, and the 数据 page with its SQL console not started.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import type { Server } from "node:http";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const STUB = /^(plans\/[0-9a-f]{16}|regions\/\d{6,12})\.html$/;

export interface SiteRun {
  site_build_s: number;
  /** Pages Framework built (the short /plans/<id> and /regions/<code> addresses aside). */
  site_pages: number;
  /** Short addresses written after the build, each leading to a viewer. */
  site_addresses: number;
  site_files: number;
  site_mb: number;
  heaviest_page_kb: number | null;
  heaviest_page: string | null;
  pages_weighed: number;
  /** kB per page weighed. */
  weights: Record<string, number>;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, d.name);
    if (d.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** The file under `dir` (named <id>.json or <id>.<hash>.json) that is largest, as its id. */
function largest(dir: string): string | null {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  if (files.length === 0) return null;
  return files.map((f) => ({ f, size: statSync(join(dir, f)).size })).sort((a, b) => b.size - a.size)[0].f.split(".")[0];
}

export async function measureSite(corpus: string, output: string): Promise<SiteRun> {
  const env = { ...process.env, ZWGK_CORPUS: corpus, ZWGK_SITE_OUTPUT: output, OBSERVABLE_TELEMETRY_DISABLE: "true" };
  const t0 = performance.now();
  execFileSync("npm", ["run", "-s", "build"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
  const site_build_s = (performance.now() - t0) / 1000;
  const files = walk(output);
  const rel = files.map((f) => relative(output, f).split(sep).join("/"));
  const html = rel.filter((f) => f.endsWith(".html"));
  const stubs = html.filter((f) => STUB.test(f));
  const built = html.filter((f) => !STUB.test(f));
  const size = files.reduce((n, f) => n + statSync(f).size, 0);
  // which pages to weigh: each built page but the requirement pages; the heaviest of those by data; the largest viewers
  const requirementData = join(output, "_file", "requirements");
  const requirementPages = existsSync(requirementData)
    ? readdirSync(requirementData).map((f) => ({ id: f.split(".")[0], size: statSync(join(requirementData, f)).size })).sort((a, b) => b.size - a.size).slice(0, 5).map((r) => `requirements/${r.id}`)
    : [];
  const pagePath = (f: string) => f.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, "");
  const paths = [
    ...built.filter((f) => !f.startsWith("requirements/") && f !== "404.html").map(pagePath),
    ...requirementPages,
    ...(largest(join(output, "plan-data")) ? [`plans/view?doc=${largest(join(output, "plan-data"))}`] : []),
    ...(largest(join(output, "region-data")) ? [`regions/view?code=${largest(join(output, "region-data"))}`] : []),
  ];
  const weights = existsSync(CHROMIUM) ? await weigh(output, paths) : null;
  const heaviest = weights ? Object.entries(weights).sort((a, b) => b[1] - a[1])[0] : null;
  // leave the seeds' site data where `npm run build` would (this build replaced it with the bench corpus's)
  execFileSync("npm", ["run", "-s", "prepare-site"], { cwd: ROOT, env: { ...process.env, ZWGK_CORPUS: "" }, stdio: ["ignore", "ignore", "inherit"] });
  return {
    site_build_s, site_pages: built.length, site_addresses: stubs.length, site_files: files.length, site_mb: size / 1e6,
    heaviest_page_kb: heaviest ? heaviest[1] / 1000 : null, heaviest_page: heaviest ? `/${heaviest[0]}` : null, pages_weighed: weights ? Object.keys(weights).length : 0,
    weights: Object.fromEntries(Object.entries(weights ?? {}).map(([p, b]) => [`/${p}`, Math.round(b / 100) / 10])),
  };
}

/** Bytes each page's visit transfers (every response body, the page's own included), served from 127.0.0.1. */
async function weigh(output: string, paths: string[]): Promise<Record<string, number>> {
  const { chromium } = await import("playwright-core");
  const { serve } = (await import(join(ROOT, "bin/serve.js"))) as { serve: (d: string, p?: number) => Promise<Server> };
  const server = await serve(output, 0);
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
  const weights: Record<string, number> = {};
  try {
    for (const path of paths) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
      const page = await context.newPage();
      let bytes = 0;
      page.on("response", async (r) => {
        try {
          bytes += (await r.body()).length;
        } catch {
          // redirects have no body
        }
      });
      await page.goto(`http://127.0.0.1:${address.port}/${path}`, { waitUntil: "networkidle", timeout: 120_000 });
      await page.waitForTimeout(300);
      weights[path] = bytes;
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return weights;
}
