// Rows straight into DuckDB as each document is parsed, so that a national corpus is held once, in
// DuckDB's columnar memory, rather than as millions of JS objects; Parquet is written from there.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DuckDBAppender, DuckDBConnection } from "@duckdb/node-api";
import type { CorpusLinks } from "./build.ts";
import { taskLinks } from "../enrich/requirements.ts";
import { copyPartitioned } from "./partition.ts";
import { SCHEMA, TABLE_NAMES, type Row, type TableName } from "./schema.ts";
import type { PackedTable } from "../prepare/packed.ts";
import { appendColumns, appendRow, loadTable, openDuckDB, writeTablesToParquet } from "./write.ts";

export interface RowSink {
  append(name: TableName, rows: Row[]): void;
  /** The same rows as columns (loaders/prepare/packed.ts). */
  appendPacked(name: TableName, table: PackedTable): void;
}

export class DuckDBSink implements RowSink {
  readonly counts: Record<TableName, number> = Object.fromEntries(TABLE_NAMES.map((n) => [n, 0])) as Record<TableName, number>;

  private constructor(
    readonly conn: DuckDBConnection,
    private readonly appenders: Map<TableName, DuckDBAppender>,
    private readonly dir: string,
  ) {}

  /** The rows live in a temporary database file, compressed, with at most `memoryLimit` in memory. */
  static async open(memoryLimit = "1200MB"): Promise<DuckDBSink> {
    const dir = mkdtempSync(join(tmpdir(), "zwgk-ingest-"));
    const conn = await openDuckDB(join(dir, "ingest.duckdb"), memoryLimit);
    const appenders = new Map<TableName, DuckDBAppender>();
    for (const name of TABLE_NAMES) {
      if (name === "requirements") continue; // made at the end, from the whole corpus (lineage and coverage are appended then)
      await loadTable(conn, name, SCHEMA[name], []);
      appenders.set(name, await conn.createAppender(name));
    }
    return new DuckDBSink(conn, appenders, dir);
  }

  append(name: TableName, rows: Row[]) {
    const appender = this.appenders.get(name);
    if (!appender) throw new Error(`no appender for ${name}`);
    for (const row of rows) appendRow(appender, SCHEMA[name], row);
    this.counts[name] += rows.length;
  }

  appendPacked(name: TableName, table: PackedTable) {
    const appender = this.appenders.get(name);
    if (!appender) throw new Error(`no appender for ${name}`);
    appendColumns(appender, SCHEMA[name], table.columns, table.length);
    this.counts[name] += table.length;
  }

  /** Close the appenders, attach the requirement groups, and write Parquet (flat or Hive-partitioned). */
  async finish(grouping: CorpusLinks | null, dir: string, options: { partition?: boolean } = {}) {
    for (const appender of this.appenders.values()) appender.closeSync();
    const requirements = (grouping?.requirements ?? []) as unknown as Row[];
    await loadTable(this.conn, "requirements", SCHEMA.requirements, requirements);
    this.counts.requirements = requirements.length;

    if (grouping) {
      // appended straight from the map: a national corpus has 1.5 million tasks, not worth an object each
      await loadTable(this.conn, "task_requirement", [{ name: "task_id", type: "VARCHAR" }, { name: "requirement_id", type: "VARCHAR" }, { name: "requirement_link", type: "VARCHAR" }], []);
      const appender = await this.conn.createAppender("task_requirement");
      for (const [taskId, link] of taskLinks(grouping)) {
        appender.appendVarchar(taskId);
        appender.appendVarchar(grouping.requirementOf.get(taskId)!);
        appender.appendVarchar(link);
        appender.endRow();
      }
      appender.closeSync();
      await this.conn.run("UPDATE tasks SET requirement_id = m.requirement_id, requirement_link = m.requirement_link FROM task_requirement m WHERE tasks.task_id = m.task_id");
      await this.conn.run("DROP TABLE task_requirement");
    }
    if (options.partition) await copyPartitioned(this.conn, dir);
    else await writeTablesToParquet(this.conn, dir);
    this.conn.closeSync();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
