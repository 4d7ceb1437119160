// data/labels.tsv is the one place ids get their Chinese labels and colours: each set holds exactly the ids
// the stages produce, and no label is written again in code or pages.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { DuckDBConnection } from "@duckdb/node-api";
import { parseFiles } from "../loaders/corpus.ts";
import { readTable } from "../loaders/data.ts";
import { CATEGORIES } from "../loaders/enrich/categories.ts";
import { UNIT_KINDS } from "../loaders/enrich/units.ts";
import { COVERAGE_STATUSES, RELATIONS } from "../loaders/enrich/lineage.ts";
import { allLabels, labelIds, labels } from "../loaders/labels.ts";
import { buildTables } from "../loaders/tables/build.ts";
import { REQUIREMENT_LINKS } from "../loaders/enrich/requirements.ts";
import { PEERS } from "../loaders/warehouse/analyses.ts";
import { runQuery, warehouseFromTables } from "../loaders/warehouse/index.ts";
import { ROOT, SEEDS, SEEDS_DIR } from "./helpers.ts";

const ids = (set: Parameters<typeof labelIds>[0]) => new Set(labelIds(set));

describe("data/labels.tsv", () => {
  it("categories: the rules' categories, each with a colour of its own", () => {
    const ruled = new Set(readTable("category-rules.tsv").map((r) => r.category));
    expect(new Set(CATEGORIES)).toEqual(ruled);
    const colours = labels("category").map((l) => l.colour.toLowerCase());
    expect(colours.every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);
    expect(new Set(colours).size).toBe(colours.length);
  });

  it("unit kinds and domains: exactly the kinds of data/unit-kinds.tsv and the domains of data/key-area-domains.tsv", () => {
    expect(ids("unit-kind")).toEqual(new Set(UNIT_KINDS));
    expect(ids("domain")).toEqual(new Set([...readTable("key-area-domains.tsv").map((r) => r.domain), "general"]));
  });

  describe("the values the warehouse holds", () => {
    let conn: DuckDBConnection;
    const values = async (sql: string) => (await runQuery(conn, sql)).rows.map((r) => Object.values(r)[0] as string);
    beforeAll(async () => {
      conn = await warehouseFromTables(buildTables(await parseFiles(SEEDS.map((s) => SEEDS_DIR + s.file))));
    }, 60_000);

    it.for([
      ["layout", "SELECT DISTINCT layout FROM documents"],
      ["level", "SELECT DISTINCT level FROM documents"],
      ["status", "SELECT DISTINCT status FROM documents"],
      ["role", "SELECT DISTINCT role FROM assignments"],
      ["unit-kind", "SELECT DISTINCT unit_kind FROM assignments"],
      ["domain", "SELECT DISTINCT domain FROM tasks WHERE domain IS NOT NULL"],
      ["gap", "SELECT DISTINCT gap_type FROM plan_gaps"],
      ["category", "SELECT DISTINCT category FROM category_matrix"],
      ["requirement-link", "SELECT DISTINCT requirement_link FROM tasks"],
    ] as const)("%s: every value has a label", async ([set, sql]) => {
      const found = await values(sql);
      expect(found.length).toBeGreaterThan(0);
      for (const v of found) expect(ids(set), `${set} ${v}`).toContain(v);
    });

    it("peers, plan-diff statuses, lineage relations, coverage statuses and requirement links: the analyses' own values", async () => {
      expect(ids("peer")).toEqual(new Set(PEERS));
      expect(ids("diff-status")).toEqual(new Set(["added", "dropped", "kept"]));
      expect(ids("relation")).toEqual(new Set(RELATIONS));
      expect(ids("coverage")).toEqual(new Set(COVERAGE_STATUSES));
      expect(ids("requirement-link")).toEqual(new Set(REQUIREMENT_LINKS));
      expect(ids("layout")).toContain("none");
    });
  });

  it("no label is written again in loaders/ or src/ (pages read data/labels.json)", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        if (name.startsWith(".") || name === "node_modules") continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|js|md|sql)$/.test(name)) files.push(path);
      }
    };
    walk(ROOT + "loaders");
    walk(ROOT + "src");
    // role words (牵头, 配合, 负责) are also the parser's vocabulary (data/unit-grammar.tsv), so only the
    // labels of the other sets are looked for, as quoted literals
    const written = allLabels().filter((l) => l.set !== "role").map((l) => l.label);
    // the same words in another sense: an input's caption (规划 = "plan") and the workload scope "all plans"
    const otherSense = new Set(["src/gaps.md: 规划", "src/workload.md: 全部规划"]);
    const again: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const label of written) if (text.includes(`"${label}"`) || text.includes(`'${label}'`)) {
        const hit = `${file.slice(ROOT.length)}: ${label}`;
        if (!otherSense.has(hit)) again.push(hit);
      }
    }
    expect(again).toEqual([]);
  });
});
