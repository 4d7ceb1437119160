// The `zwgk` command line (notes/architecture.md): ingest, query, and the analyses researchers ask for
// first. Exit codes: 0 success, 1 some documents failed (the rest are written), 2 usage error or unusable
// --out folder, 3 a fault of the tool itself (bin/zwgk.js).
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { displayPath, findFiles, type WalkFault } from "../corpus.ts";
import { TABLE_NAMES } from "../tables/schema.ts";
import { ingestInto } from "../warehouse/ingest.ts";
import { confine, openWarehouse, runQuery, runReadingQuery, formatRows, type OutputFormat } from "../warehouse/index.ts";
import { ANALYSES, runAnalysis } from "../warehouse/analyses.ts";
import { WarehouseError, WarehouseOutput } from "../warehouse/publish.ts";

const USAGE = `zwgk — compare government-affairs-openness plans (政务公开工作要点)

Usage:
  zwgk ingest <file-or-folder>... --out <dir> [--partition] [--quiet] [--workers N] [--no-cache]
      Parse every plan given (.txt .md .html .docx; UTF-8, UTF-16 or GB18030) and write one Parquet
      file per table into <dir>. --partition writes <table>/province=…/year=…/ folders instead.
      --workers: threads that read and parse (default: one per core; 0 parses in the main thread);
      the tables are the same whatever the number. A second ingest into the same <dir> parses only new
      and changed files (kept in <dir>/.zwgk-cache, made again when zwgk changes); --no-cache parses all.
  zwgk query <dir> "<SQL>" [--json | --csv] [--unsafe]
      Run DuckDB SQL over the tables of <dir> (each table is a view by its name). Queries only read, and
      only the files of <dir>; --unsafe runs any SQL with your own rights (COPY, ATTACH, read_csv of any file).
${ANALYSES.map((a) => `  zwgk ${a.command} <dir> ${a.usage} [--json | --csv]\n      ${a.help}`).join("\n")}

Tables: ${TABLE_NAMES.join(", ")}.
Exit status: 0 ok, 1 some documents failed (the others are written), 2 usage error or an --out folder that
cannot be used (locked by another ingest, a file, not writable, holding files zwgk did not write), 3 a fault
of zwgk itself (please report it).`;

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === "--help" || command === "-h" || command === "help") {
      console.log(USAGE);
      return command ? 0 : 2;
    }
    if (command === "ingest") return await ingest(rest);
    if (command === "query") return await query(rest);
    const analysis = ANALYSES.find((a) => a.command === command);
    if (analysis) return await analyse(analysis.command, rest);
    throw new UsageError(`unknown command: ${command}`);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`zwgk: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof WarehouseError) {
      console.error(`zwgk: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>["options"]>;

function parse(args: string[], options: Options) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

async function ingest(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: "string", short: "o" }, partition: { type: "boolean" }, quiet: { type: "boolean", short: "q" }, workers: { type: "string" }, "no-cache": { type: "boolean" } });
  if (positionals.length === 0) throw new UsageError("ingest needs at least one file or folder");
  if (!values.out) throw new UsageError("ingest needs --out <dir>");
  if (values.workers !== undefined && !/^\d{1,3}$/.test(values.workers as string)) throw new UsageError("--workers takes a number of threads (0 parses in the main thread)");
  for (const p of positionals) if (!existsSync(p)) throw new UsageError(`no such file or folder: ${p}`);
  const { files, faults } = findFiles(positionals);
  if (files.length === 0) {
    for (const f of faults) console.error(`FAIL ${f.path}: ${f.code}: ${f.message}`);
    throw new UsageError(`no files found in ${positionals.join(" ")}`);
  }
  const out = values.out as string;
  const output = WarehouseOutput.claim(out); // checked and locked before anything is parsed
  // Ctrl-C leaves the last warehouse as it was: the staging folder and the lock go, nothing else changes
  const stop = (signal: NodeJS.Signals) => {
    output.release();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    return await ingestWith(output, files, faults, values);
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    output.release();
  }
}

async function ingestWith(output: WarehouseOutput, files: string[], faults: WalkFault[], values: Record<string, unknown>): Promise<number> {
  const progress = process.stderr.isTTY && files.length >= 200;
  const started = Date.now();
  // paths the walk could not follow: one line each; a folder reached twice costs nothing
  const unread = faults.filter((f) => f.code !== "repeated-folder");
  for (const f of faults) {
    if (f.code === "repeated-folder") {
      if (!values.quiet) console.log(`skip ${f.path}: ${f.message}`);
    } else console.error(`FAIL ${f.path}: ${f.code}: ${f.message}`);
  }
  const quiet = values.quiet || progress;
  const summary = await ingestInto(output, files, values.partition ? "partitioned" : "flat", (doc, i, duplicateOf) => {
    if (duplicateOf !== null) {
      if (!quiet) console.log(`dup  ${doc.sourceFile}: the same plan as ${duplicateOf.sourceFile}, kept once`);
    } else if (doc.failure) {
      console.error(`FAIL ${doc.sourceFile}: ${doc.failure.code}: ${doc.failure.message}`);
    } else if (!quiet) {
      console.log(`ok   ${doc.sourceFile}  ${doc.region ?? "?"} ${doc.year ?? "?"}  ${doc.layout}  ${doc.tasks} tasks${doc.warnings ? `, ${doc.warnings} warnings` : ""}`);
    }
    if (progress) {
      const width = 30;
      const done = Math.round(((i + 1) / files.length) * width);
      process.stderr.write(`\r[${"#".repeat(done)}${".".repeat(width - done)}] ${i + 1}/${files.length}`);
      if (i + 1 === files.length) process.stderr.write("\n");
    }
  }, { workers: values.workers === undefined ? undefined : Number(values.workers), cache: values["no-cache"] ? false : undefined });
  const { rows, failed, duplicates, parsed } = summary;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `${files.length} files: ${parsed} parsed, ${failed} failed${duplicates ? `, ${duplicates} duplicates kept once` : ""}${summary.reused ? ` (${summary.reused} unchanged, read from the cache)` : ""}${unread.length ? `, ${unread.length} paths unreadable` : ""}; ` +
      `${rows.tasks} tasks, ${rows.assignments} unit assignments, ${rows.requirements} requirements; ` +
      `${rows.parse_issues} parse issues; written to ${displayPath(output.dir)}/ (run ${summary.manifest.run}) in ${seconds}s`,
  );
  return failed > 0 || unread.length > 0 ? 1 : 0;
}

function outputFormat(values: Record<string, unknown>): OutputFormat {
  if (values.json && values.csv) throw new UsageError("choose one of --json and --csv");
  return values.json ? "json" : values.csv ? "csv" : "table";
}

async function query(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: "boolean" }, csv: { type: "boolean" }, unsafe: { type: "boolean" } });
  const [dir, sql] = positionals;
  if (!dir || !sql || positionals.length > 2) throw new UsageError('query needs <dir> and one "<SQL>" argument');
  if (!existsSync(dir)) throw new UsageError(`no such folder: ${dir}`);
  const format = outputFormat(values);
  const conn = await openWarehouse(dir);
  try {
    let result;
    if (values.unsafe) result = await runQuery(conn, sql);
    else {
      await confine(conn, dir);
      result = await runReadingQuery(conn, sql);
    }
    process.stdout.write(formatRows(result, format));
    return 0;
  } catch (e) {
    console.error(`zwgk query: ${(e as Error).message}`);
    return 1;
  }
}

async function analyse(command: string, args: string[]): Promise<number> {
  const analysis = ANALYSES.find((a) => a.command === command)!;
  const { values, positionals } = parse(args, { json: { type: "boolean" }, csv: { type: "boolean" }, ...analysis.options });
  const [dir] = positionals;
  if (!dir || positionals.length > 1) throw new UsageError(`${command} needs <dir>`);
  if (!existsSync(dir)) throw new UsageError(`no such folder: ${dir}`);
  const format = outputFormat(values);
  const conn = await openWarehouse(dir);
  try {
    const result = await runAnalysis(conn, command, values as Record<string, string | boolean | undefined>);
    process.stdout.write(formatRows(result, format));
    return 0;
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(e.message);
    console.error(`zwgk ${command}: ${(e as Error).message}`);
    return 1;
  }
}
