// The warehouse folder as a user's disk sees it: an ingest swaps a whole run in or leaves the last one
// alone; a reader refuses a folder that mixes runs; nothing an ingest did not write is removed; one ingest
// at a time; a bad --out is refused before parsing; a bad path in the corpus is one message; a fault of
// the tool itself exits 3.
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { findFiles } from "../loaders/corpus.ts";
import { CACHE_FOLDER } from "../loaders/prepare/cache.ts";
import { SEEDS, SEEDS_DIR } from "./helpers.ts";
import { CAN_RUN_UNPRIVILEGED, startZwgk, zwgk, zwgkAsUser, zwgkWith } from "./support/zwgk.ts";

const tmp = mkdtempSync(join(tmpdir(), "zwgk-warehouse-"));
const TABLES = ["documents", "sections", "tasks", "assignments", "requirements", "lineage", "coverage", "parse_issues", "texts"];

/** A corpus folder holding some of the seeds. */
function corpus(name: string, files: string[]): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const f of files) copyFileSync(SEEDS_DIR + f, join(dir, f));
  return dir;
}

async function counts(out: string): Promise<{ docs: number; tasks: number; orphans: number }> {
  const r = await zwgk("query", out, "SELECT (SELECT count(*) FROM documents) AS docs, (SELECT count(*) FROM tasks) AS tasks, (SELECT count(*) FROM tasks WHERE doc_id NOT IN (SELECT doc_id FROM documents)) AS orphans", "--json");
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout)[0];
}

/** A pid that belonged to a process which has ended. */
/** What an ingest left in a folder beside the warehouse (a staging folder, a lock); the cache is meant to stay. */
function leftovers(out: string): string[] {
  return readdirSync(out).filter((f) => f.startsWith(".") && f !== CACHE_FOLDER);
}

function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

const all = SEEDS.map((s) => s.file);
const three = all.slice(0, 3);

describe("an ingest is swapped in whole, or not at all", () => {
  let full: string;
  let small: string;
  let smallCounts: Awaited<ReturnType<typeof counts>>; // what a fresh ingest of the three seeds holds
  beforeAll(async () => {
    full = corpus("full", all);
    small = corpus("small", three);
    await zwgk("ingest", small, "--out", join(tmp, "small-fresh"), "--quiet");
    smallCounts = await counts(join(tmp, "small-fresh"));
  });

  it("writes a manifest naming the run, each table's path and rows", async () => {
    const out = join(tmp, "manifest");
    expect((await zwgk("ingest", full, "--out", out, "--quiet")).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, "zwgk-manifest.json"), "utf8"));
    expect(manifest.layout).toBe("flat");
    expect(manifest.run).toMatch(/^[0-9a-f]{16}$/);
    expect(Object.keys(manifest.tables)).toEqual(TABLES);
    expect(manifest.tables.tasks).toMatchObject({ path: "tasks.parquet", rows: 236, files: 1 });
    expect(readdirSync(out).sort()).toEqual([CACHE_FOLDER, "zwgk-manifest.json", ...TABLES.map((t) => `${t}.parquet`)].sort()); // the cache stays, for the next ingest
    // the same corpus gives the same run id
    const again = join(tmp, "manifest-again");
    await zwgk("ingest", full, "--out", again, "--quiet");
    expect(JSON.parse(readFileSync(join(again, "zwgk-manifest.json"), "utf8")).run).toBe(manifest.run);
  });

  it("refuses a folder that mixes the tables of two runs (the orphan tasks the old code accepted)", async () => {
    const out = join(tmp, "mixed");
    const other = join(tmp, "mixed-other");
    await zwgk("ingest", full, "--out", out, "--quiet");
    await zwgk("ingest", small, "--out", other, "--quiet");
    copyFileSync(join(other, "documents.parquet"), join(out, "documents.parquet")); // documents of one run, tasks of another
    const r = await zwgk("query", out, "SELECT count(*) FROM tasks");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/documents\.parquet holds \d+ rows .* lists 5 rows .*mixes two runs/);
    expect((await zwgk("workload", out, "--region", "庆元县")).code).toBe(2);
  });

  it("refuses a folder whose swap was cut short, and the next ingest repairs it", async () => {
    const out = join(tmp, "cut");
    const next = join(tmp, "cut-next");
    await zwgk("ingest", full, "--out", out, "--quiet");
    await zwgk("ingest", small, "--out", next, "--quiet");
    // the state an ingest killed mid-swap leaves: its staging folder with its manifest, the old manifest
    // set aside, some old tables removed and some new ones moved in
    const staging = join(out, `.zwgk-staging-${deadPid()}`);
    mkdirSync(staging);
    renameSync(join(out, "zwgk-manifest.json"), join(out, ".zwgk-manifest.previous.json"));
    copyFileSync(join(next, "zwgk-manifest.json"), join(staging, "zwgk-manifest.json"));
    rmSync(join(out, "documents.parquet"));
    copyFileSync(join(next, "documents.parquet"), join(out, "documents.parquet"));
    for (const t of TABLES.slice(1)) copyFileSync(join(next, `${t}.parquet`), join(staging, `${t}.parquet`));
    const refused = await zwgk("query", out, "SELECT count(*) FROM tasks");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/no zwgk-manifest\.json: an ingest was interrupted/);
    const repaired = await zwgk("ingest", small, "--out", out, "--quiet");
    expect(repaired.code).toBe(0);
    expect(await counts(out)).toEqual(smallCounts);
    expect(leftovers(out)).toEqual([]);
  });

  it("leaves the last warehouse as it was when interrupted with Ctrl-C", async () => {
    const out = join(tmp, "interrupted");
    await zwgk("ingest", small, "--out", out, "--quiet");
    const before = await counts(out);
    const big = join(tmp, "big");
    mkdirSync(big);
    cpSync(join(SEEDS_DIR), join(big, "seeds"), { recursive: true });
    cpSync(join(SEEDS_DIR, "../test/fixtures/real"), join(big, "real"), { recursive: true });
    const child = startZwgk("ingest", big, "--out", out);
    const code = await new Promise<number | null>((done) => {
      let interrupted = false;
      child.stdout!.on("data", (chunk: Buffer) => {
        if (!interrupted && chunk.toString().includes("ok   ")) {
          interrupted = true;
          child.kill("SIGINT");
        }
      });
      child.on("exit", (c) => done(c));
    });
    expect(code).toBe(130);
    expect(await counts(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]); // no staging folder, no lock
  });

  it("with --partition over flat tables, replaces them: no old table shadows the new ones", async () => {
    const out = join(tmp, "relayout");
    await zwgk("ingest", full, "--out", out, "--quiet");
    expect((await zwgk("ingest", small, "--out", out, "--partition", "--quiet")).code).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith(".parquet"))).toEqual([]);
    expect(await counts(out)).toEqual(smallCounts);
    // and back
    expect((await zwgk("ingest", full, "--out", out, "--quiet")).code).toBe(0);
    expect(readdirSync(out).filter((f) => TABLES.includes(f))).toEqual([]);
    expect(await counts(out)).toEqual({ docs: 5, tasks: 236, orphans: 0 });
  });
});

describe("nothing an ingest did not write is touched", () => {
  it("refuses an --out holding a folder named like a table, and keeps what it holds", async () => {
    const out = join(tmp, "user-folder");
    mkdirSync(join(out, "tasks"), { recursive: true });
    writeFileSync(join(out, "tasks", "my-notes.txt"), "研究笔记");
    const r = await zwgk("ingest", "seeds", "--out", out, "--partition");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds tasks, which no zwgk ingest listed in a manifest/);
    expect(r.stdout).not.toMatch(/^ok /m); // refused before parsing
    expect(readFileSync(join(out, "tasks", "my-notes.txt"), "utf8")).toBe("研究笔记");
    expect(existsSync(join(out, "zwgk-manifest.json"))).toBe(false);
  });

  it("keeps other files beside the tables across ingests", async () => {
    const out = join(tmp, "beside");
    mkdirSync(out);
    writeFileSync(join(out, "README.txt"), "mine");
    await zwgk("ingest", "seeds", "--out", out, "--quiet");
    await zwgk("ingest", "seeds", "--out", out, "--partition", "--quiet");
    expect(readFileSync(join(out, "README.txt"), "utf8")).toBe("mine");
  });
});

describe("one ingest at a time", () => {
  it("exits 2 while another live ingest holds the folder", async () => {
    const out = join(tmp, "locked");
    mkdirSync(out);
    writeFileSync(join(out, ".zwgk.lock"), `${process.pid}\n`); // this test runner: alive
    const r = await zwgk("ingest", "seeds", "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`another zwgk ingest \\(process ${process.pid}\\) is writing to`));
    expect(existsSync(join(out, "zwgk-manifest.json"))).toBe(false);
    expect(readFileSync(join(out, ".zwgk.lock"), "utf8")).toBe(`${process.pid}\n`); // not ours to remove
  });

  it("takes over the lock of an ingest that was killed", async () => {
    const out = join(tmp, "stale");
    mkdirSync(out);
    writeFileSync(join(out, ".zwgk.lock"), `${deadPid()}\n`);
    expect((await zwgk("ingest", "seeds", "--out", out, "--quiet")).code).toBe(0);
    expect(existsSync(join(out, ".zwgk.lock"))).toBe(false);
  });
});

describe("bad paths", () => {
  it("checks --out before parsing: a file, or a place no folder can be made, is one message and exit 2", async () => {
    writeFileSync(join(tmp, "a-file"), "");
    const file = await zwgk("ingest", "seeds", "--out", join(tmp, "a-file"));
    expect(file).toMatchObject({ code: 2, stdout: "" });
    expect(file.stderr).toMatch(/is a file, not a folder/);
    const proc = await zwgk("ingest", "seeds", "--out", "/proc/zwgk-no-such/x");
    expect(proc).toMatchObject({ code: 2, stdout: "" });
    expect(proc.stderr).toMatch(/cannot create the folder \/proc\/zwgk-no-such\/x: ENOENT/);
  });

  it("reports a dangling link, a link loop and a link back to a parent one by one, and ingests the rest (exit 1)", async () => {
    const dir = corpus("links", all);
    mkdirSync(join(dir, "sub"));
    symlinkSync("../", join(dir, "sub", "up"));
    symlinkSync("gone.txt", join(dir, "dangling.txt"));
    symlinkSync("loop", join(dir, "loop"));
    const { files, faults } = findFiles([dir]);
    expect(files).toHaveLength(5);
    expect(faults.map((f) => [f.path.split("/").slice(-2).join("/"), f.code])).toEqual([
      ["links/dangling.txt", "dangling-link"],
      ["links/loop", "link-loop"],
      ["sub/up", "repeated-folder"],
    ]);
    const r = await zwgk("ingest", dir, "--out", join(tmp, "links-out"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/FAIL .*dangling\.txt: dangling-link: the link points to gone\.txt/);
    expect(r.stderr).toMatch(/FAIL .*loop: link-loop: /);
    expect(r.stdout).toMatch(/5 files: 5 parsed, 0 failed, 2 paths unreadable; 236 tasks/);
  });

  it.runIf(CAN_RUN_UNPRIVILEGED)("reports an unreadable folder and ingests the rest", async () => {
    const dir = corpus("unreadable", all);
    mkdirSync(join(dir, "closed"));
    for (const path of [tmp, dir, ...all.map((f) => join(dir, f))]) chmodSync(path, 0o777); // readable by the ordinary user
    chmodSync(join(dir, "closed"), 0o000);
    const r = await zwgkAsUser("ingest", dir, "--out", join(tmp, "unreadable-out"));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/FAIL .*closed: unreadable-folder: EACCES/);
  });
});

describe("a fault of the tool itself", () => {
  it("exits 3 with a plain message, releases the lock and leaves the last warehouse", async () => {
    const out = join(tmp, "fault");
    await zwgk("ingest", "seeds", "--out", out, "--quiet");
    const inject = join(tmp, "inject-fault.mjs");
    writeFileSync(
      inject,
      `import fs from "node:fs"; import { syncBuiltinESMExports } from "node:module";
       fs.renameSync = () => { throw new TypeError("injected fault"); }; syncBuiltinESMExports();`,
    );
    const r = await zwgkWith({ NODE_OPTIONS: `--import=${pathToFileURL(inject).href}` }, "ingest", "seeds", "--out", out, "--quiet");
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/zwgk: internal error — this is a fault of zwgk, not of your files.*\n.*TypeError: injected fault/);
    expect(leftovers(out)).toEqual([]);
    expect((await counts(out)).tasks).toBe(236);
  });
});
