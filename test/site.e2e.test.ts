// The dashboard end to end in Chromium: build it, serve dist/ on 127.0.0.1, open every page, and fail on
// any page error, console error, failed request or request off the machine. Then build from a hostile
// corpus (markup and script in a plan) and check that nothing runs. Screenshots go to test-artifacts/.
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDuckDB, sqlString } from "../loaders/tables/write.ts";
import { openWarehouse, runQuery } from "../loaders/warehouse/index.ts";
import { fold } from "../src/components/search-core.js";
import { ROOT, SEEDS, SEEDS_DIR } from "./helpers.ts";

const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SHOTS = join(ROOT, "test-artifacts", "screenshots");
const PAGE_BUDGET = 1_000_000;

async function build(output: string, corpus?: string) {
  const env = { ...process.env, ZWGK_SITE_OUTPUT: output, OBSERVABLE_TELEMETRY_DISABLE: "true", ...(corpus ? { ZWGK_CORPUS: corpus } : {}) };
  if (!corpus) delete env.ZWGK_CORPUS;
  await run("npm", ["run", "build"], { cwd: ROOT, env, maxBuffer: 256 << 20 });
}

async function serveDir(dir: string): Promise<{ server: Server; base: string }> {
  const { serve } = (await import(join(ROOT, "bin/serve.js"))) as { serve: (d: string, p?: number) => Promise<Server> };
  const server = await serve(dir, 0);
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return { server, base: `http://127.0.0.1:${address.port}` };
}

interface Visit {
  page: Page;
  problems: string[];
  bytes: number;
}

async function visit(browser: Browser, url: string, shot: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  const problems: string[] = [];
  let bytes = 0;
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("dialog", (d) => {
    problems.push(`dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["127.0.0.1", "localhost"].includes(u.hostname) && !["data:", "blob:"].includes(u.protocol)) problems.push(`request off the machine: ${r.url()}`);
  });
  page.on("response", async (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    try {
      bytes += (await r.body()).length;
    } catch {
      // redirects and aborted requests have no body
    }
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await page.waitForTimeout(300);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
  return { page, problems, bytes };
}

const haveChromium = existsSync(CHROMIUM);

/** ZWGK_SKIP_BROWSER=1 skips the browser tests on purpose (and visibly); otherwise a missing Chromium fails. */
const skipBrowser = process.env.ZWGK_SKIP_BROWSER === "1";

describe.skipIf(skipBrowser)("the dashboard in Chromium", () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  const manifest = () => JSON.parse(readFileSync(join(ROOT, ".zwgk-cache/site/manifest.json"), "utf8"));
  let m: { docs: string[]; regions: string[]; years: number[]; requirements: string[] };
  const weights: Record<string, number> = {};

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
    await build("dist");
    m = manifest();
    ({ server, base } = await serveDir(join(ROOT, "dist")));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  });
  afterAll(async () => {
    writeFileSync(join(ROOT, "test-artifacts", "page-weights.json"), JSON.stringify(weights, null, 1));
    await browser?.close();
    server?.close();
  });

  const analytic = [
    ["", "index", "概览"],
    ["categories", "categories", "任务类别"],
    ["requirements", "requirements", "反复出现的要求"],
    ["workload", "workload", "责任单位工作量"],
    ["gaps", "gaps", "覆盖缺口"],
    ["plans/", "plans-index", "规划"],
    ["regions/", "regions-index", "地区"],
    ["data", "data", "数据"],
  ];

  it.each(analytic)("opens /%s with no errors, in Chinese, drawing its charts and tables", async (path, shot, heading) => {
    const { page, problems, bytes } = await visit(browser, `${base}/${path}`, shot);
    weights[`/${path}`] = bytes;
    expect(problems).toEqual([]);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await page.locator("h1").first().innerText()).toContain(heading === "概览" ? "政务公开" : heading);
    if (["categories", "workload", "gaps", "requirements"].includes(path)) expect(await page.locator("#observablehq-main svg").count()).toBeGreaterThan(0);
    if (["", "plans/", "regions/"].includes(path)) expect(await page.locator("table tbody tr").count()).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(PAGE_BUDGET);
    await page.context().close();
  });

  it("offers on 数据 the very Parquet files `zwgk ingest` writes for the same corpus, and CSV with the same rows", { timeout: 120_000 }, async () => {
    const out = join(tmpdir(), `zwgk-e2e-ingest-${process.pid}`);
    await run(process.execPath, [join(ROOT, "bin/zwgk.js"), "ingest", "seeds", "--out", out, "--quiet"], { cwd: ROOT });
    const { page } = await visit(browser, `${base}/data`, "data-downloads");
    const links = await page.locator("a[download$='.parquet']").evaluateAll((as) => as.map((a) => [a.getAttribute("download"), (a as HTMLAnchorElement).href]));
    expect(links.map(([name]) => name)).toEqual(["documents", "sections", "tasks", "assignments", "requirements", "parse_issues", "texts"].map((t) => `${t}.parquet`));
    for (const [name, href] of links) {
      const served = Buffer.from(await (await fetch(href!)).arrayBuffer());
      expect(served.equals(readFileSync(join(out, name!))), name!).toBe(true);
    }
    const csv = await (await fetch(await page.locator("a[download='tasks.csv']").evaluate((a) => (a as HTMLAnchorElement).href))).text();
    const rows = JSON.parse((await run(process.execPath, [join(ROOT, "bin/zwgk.js"), "query", out, "SELECT task_id FROM tasks", "--json"], { cwd: ROOT })).stdout) as { task_id: string }[];
    writeFileSync(join(out, "served-tasks.csv"), csv.replace(/^\ufeff/, ""));
    const db = await openDuckDB();
    const csvIds = (await runQuery(db, `SELECT task_id FROM read_csv(${sqlString(join(out, "served-tasks.csv"))}, header = true)`)).rows.map((r) => r.task_id);
    db.closeSync();
    expect(csvIds).toEqual(rows.map((r) => r.task_id));
    await page.context().close();
  });

  it("shows every plan's tasks on its page, with units and parse issues in place", { timeout: 180_000 }, async () => {
    const tasks = JSON.parse(readFileSync(join(ROOT, ".zwgk-cache/site/manifest.json"), "utf8")).docs as string[];
    expect(tasks).toHaveLength(SEEDS.length);
    for (const doc of m.docs) {
      const data = JSON.parse(readFileSync(join(ROOT, `src/plan-data/${doc}.json`), "utf8"));
      const { page, problems, bytes } = await visit(browser, `${base}/plans/view?doc=${doc}`, `plan-${data.meta.region}-${data.meta.year}`);
      weights[`/plans/view?doc=${doc}`] = bytes;
      expect(await page.locator("h1").first().innerText()).toBe(data.meta.title);
      expect(problems).toEqual([]);
      expect(await page.locator(".task").count()).toBe(data.meta.task_count);
      expect(await page.locator(".issue").count()).toBe(data.issues.length);
      expect(await page.locator(".tag.lead, .tag.participant, .tag.responsible").count()).toBe(data.assignments.length);
      expect(bytes).toBeLessThan(PAGE_BUDGET);
      await page.context().close();
    }
  });

  it("keeps /plans/<doc_id> and /regions/<code> leading to the plan and the region, and says so when an address names none", { timeout: 120_000 }, async () => {
    const doc = m.docs[1];
    const data = JSON.parse(readFileSync(join(ROOT, `src/plan-data/${doc}.json`), "utf8"));
    const { page, problems } = await visit(browser, `${base}/plans/${doc}`, "plan-deep-link");
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(`/plans/view?doc=${doc}`);
    expect(await page.locator("h1").first().innerText()).toBe(data.meta.title);
    expect(await page.locator(".task").count()).toBe(data.meta.task_count);
    expect(problems).toEqual([]);
    await page.context().close();
    const region = m.regions[0];
    const shown = await visit(browser, `${base}/regions/${region}`, "region-deep-link");
    expect(new URL(shown.page.url()).search).toBe(`?code=${region}`);
    expect(await shown.page.locator("h1").first().innerText()).toBe(JSON.parse(readFileSync(join(ROOT, `src/region-data/${region}.json`), "utf8")).region);
    expect(shown.problems).toEqual([]);
    await shown.page.context().close();
    const nowhere = await visit(browser, `${base}/regions/view?code=999999`, "region-missing");
    expect(await nowhere.page.locator("h1").first().innerText()).toBe("没有找到这个地区");
    await nowhere.page.context().close();
    for (const wrong of ["0123456789abcdef", "<script>"]) {
      const missing = await visit(browser, `${base}/plans/view?doc=${encodeURIComponent(wrong)}`, "plan-missing");
      expect(await missing.page.locator("h1").first().innerText()).toBe("没有找到这份规划");
      expect(await missing.page.locator("#observablehq-main .lead").innerText()).toContain(wrong);
      expect(await missing.page.locator(".task, h2").filter({ visible: true }).count()).toBe(0);
      // the one request that fails is the plan file asked for, when the id is well formed (and the console says so)
      const asked = missing.problems.filter((p) => p.includes("/plan-data/0123456789abcdef.json"));
      // (at its own path, then where observable preview serves it)
      expect(asked).toHaveLength(wrong === "<script>" ? 0 : 2);
      expect(missing.problems.filter((p) => !asked.includes(p) && !(asked.length && /status of 404/.test(p)))).toEqual([]);
      await missing.page.context().close();
    }
  });

  it("lists the plans and regions of one province at a time, from the province's own list", { timeout: 120_000 }, async () => {
    const lists = JSON.parse(readFileSync(join(ROOT, "src/plan-lists/provinces.json"), "utf8")) as { provinces: { province: string; plans: number }[] };
    for (const { province, plans } of lists.provinces) {
      const { page, problems } = await visit(browser, `${base}/plans/?province=${encodeURIComponent(province)}`, `plans-${province}`);
      expect(await page.locator("#observablehq-main table tbody tr").count(), province).toBe(plans);
      const shown = await page.locator("#observablehq-main table tbody tr td:nth-child(4)").allInnerTexts();
      expect(new Set(shown), province).toEqual(new Set([province]));
      const regions = await visit(browser, `${base}/regions/?province=${encodeURIComponent(province)}`, `regions-${province}`);
      const codes = m.regions.filter((code) => JSON.parse(readFileSync(join(ROOT, `src/region-data/${code}.json`), "utf8")).plans.some((p: { province: string }) => p.province === province));
      expect(await regions.page.locator("#observablehq-main table tbody tr").count(), province).toBe(codes.length);
      expect([...problems, ...regions.problems]).toEqual([]);
      await page.context().close();
      await regions.page.context().close();
    }
  });

  it("opens every region, report and requirement page without errors", { timeout: 180_000 }, async () => {
    const paths = [...m.regions.map((r) => `regions/view?code=${r}`), ...m.years.map((y) => `reports/${y}`), ...m.requirements.slice(0, 5).map((r) => `requirements/${r}`)];
    for (const path of paths) {
      const { page, problems, bytes } = await visit(browser, `${base}/${path}`, path.replace(/[/?=]/g, "-"));
      weights[`/${path}`] = bytes;
      expect(problems, path).toEqual([]);
      if (path.startsWith("reports/")) expect(await page.locator("#observablehq-main svg").count()).toBeGreaterThan(0);
      if (path.startsWith("requirements/")) expect(await page.locator(".wording").count()).toBeGreaterThan(1);
      if (path.startsWith("regions/")) expect(await page.locator("#observablehq-main .lead a").count()).toBeGreaterThan(0);
      expect(bytes).toBeLessThan(PAGE_BUDGET);
      await page.context().close();
    }
  });

  it("lists a cell's tasks when a heatmap cell is clicked, not when it is hovered", async () => {
    const { page, problems } = await visit(browser, `${base}/categories`, "categories-click");
    const cells = page.locator('#observablehq-main svg g[aria-label="cell"] rect');
    const centre = async (i: number) => {
      const box = (await cells.nth(i).boundingBox())!;
      return [box.x + box.width / 2, box.y + box.height / 2] as const;
    };
    const listed = () => page.locator("ol.cell-tasks li").count();
    await page.mouse.move(...(await centre(4))); // first plan, 重点领域信息公开: hovered only
    await page.waitForTimeout(300);
    expect(await listed()).toBe(0);
    expect(await page.getByText("点击上图的格子查看任务。").count()).toBe(1);
    await page.mouse.click(...(await centre(4)));
    await page.waitForTimeout(300);
    expect(await page.locator("h3").filter({ hasText: "重点领域信息公开（" }).count()).toBe(1);
    const shown = await listed();
    expect(shown).toBeGreaterThan(0);
    await page.mouse.move(...(await centre(2))); // hovering elsewhere keeps the chosen cell
    await page.waitForTimeout(300);
    expect(await page.locator("h3").filter({ hasText: "重点领域信息公开（" }).count()).toBe(1);
    expect(await listed()).toBe(shown);
    await page.screenshot({ path: join(SHOTS, "categories-clicked.png"), fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("finds from the sidebar search box every plan whose title, names, headings, tasks or units contain the words typed", { timeout: 120_000 }, async () => {
    // what each plan holds, read from the warehouse the site was built from, folded as the index folds it
    const conn = await openWarehouse(join(ROOT, ".zwgk-cache/site"));
    const entries = (await runQuery(conn, "SELECT doc_id, text FROM search_entries")).rows as { doc_id: string; text: string }[];
    conn.closeSync();
    const holding = (q: string) => entries.filter((e) => fold(e.text).includes(fold(q))).map((e) => e.doc_id).sort();
    const { page, problems } = await visit(browser, `${base}/`, "search");
    const box = page.locator("#observablehq-search input");
    const queries = ["政务公开", "市财政局", "规范性文件库", "信息公开年度报告", "庆元县", "2022", "政务服务数据管理局", "英德 财政"];
    const found: Record<string, number> = {};
    for (const q of queries) {
      await box.fill(q);
      await page.locator(".zwgk-search-count").first().waitFor({ timeout: 10_000 });
      await page.waitForTimeout(200);
      const hrefs = await page.locator("#observablehq-search-results li.zwgk-plan-result a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
      const listed = hrefs.map((h) => h.replace(/^.*\/plans\/view\?doc=/, "")).sort();
      const expected = q.includes(" ") ? holding(q.split(" ")[0]).filter((d) => holding(q.split(" ")[1]).includes(d)) : holding(q);
      expect(listed, q).toEqual(expected);
      found[q] = listed.length;
    }
    // 政务公开 is in every plan; the seeds write 政府信息公开工作年度报告, so 信息公开年度报告 is in none
    expect(found["政务公开"]).toBe(m.docs.length);
    for (const q of queries.filter((q) => q !== "信息公开年度报告")) expect(found[q], q).toBeGreaterThan(0);
    expect(found["信息公开年度报告"]).toBe(0);
    // a result opens the plan's page
    await box.fill("规范性文件库");
    await page.locator("li.zwgk-plan-result a").first().waitFor();
    await page.locator("li.zwgk-plan-result a").first().click();
    await page.waitForURL(/\/plans\/view\?doc=[0-9a-f]{16}$/);
    await page.locator(".task").first().waitFor();
    await page.screenshot({ path: join(SHOTS, "search-opened.png") });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("keeps every page's inputs in its URL: a reloaded URL shows the same view", { timeout: 180_000 }, async () => {
    // what a reader sees of a page's state: each input's value and the headings the state brings up
    const signature = (page: Page) =>
      page.evaluate(() => {
        const main = document.querySelector("#observablehq-main")!;
        const inputs = [...main.querySelectorAll("input, select")].map((e) => {
          const i = e as HTMLInputElement;
          if (i.type === "radio" || i.type === "checkbox") return `${i.type}:${i.checked}`;
          if (e instanceof HTMLSelectElement) return `select:${e.selectedOptions[0]?.textContent ?? ""}`;
          return `${i.type}:${i.value}`;
        });
        const headings = [...main.querySelectorAll("h3")].map((h) => h.textContent?.trim() ?? "");
        return { inputs, headings };
      });
    const doc = m.docs[0];
    const cases: [string, (page: Page) => Promise<void>][] = [
      ["gaps", async (page) => {
        await page.locator("label", { hasText: "同年份" }).first().click();
        await page.locator("#observablehq-main select").first().selectOption({ index: 2 });
      }],
      ["workload", async (page) => {
        await page.locator("#observablehq-main select").first().selectOption({ index: 2 });
        await page.locator("label", { hasText: "包括统称" }).click();
        await page.locator("label", { hasText: "按加权工作量排序" }).click();
      }],
      ["categories", async (page) => {
        await page.locator("label", { hasText: "任务数" }).first().click();
        await page.waitForTimeout(300);
        const rect = page.locator('#observablehq-main svg g[aria-label="cell"] rect').nth(17);
        const box = (await rect.boundingBox())!;
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      }],
      ["requirements", async (page) => {
        await page.locator("#observablehq-main form input[type=search]").fill("公开");
        await page.waitForTimeout(300);
        await page.locator("#observablehq-main table tbody tr").nth(1).click();
      }],
      ["plans/", async (page) => {
        await page.locator("#observablehq-main form input[type=search]").fill("英德");
      }],
      ["regions/", async (page) => {
        await page.locator("#observablehq-main select").first().selectOption({ label: "浙江省（1 份规划）" });
      }],
      [`plans/view?doc=${doc}`, async (page) => {
        await page.locator("label", { hasText: "同省同年" }).first().click();
      }],
    ];
    for (const [path, act] of cases) {
      const { page, problems } = await visit(browser, `${base}/${path}`, `state-${path.replace(/\//g, "-")}`);
      const before = await signature(page);
      await act(page);
      await page.waitForTimeout(400);
      const after = await signature(page);
      expect(after, `${path}: the actions change the view`).not.toEqual(before);
      const url = page.url();
      expect(new URL(url).search, path).not.toBe("");
      const reloaded = await visit(browser, url, `state-${path.replace(/\//g, "-")}-reloaded`);
      expect(await signature(reloaded.page), `${path} reloaded from ${url}`).toEqual(after);
      expect([...problems, ...reloaded.problems], path).toEqual([]);
      await page.context().close();
      await reloaded.page.context().close();
    }
  });

  it("prints a yearly report without the sidebar, charts whole, naming the corpus and its date", { timeout: 120_000 }, async () => {
    const year = Math.max(...m.years);
    const { page, problems } = await visit(browser, `${base}/reports/${year}`, `report-${year}`);
    const run = JSON.parse(readFileSync(join(ROOT, ".zwgk-cache/site/zwgk-manifest.json"), "utf8")).run;
    const source = await page.locator(".report-source").innerText();
    expect(source).toContain("数据来源：语料「seeds」，共 5 份规划，最近一份成文于 2024-11-04");
    expect(source).toContain(`数据版本 ${run}`);
    expect(await page.locator("#observablehq-sidebar").isVisible()).toBe(true);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#observablehq-sidebar").isVisible()).toBe(false);
    expect(await page.locator(".report-source").isVisible()).toBe(true);
    await page.waitForTimeout(300); // the print width redraws the charts: read the ones drawn for print
    const breaks = await page.locator("#observablehq-main svg, #observablehq-main li").evaluateAll((els) => els.filter((e) => e.isConnected).map((e) => getComputedStyle(e).breakInside));
    expect(breaks.length).toBeGreaterThan(0);
    expect(new Set(breaks)).toEqual(new Set(["avoid"]));
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    writeFileSync(join(ROOT, "test-artifacts", `report-${year}.pdf`), pdf);
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("runs SQL in the browser once the console is started", { timeout: 180_000 }, async () => {
    const { page, problems } = await visit(browser, `${base}/data`, "data-console");
    await page.getByRole("button", { name: "启动 SQL 控制台" }).click();
    await page.waitForSelector("text=/\\d+ 行/", { timeout: 90_000 }); // the first example runs as soon as the engine is up
    expect(await page.locator("text=/5 行/").count()).toBe(1); // 各规划任务数: one row per seed plan
    await page.screenshot({ path: join(SHOTS, "data-console-result.png"), fullPage: true });
    const rowCount = () => page.locator(".sql-rows").innerText();

    // an example chosen is kept in the URL, and a reload starts the console on it
    await page.locator("#observablehq-main select").first().selectOption({ label: "各类别任务数" });
    await page.waitForFunction(() => /category/.test(document.querySelector<HTMLTextAreaElement>("#observablehq-main textarea")?.value ?? ""));
    await page.waitForTimeout(500);
    expect(new URL(page.url()).searchParams.get("example")).toBe("各类别任务数");
    const exampleRows = await rowCount();
    const byExample = await visit(browser, page.url(), "data-console-example-reloaded");
    await byExample.page.waitForSelector(".sql-rows", { timeout: 90_000 });
    expect(await byExample.page.locator("#observablehq-main select").first().evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe("各类别任务数");
    expect(await byExample.page.locator(".sql-rows").innerText()).toBe(exampleRows);

    // a query typed and run is kept in the URL; the reloaded page runs it again
    const query = "SELECT region, count(*) AS n FROM tasks JOIN documents USING (doc_id) WHERE region LIKE '%英德%' GROUP BY region";
    await page.locator("#observablehq-main textarea").fill(query);
    await page.getByRole("button", { name: "运行" }).click();
    await page.waitForFunction((before) => document.querySelector(".sql-rows")?.textContent !== before, exampleRows);
    expect(new URL(page.url()).searchParams.get("sql")).toBe(query);
    const typedRows = await rowCount();
    const table = await page.locator("#observablehq-main table").last().innerText();
    const byQuery = await visit(browser, page.url(), "data-console-query-reloaded");
    await byQuery.page.waitForSelector(".sql-rows", { timeout: 90_000 });
    expect(await byQuery.page.locator("#observablehq-main textarea").inputValue()).toBe(query);
    expect(await byQuery.page.locator(".sql-rows").innerText()).toBe(typedRows);
    expect(await byQuery.page.locator("#observablehq-main table").last().innerText()).toBe(table);
    expect([...problems, ...byExample.problems, ...byQuery.problems]).toEqual([]);
    for (const p of [page, byExample.page, byQuery.page]) await p.context().close();
  });

  it("shows markup and script in a plan as text, and runs none of it", { timeout: 600_000 }, async () => {
    const corpus = join(tmpdir(), `zwgk-hostile-${process.pid}`);
    mkdirSync(corpus, { recursive: true });
    const original = readFileSync(SEEDS_DIR + "wengyuan-2018.txt", "utf8");
    const hostile = original
      .replace("把公开透明作为政府工作的基本要求", "&lt;img src=x onerror=\"window.__pwned=1;alert(1)\"&gt;把公开透明作为政府工作的基本要求&lt;script&gt;window.__pwned=2&lt;/script&gt;")
      .replace("县财政局负责", "县财政局&lt;b onmouseover=alert(3)&gt;负责")
      .replace("（一）围绕建设法治政府全面推进政务公开", "（一）&lt;iframe src=javascript:alert(4)&gt;围绕建设法治政府全面推进政务公开");
    writeFileSync(join(corpus, "hostile.txt"), hostile);
    // the province's plan of the same year, which the county's copies: its text reaches the county's page
    // in the lineage line (source and character diff) and in the list of the province's requirements
    writeFileSync(join(corpus, "province.txt"), hostile.replace("翁源县2018年政务公开工作要点分工方案", "广东省2018年政务公开工作要点").replace("（征求意见稿）", "广东省人民政府办公厅").replace("坚持以公开为常态、不公开为例外", "坚持以公开为常态、不公开为例外，推进决策公开"));
    copyFileSync(SEEDS_DIR + "yingde-2022.txt", join(corpus, "yingde-2022.txt"));
    const output = join(ROOT, "test-artifacts", "dist-hostile");
    await build(output, corpus);
    const hostileManifest = manifest();
    const { server: s2, base: b2 } = await serveDir(output);
    try {
      const pages = ["", "categories", "requirements", "workload", "gaps", ...hostileManifest.docs.map((d: string) => `plans/view?doc=${d}`), `requirements/${hostileManifest.requirements[0]}`];
      let shownAsText = 0;
      for (const path of pages) {
        const { page, problems } = await visit(browser, `${b2}/${path}`, `hostile-${path.replace(/[/?=]/g, "-") || "index"}`);
        expect(problems, path).toEqual([]);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        expect(await page.locator("#observablehq-main img[src=x], #observablehq-main iframe, #observablehq-main b[onmouseover]").count()).toBe(0);
        if (path.startsWith("plans/") && (await page.locator(".lineage").count()) > 0) {
          // the county's plan: the hostile text as its own task, in its source's diff and in the province's list
          expect(await page.locator(".task").first().innerText()).toContain('<img src=x onerror="window.__pwned=1;alert(1)">');
          expect(await page.locator("h4").first().innerText()).toContain("<iframe src=javascript:alert(4)>");
          const lineage = page.locator(".lineage").first();
          await lineage.locator("summary").click();
          expect(await lineage.innerText()).toMatch(/来自广东省2018年要点第1项（照搬/);
          expect(await lineage.locator(".diff del").first().innerText()).toContain("推进决策公开"); // the province's words the county left out
          expect(await lineage.locator(".diff").innerText()).toContain('<img src=x onerror="window.__pwned=1;alert(1)">');
          expect(await page.locator(".coverage-list li").first().innerText()).toContain("<script>window.__pwned=2</script>");
          shownAsText++;
        }
        await page.context().close();
      }
      expect(shownAsText).toBe(1);
      // a requirement page names, for the county's wording, the province's task it comes from
      const { page: req } = await visit(browser, `${b2}/requirements/${hostileManifest.requirements[0]}`, "hostile-requirement");
      expect(await req.locator(".wording .who").filter({ hasText: "翁源县" }).first().innerText()).toMatch(/来自广东省2018年要点第\d+项（(照搬|改写)）/);
      await req.context().close();
    } finally {
      s2.close();
      await build("dist"); // leave the seed site and its warehouse in place
    }
  });
});

it.skipIf(skipBrowser)("finds Chromium where the browser tests expect it (apt-get install -y chromium fonts-noto-cjk)", () => {
  expect(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: install it, set CHROMIUM_PATH, or set ZWGK_SKIP_BROWSER=1 to skip the browser tests`).toBe(true);
});
