// Before the dashboard builds: ingest the corpus once (seeds/, or the folder in ZWGK_CORPUS) into
// .zwgk-cache/site/ — the tables as Parquet and a manifest of the pages to build — so that every data
// loader reads the same warehouse and nothing is parsed twice. The files there are one per plan and one per
// region (the viewers' data) and the search index are written straight into src/ (PLAN_DATA_DIR, …), where
// Framework copies them as they are: tens of thousands of files, no process or page per file.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { listFiles } from "../corpus.ts";
import { openWarehouse, runQuery } from "../warehouse/index.ts";
import { ingest } from "../warehouse/ingest.ts";
import { writePages } from "./pages.ts";
import { writeSearchIndex, type SearchIndexSummary } from "./search.ts";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SITE_DIR = join(ROOT, ".zwgk-cache", "site");
/** One file per plan, read by the plan viewer (src/plans/view.md): src/plan-data/<doc_id>.json. */
export const PLAN_DATA_DIR = join(ROOT, "src", "plan-data");
/** One file per region, read by the region viewer (src/regions/view.md): src/region-data/<region_code>.json. */
export const REGION_DATA_DIR = join(ROOT, "src", "region-data");
/** The plan lists of the plan and region indexes, one per province (loaders/site/pages.ts): src/plan-lists/. */
export const PLAN_LISTS_DIR = join(ROOT, "src", "plan-lists");
/** The site search's index (loaders/site/search.ts): src/search-index/. */
export const SEARCH_DIR = join(ROOT, "src", "search-index");
/** Prepared documents kept between builds (the site folder is made anew each time): a rebuild parses only changed plans. */
const PREPARED_DIR = join(ROOT, ".zwgk-cache", "prepared");

export interface Manifest {
  corpus: string;
  /** The warehouse run (zwgk-manifest.json): the same corpus gives the same id. */
  run: string;
  docs: string[];
  regions: string[];
  years: number[];
  requirements: string[];
  failed: { source_file: string; code: string; message: string }[];
  /** The plan lists' files (without .json), the site's dynamic paths. */
  lists?: string[];
  /** The search index written beside the pages (its shard count gives the files to build). */
  search?: SearchIndexSummary;
}

/** Requirement pages are built for the most widely carried requirements only. */
export const REQUIREMENT_PAGES = 200;

export async function prepareSite(corpus = process.env.ZWGK_CORPUS || join(ROOT, "seeds")): Promise<Manifest> {
  for (const dir of [SITE_DIR, PLAN_DATA_DIR, REGION_DATA_DIR, PLAN_LISTS_DIR, SEARCH_DIR]) rmSync(dir, { recursive: true, force: true });
  const ingested = await ingest(listFiles([corpus]), SITE_DIR, "flat", undefined, { cache: PREPARED_DIR }); // the same function, and so the same files, as `zwgk ingest`
  const conn = await openWarehouse(SITE_DIR);
  const list = async (sql: string) => (await runQuery(conn, sql)).rows.map((r) => Object.values(r)[0]);
  const manifest: Manifest = {
    corpus,
    run: ingested.manifest.run,
    docs: (await list("SELECT doc_id FROM plan_list ORDER BY doc_id")) as string[],
    regions: (await list("SELECT DISTINCT region_code FROM plan_list WHERE region_code IS NOT NULL ORDER BY region_code")) as string[],
    years: (await list("SELECT year FROM year_totals ORDER BY year")) as number[],
    requirements: (await list(`SELECT requirement_id FROM requirement_rank WHERE doc_count >= 2 ORDER BY rank LIMIT ${REQUIREMENT_PAGES}`)) as string[],
    failed: (await runQuery(conn, "SELECT * FROM failed_files ORDER BY source_file, code")).rows as Manifest["failed"],
  };
  // the site search's sharded bigram index (Framework's own page search cuts Chinese into whole clauses)
  manifest.search = await writeSearchIndex(conn, SEARCH_DIR);
  const lists = await writePages(conn, { pages: join(SITE_DIR, "pages"), plans: PLAN_DATA_DIR, regions: REGION_DATA_DIR, lists: PLAN_LISTS_DIR }, manifest);
  manifest.lists = ["provinces", ...(lists.all ? ["all"] : []), ...lists.provinces.map((p) => p.id)];
  conn.closeSync();
  writeFileSync(join(SITE_DIR, "manifest.json"), JSON.stringify(manifest, null, 1));
  return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const m = await prepareSite();
  console.log(`zwgk site: ${m.docs.length} plans from ${m.corpus}, ${m.failed.length} failed, ${m.regions.length} regions, ${m.years.length} years`);
  for (const f of m.failed) console.log(`  FAIL ${f.source_file}: ${f.code}: ${f.message}`);
}
