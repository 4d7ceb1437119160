// The dashboard: Observable Framework, in Chinese, built with no network. `npm run build` prepares the
// warehouse first (loaders/site/prepare.ts), which writes the manifest of plans, regions, years and
// requirements that the parameterized pages below are built for.
import { existsSync, readFileSync } from "node:fs";

interface Manifest {
  search?: { files: string[] };
  lists?: string[];
  docs: string[];
  regions: string[];
  years: number[];
  requirements: string[];
}
const MANIFEST = ".zwgk-cache/site/manifest.json";
const manifest: Manifest = existsSync(MANIFEST) ? JSON.parse(readFileSync(MANIFEST, "utf8")) : { docs: [], regions: [], years: [], requirements: [] };

export default {
  title: "政务公开工作要点比较",
  root: "src",
  output: process.env.ZWGK_SITE_OUTPUT ?? "dist",
  theme: "air",
  globalStylesheets: [],
  style: "style.css",
  head: `<link rel="icon" href="data:,"><script>document.documentElement.lang = "zh-CN"; addEventListener("DOMContentLoaded", () => { const i = document.querySelector("#observablehq-search input"); if (i) i.placeholder = "搜索"; });</script><script type="module" src="/components/site-search.js"></script><meta name="description" content="各地政务公开工作要点的任务类别、反复出现的要求、责任单位工作量与覆盖缺口比较">`,
  header: "",
  footer: "zwgk-atlas · 数据来自各地公开发布的政务公开工作要点 · 全部表格可在「数据」页下载",
  sidebar: true,
  pager: true,
  toc: { label: "本页内容" },
  // Framework's page search stays for the pages' own text; plans are found by the Chinese search box
  // (src/components/site-search.js over the bigram index of loaders/site/search.ts)
  search: true,
  pages: [
    { name: "任务类别", path: "/categories" },
    { name: "反复出现的要求", path: "/requirements" },
    { name: "责任单位工作量", path: "/workload" },
    { name: "覆盖缺口", path: "/gaps" },
    { name: "规划", path: "/plans/", open: false, pages: [] },
    { name: "地区", path: "/regions/", open: false, pages: [] },
    { name: "年度报告", open: false, pages: manifest.years.map((y) => ({ name: `${y} 年`, path: `/reports/${y}` })) },
    { name: "数据", path: "/data" },
  ],
  dynamicPaths: [
    // the plan and region viewers (/plans/view?doc=…, /regions/view?code=…) read one file per item, copied
    // as it is (loaders/site/pages.ts); /plans/<doc_id> and /regions/<code> lead to them (loaders/site/redirects.ts)
    ...manifest.docs.map((d) => `/plan-data/${d}.json`),
    ...manifest.regions.map((r) => `/region-data/${r}.json`),
    ...manifest.years.map((y) => `/reports/${y}`),
    ...manifest.requirements.map((r) => `/requirements/${r}`),
    ...(manifest.search?.files ?? []).map((f) => `/search-index/${f}.json`),
    ...(manifest.lists ?? []).map((f) => `/plan-lists/${f}.json`),
  ],
};
