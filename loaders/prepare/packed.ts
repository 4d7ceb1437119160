// A document's rows as columns, for the trip from a worker thread to the one writing the warehouse:
// structured cloning copies arrays of values several times faster than arrays of objects, which must
// carry every property name again, and the writer appends columns to DuckDB without rebuilding objects.
import type { GroupInput } from "../enrich/requirements.ts";
import { SCHEMA, type Row, type Value } from "../tables/schema.ts";
import type { DocumentRows } from "../tables/build.ts";

type DocTable = keyof DocumentRows["tables"];
const DOC_TABLES: DocTable[] = ["documents", "sections", "tasks", "assignments", "parse_issues", "texts"];

/** One table's rows: `columns[k][r]` is row r's value of SCHEMA[table][k]. */
export interface PackedTable {
  length: number;
  columns: Value[][];
}

export interface PackedRows {
  sourceFile: string;
  tables: Record<DocTable, PackedTable>;
  group: { taskId: string[]; docId: string[]; text: string[]; region: (string | null)[]; year: (number | null)[] };
}

export function pack(rows: DocumentRows): PackedRows {
  const tables = {} as Record<DocTable, PackedTable>;
  for (const name of DOC_TABLES) {
    const list = rows.tables[name];
    tables[name] = { length: list.length, columns: SCHEMA[name].map((c) => list.map((row) => row[c.name] ?? null)) };
  }
  const g = rows.group;
  return {
    sourceFile: rows.sourceFile,
    tables,
    group: { taskId: g.map((t) => t.taskId), docId: g.map((t) => t.docId), text: g.map((t) => t.text), region: g.map((t) => t.region), year: g.map((t) => t.year) },
  };
}

export function unpackGroup(packed: PackedRows): GroupInput[] {
  const g = packed.group;
  return g.taskId.map((taskId, i) => ({ taskId, docId: g.docId[i], text: g.text[i], region: g.region[i], year: g.year[i] }));
}

/** Append a row to a packed table. */
export function pushRow(name: DocTable, table: PackedTable, row: Row) {
  SCHEMA[name].forEach((c, k) => table.columns[k].push(row[c.name] ?? null));
  table.length++;
}

/** Row r's value of a column, and setting it. */
export function valueAt(name: DocTable, table: PackedTable, r: number, column: string): Value {
  return table.columns[columnIndex(name, column)][r];
}

export function setValue(name: DocTable, table: PackedTable, r: number, column: string, value: Value) {
  table.columns[columnIndex(name, column)][r] = value;
}

function columnIndex(name: DocTable, column: string): number {
  const k = SCHEMA[name].findIndex((c) => c.name === column);
  if (k === -1) throw new Error(`${name} has no column ${column}`);
  return k;
}
